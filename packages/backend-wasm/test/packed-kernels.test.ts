import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type Backend, cpuBackend, cpuReferenceBackend } from '@gapkit/autodiff';
import { convGeometry, convSizes, expectParity, randomArray } from '@gapkit/testing';
import { createWasmBackend, ThreadedWasm, threadedWasmBackends } from '../src/node/index.js';
import { convGeometryArb, matmulShapeArb } from './parity-helpers.js';

const ref = cpuReferenceBackend.kernels;
const wasm = createWasmBackend();
const wasm2 = createWasmBackend({ threads: 2 });
const soloPair = threadedWasmBackends(new ThreadedWasm());
const wasmSolo = soloPair.oneThread;
afterAll(() => {
  wasm.dispose();
  wasm2.dispose();
  wasmSolo.dispose();
  soloPair.twoThreads.dispose();
});

describe.each<[string, Backend]>([
  ['cpu (tiled)', cpuBackend],
  ['wasm (simd)', wasm],
  ['wasm-2t (simd, main + worker)', wasm2],
  ['wasm on the two-thread engine, main thread only (auto\'s view)', wasmSolo],
])('%s against the reference loops', (_name, backend) => {
  const k = backend.kernels;

  it('matmul: random shapes and transposes', () => {
    fc.assert(
      fc.property(matmulShapeArb, ({ m, k: kk, n, transA, transB, seed }) => {
        const a = randomArray(m * kk, seed);
        const b = randomArray(kk * n, seed + 1);
        const opts = { transA, transB };
        expectParity(k.matmul!(a, b, m, kk, n, opts), ref.matmul!(a, b, m, kk, n, opts), kk);
      }),
      { numRuns: 60 },
    );
  });

  it('matmul: a reduction far longer than one k block (k = 3000)', () => {
    const a = randomArray(5 * 3000, 7);
    const b = randomArray(3000 * 9, 8);
    expectParity(k.matmul!(a, b, 5, 3000, 9), ref.matmul!(a, b, 5, 3000, 9), 3000);
  });

  it('conv2d forward and both gradients: random geometries', () => {
    fc.assert(
      fc.property(convGeometryArb, fc.integer({ min: 1, max: 1_000_000 }), (g, seed) => {
        const s = convSizes(g);
        const x = randomArray(s.x, seed);
        const w = randomArray(s.w, seed + 1);
        const dy = randomArray(s.y, seed + 2);
        const ckk = g.inChannels * g.kernelH * g.kernelW;
        expectParity(k.conv2d!(x, w, g), ref.conv2d!(x, w, g), ckk);
        expectParity(k.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), g.outChannels * g.kernelH * g.kernelW);
        expectParity(k.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), g.batch * g.outHeight * g.outWidth);
      }),
      { numRuns: 60 },
    );
  });

  it('matmul and conv2d big enough to be split across threads', () => {
    const a = randomArray(96 * 200, 1);
    const b = randomArray(200 * 130, 2);
    expectParity(k.matmul!(a, b, 96, 200, 130), ref.matmul!(a, b, 96, 200, 130), 200);
    expectParity(k.matmul!(a, b, 96, 200, 130, { transA: false, transB: false }), ref.matmul!(a, b, 96, 200, 130), 200);
    for (const stride of [1, 2]) {
      const g = convGeometry({ batch: 5, inChannels: 16, inHeight: 40, inWidth: 40, outChannels: 12, kernelH: 3, kernelW: 3, strideH: stride, strideW: stride, padH: 1, padW: 1 });
      const s = convSizes(g);
      const x = randomArray(s.x, 3);
      const w = randomArray(s.w, 4);
      const dy = randomArray(s.y, 5);
      expectParity(k.conv2d!(x, w, g), ref.conv2d!(x, w, g), 144);
      expectParity(k.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), 108);
      expectParity(k.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), 5 * g.outHeight * g.outWidth);
    }
    if (backend === wasm) expect(backend.describe()['conv.calls']).toMatch(/^[1-9]\d* implicit, [1-9]\d* im2col$/);
    if (backend === wasm2) expect(backend.describe()['wasm.calls']).toMatch(/^[1-9]\d* offered/);
    if (backend === wasmSolo) expect(backend.describe()['wasm.calls']).toMatch(/^0 offered/);
  });

  it('conv2d over several image chunks (the driver splits big batches)', () => {
    const g = convGeometry({ batch: 9, inChannels: 16, inHeight: 32, inWidth: 32, outChannels: 8, kernelH: 3, kernelW: 3, padH: 1, padW: 1 });
    const s = convSizes(g);
    const x = randomArray(s.x, 3);
    const w = randomArray(s.w, 4);
    const dy = randomArray(s.y, 5);
    expectParity(k.conv2d!(x, w, g), ref.conv2d!(x, w, g), 144);
    expectParity(k.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), 72);
    expectParity(k.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), 9 * 1024);
  });
});
