import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import type { Backend } from '../../src/backend/backend.js';
import { conv2dGeometry } from '../../src/backend/conv-geometry.js';
import { cpuBackend, cpuReferenceBackend } from '../../src/backend/cpu/index.js';
import { createWasmBackend } from '../../src/backend/wasm/index.js';
import { convGeometryArb, convSizes, expectParity, matmulShapeArb, randomArray } from './parity-helpers.js';

const ref = cpuReferenceBackend.kernels;
const wasm = createWasmBackend();
afterAll(() => wasm.dispose());

describe.each<[string, Backend]>([
  ['cpu (tiled)', cpuBackend],
  ['wasm (simd)', wasm],
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

  it('conv2d over several image chunks (the driver splits big batches)', () => {
    const g = conv2dGeometry({ batch: 9, inChannels: 16, inHeight: 32, inWidth: 32, outChannels: 8, kernelH: 3, kernelW: 3, padH: 1, padW: 1 });
    const s = convSizes(g);
    const x = randomArray(s.x, 3);
    const w = randomArray(s.w, 4);
    const dy = randomArray(s.y, 5);
    expectParity(k.conv2d!(x, w, g), ref.conv2d!(x, w, g), 144);
    expectParity(k.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), 72);
    expectParity(k.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), 9 * 1024);
  });
});
