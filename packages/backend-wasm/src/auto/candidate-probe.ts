/**
 * A one-off startup probe for `auto`: each candidate runs a small matmul and a small convolution;
 * candidates more than `keepWithin`× slower than the best on both are left out, so auto never spends
 * calibration time and scratch memory on a backend that cannot win here (gpu.js without a GPU, or the
 * scalar backend next to wasm SIMD). The first candidate is always kept (it serves missing kernels).
 */
import type { Backend, Conv2dGeometry } from '@gapkit/autodiff';

function bestOf(fn: () => void, reps: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** The candidates worth calibrating, and one note per candidate with its probe timings. */
export function probeCandidates(candidates: readonly Backend[], keepWithin = 2): { kept: Backend[]; dropped: Backend[]; notes: Record<string, string> } {
  const n = 128;
  const a = Float32Array.from({ length: n * n }, (_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
  const g: Conv2dGeometry = {
    batch: 4, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3,
    strideH: 1, strideW: 1, padH: 1, padW: 1, outHeight: 16, outWidth: 16,
  };
  const x = a.subarray(0, 4 * 16 * 256);
  const w = a.subarray(0, 16 * 16 * 9);
  const times = candidates.map((b) => ({
    matmul: bestOf(() => b.kernels.matmul?.(a, a, n, n, n), 3),
    conv: bestOf(() => b.kernels.conv2d?.(x, w, g), 3),
  }));
  const bestM = Math.min(...times.map((t) => t.matmul));
  const bestC = Math.min(...times.map((t) => t.conv));
  const kept: Backend[] = [];
  const dropped: Backend[] = [];
  const notes: Record<string, string> = {};
  candidates.forEach((b, i) => {
    const rm = times[i].matmul / bestM;
    const rc = times[i].conv / bestC;
    const keep = i === 0 || rm <= keepWithin || rc <= keepWithin;
    (keep ? kept : dropped).push(b);
    notes[`probe.${b.name}`] =
      `${keep ? (i === 0 && rm > keepWithin && rc > keepWithin ? 'kept (fallback, not calibrated)' : 'kept') : 'left out'}: matmul 128 ${times[i].matmul.toFixed(2)} ms (${rm.toFixed(1)}× best), conv 16→16@16 N=4 ${times[i].conv.toFixed(2)} ms (${rc.toFixed(1)}×)`;
  });
  return { kept, dropped, notes };
}
