/**
 * Whether gpu.js deserves a place among `auto`'s candidates on this machine: a one-off timing of a
 * small matmul and a small convolution against the best built-in backend. On CPU-only machines gpu.js
 * (webasm) is 10–50× slower than the generated wasm kernels, and calibrating it on every layer shape
 * costs seconds of kernel compilation and memory; on a real GPU it can win, and then it stays in.
 */
import type { Backend } from '@gapkit/autodiff';

/** gpu.js stays a candidate if it is within this factor of the best on either probe. */
const KEEP_WITHIN = 2;

function bestOf(fn: () => void, reps: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** Times `gpujs` and each of `others` on the probes; returns the verdict and a one-line reason. */
export function probeGpuJs(gpujs: Backend, others: readonly Backend[]): { keep: boolean; note: string } {
  const n = 128;
  const a = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const g = {
    batch: 4, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3,
    strideH: 1, strideW: 1, padH: 1, padW: 1, outHeight: 16, outWidth: 16,
  };
  const x = a.subarray(0, 4 * 16 * 256);
  const w = a.subarray(0, 16 * 16 * 9);
  const time = (b: Backend) => ({
    matmul: bestOf(() => b.kernels.matmul?.(a, a, n, n, n), 3),
    conv: bestOf(() => b.kernels.conv2d?.(x, w, g), 3),
  });
  const mine = time(gpujs);
  const best = others.map(time).reduce((p, q) => ({ matmul: Math.min(p.matmul, q.matmul), conv: Math.min(p.conv, q.conv) }));
  const rm = mine.matmul / best.matmul;
  const rc = mine.conv / best.conv;
  const keep = rm <= KEEP_WITHIN || rc <= KEEP_WITHIN;
  return {
    keep,
    note: `${gpujs.name} ${keep ? 'kept' : 'left out'}: matmul 128 ${mine.matmul.toFixed(2)} ms vs best ${best.matmul.toFixed(2)} (${rm.toFixed(1)}×), conv 16→16@16 N=4 ${mine.conv.toFixed(2)} ms vs ${best.conv.toFixed(2)} (${rc.toFixed(1)}×); kept only within ${KEEP_WITHIN}×`,
  };
}
