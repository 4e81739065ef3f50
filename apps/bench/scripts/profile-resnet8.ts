/**
 * Where a ResNet-8 training step (batch 64, Adam lr 1e-3, random data: the `train-resnet8-b64` workload)
 * spends its time, three ways over the same timed steps:
 * 1. every matmul / conv kernel call, timed by a backend that wraps the chosen one, grouped by kernel
 *    and shape, with the GFLOP/s each reaches (multiply-add = 2 FLOPs);
 * 2. the step's phases: forward, backward, optimizer;
 * 3. a V8 CPU profile of the main thread (node:inspector), self time summed by part of the engine.
 *
 *   tsx --conditions=source apps/bench/scripts/profile-resnet8.ts [backend=wasm] [steps=8]
 *
 * One thread (`wasm`) keeps the three views comparable: the profiler sees only the main thread.
 */
import { Session } from 'node:inspector/promises';
import { type Backend, type Conv2dGeometry, crossEntropy, type Kernels, Rng, setBackend, Tensor } from '@gapkit/autodiff';
import { type BackendName, createBackend } from '@gapkit/backend-wasm/node';
import { resnet } from '@gapkit/model-zoo';
import { Adam } from '@gapkit/optimizers';
import { randomData } from '../src/random-data.js';

const backendName = (process.argv[2] ?? 'wasm') as BackendName;
const steps = Number(process.argv[3] ?? 8);
const batch = 64;

const calls = new Map<string, { calls: number; ms: number; flops: number }>();
let counting = false;
function timed(key: string, flops: number, f: () => Float32Array): Float32Array {
  const t0 = performance.now();
  const out = f();
  if (counting) {
    const c = calls.get(key) ?? { calls: 0, ms: 0, flops: 0 };
    calls.set(key, { calls: c.calls + 1, ms: c.ms + performance.now() - t0, flops: c.flops + flops });
  }
  return out;
}
const convKey = (kernel: string, g: Conv2dGeometry) =>
  `${kernel} ${g.inChannels}→${g.outChannels} ${g.kernelH}×${g.kernelW}/${g.strideH} at ${g.inHeight}×${g.inWidth}`;
const convFlops = (g: Conv2dGeometry) => 2 * g.batch * g.outChannels * g.inChannels * g.kernelH * g.kernelW * g.outHeight * g.outWidth;

const inner = createBackend(backendName);
const k = inner.kernels;
const wrapped: { -readonly [K in keyof Kernels]?: Kernels[K] } = { ...k };
const { matmul, conv2d, conv2dBackpropInput, conv2dBackpropFilter } = k;
if (matmul) wrapped.matmul = (a, b, m, kk, n, o) => timed(`matmul ${m}×${kk}×${n}${o?.transA ? ' Aᵀ' : ''}${o?.transB ? ' Bᵀ' : ''}`, 2 * m * kk * n, () => matmul(a, b, m, kk, n, o));
if (conv2d) wrapped.conv2d = (x, w, g) => timed(convKey('conv fwd', g), convFlops(g), () => conv2d(x, w, g));
if (conv2dBackpropInput) wrapped.conv2dBackpropInput = (dy, w, g) => timed(convKey('conv dx ', g), convFlops(g), () => conv2dBackpropInput(dy, w, g));
if (conv2dBackpropFilter) wrapped.conv2dBackpropFilter = (x, dy, g) => timed(convKey('conv dw ', g), convFlops(g), () => conv2dBackpropFilter(x, dy, g));
const backend: Backend = { name: `timed ${inner.name}`, kernels: wrapped, describe: () => inner.describe(), dispose: () => inner.dispose() };
setBackend(backend);

const model = resnet({}, new Rng(42)).train();
const opt = new Adam(model.parameters(), { lr: 1e-3 });
const x = new Tensor(randomData(batch * 3 * 32 * 32, 1), [batch, 3, 32, 32]);
const labels = Int32Array.from({ length: batch }, (_, i) => (i * 7) % 10);
const phases = { forward: 0, backward: 0, optimizer: 0 };
function step(): void {
  model.zeroGrad();
  const t0 = performance.now();
  const loss = crossEntropy(model.forward(x), labels);
  loss.item();
  const t1 = performance.now();
  loss.backward();
  const t2 = performance.now();
  opt.step();
  const t3 = performance.now();
  if (!counting) return;
  phases.forward += t1 - t0;
  phases.backward += t2 - t1;
  phases.optimizer += t3 - t2;
}
for (let i = 0; i < 3; i++) step(); // warm-up: JIT, wasm compile

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
counting = true;
for (let i = 0; i < steps; i++) step();
counting = false;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const per = (ms: number) => (ms / steps).toFixed(1).padStart(7);
const stepMs = phases.forward + phases.backward + phases.optimizer;
console.log(`ResNet-8, batch ${batch}, backend ${inner.name}: ${per(stepMs)} ms per step (forward ${per(phases.forward)}, backward ${per(phases.backward)}, optimizer ${per(phases.optimizer)}), ${steps} steps\n`);
console.log('kernel call                               calls/step   ms/step   GFLOP/s');
let kernelMs = 0;
for (const [key, c] of [...calls].sort((a, b) => b[1].ms - a[1].ms)) {
  kernelMs += c.ms;
  console.log(`${key.padEnd(42)} ${String(c.calls / steps).padStart(6)} ${per(c.ms)}   ${(c.flops / c.ms / 1e6).toFixed(1).padStart(7)}`);
}
console.log(`${'all matmul / conv kernels'.padEnd(42)}        ${per(kernelMs)}   (${((100 * kernelMs) / stepMs).toFixed(0)} % of the step)\n`);

/** Parts of the engine, by the source file (or V8 pseudo-function) a sample's function is in. */
const PARTS: readonly [string, RegExp][] = [
  ['wasm kernels (GEMM tiles)', /^wasm-function/],
  ['batch norm (JS)', /batch-norm|channel-moments|channel-affine/],
  ['relu, add, fused relu (JS)', /relu|\/add\.ts|add-relu/],
  ['conv packing / im2col / col2im (JS)', /implicit-conv|im2col|conv2d-packed|pack\.ts|simd-gemm/],
  ['pooling, softmax, loss (JS)', /pool|softmax|cross-entropy|log-softmax/],
  ['graph, gradient sums, pool (JS)', /tensor\.ts|gradient-pool|sum-to-shape/],
  ['optimizer (JS)', /adam|optimizer/],
  ['garbage collector', /^\(garbage collector\)/],
];
const selfUs = new Map<number, number>();
const samples = profile.samples ?? [];
for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
const byPart = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const us = selfUs.get(n.id) ?? 0;
  if (n.callFrame.functionName === '(idle)') continue;
  total += us;
  const part = PARTS.find(([, re]) => re.test(n.callFrame.functionName) || re.test(n.callFrame.url))?.[0] ?? 'other';
  byPart.set(part, (byPart.get(part) ?? 0) + us);
}
console.log('CPU profile of the main thread (self time)   ms/step   share');
for (const [part, us] of [...byPart].sort((a, b) => b[1] - a[1])) console.log(`${part.padEnd(42)} ${per(us / 1000)}   ${((100 * us) / total).toFixed(1).padStart(5)} %`);
backend.dispose();
