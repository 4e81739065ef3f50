/**
 * Times the three convolution kernels of one shape on `wasm` and `wasm-2t`, one kernel call at a time
 * (median and min of `reps` calls after 2 warm-ups), alternating the backends call by call so that load
 * changes hit both. The finer instrument behind the `conv-*` rows of `pnpm bench`.
 *
 *   tsx --conditions=source apps/bench/scripts/conv-kernel-probe.ts [batch=32] [cin=16] [cout=32] [px=32] [reps=21]
 */
import { type Conv2dGeometry, conv2dGeometry, type Kernels, Rng } from '@gapkit/autodiff';
import { createBackend } from '@gapkit/backend-wasm/node';

const [batch, cin, cout, px, reps] = [32, 16, 32, 32, 21].map((d, i) => Number(process.argv[2 + i] ?? d));
const g: Conv2dGeometry = conv2dGeometry([batch, cin, px, px], [cout, cin, 3, 3], { stride: 1, padding: 1 });
const rng = new Rng(7);
const fill = (n: number): Float32Array => Float32Array.from({ length: n }, () => rng.normal());
const x = fill(batch * cin * px * px);
const w = fill(cout * cin * 9);
const dy = fill(batch * cout * g.outHeight * g.outWidth);
type ConvKernels = Pick<Kernels, 'conv2d' | 'conv2dBackpropInput' | 'conv2dBackpropFilter'>;
const backends = { wasm: createBackend('wasm'), 'wasm-2t': createBackend('wasm-2t') };
const kernelsOf = (name: keyof typeof backends): ConvKernels => {
  const k = backends[name].kernels;
  if (k.conv2d === undefined || k.conv2dBackpropInput === undefined || k.conv2dBackpropFilter === undefined) throw new Error(`${name} lacks a conv kernel`);
  return { conv2d: k.conv2d, conv2dBackpropInput: k.conv2dBackpropInput, conv2dBackpropFilter: k.conv2dBackpropFilter };
};
const calls = {
  forward: (k: ConvKernels) => k.conv2d(x, w, g),
  input: (k: ConvKernels) => k.conv2dBackpropInput(dy, w, g),
  filter: (k: ConvKernels) => k.conv2dBackpropFilter(x, dy, g),
};
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
console.log(`conv ${cin}→${cout} 3×3 pad 1 on ${px}×${px}, batch ${batch}: ms per call (median / min of ${reps})`);
for (const [kernel, call] of Object.entries(calls)) {
  const times: Record<string, number[]> = { wasm: [], 'wasm-2t': [] };
  for (let r = -2; r < reps; r++) {
    for (const name of ['wasm', 'wasm-2t'] as const) {
      const k = kernelsOf(name);
      const t0 = performance.now();
      call(k);
      if (r >= 0) times[name].push(performance.now() - t0);
    }
  }
  const cells = Object.entries(times).map(([n, ts]) => `${n} ${quantile(ts, 0.5).toFixed(2)} / ${Math.min(...ts).toFixed(2)}`);
  console.log(`${kernel.padEnd(8)} ${cells.join('   ')}`);
}
for (const b of Object.values(backends)) b.dispose();
