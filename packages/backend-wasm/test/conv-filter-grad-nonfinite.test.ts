/**
 * A non-finite input pixel reaches exactly the filter-gradient entries whose window covers it: the
 * wasm kernels' padded-grid sum must not spread it (0·NaN) into taps that never read that pixel.
 */
import { type Backend, type Conv2dGeometry, cpuBackend, referenceKernels } from '@gapkit/autodiff';
import { convGeometry, convSizes, expectParity, randomArray } from '@gapkit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmBackend } from '../src/node/index.js';

const wasm = createWasmBackend();
const wasm2 = createWasmBackend({ threads: 2 });
afterAll(() => {
  wasm.dispose();
  wasm2.dispose();
});

/** Indices of the non-finite entries. */
function nonFinite(a: Float32Array): number[] {
  const out: number[] = [];
  a.forEach((v, i) => {
    if (!Number.isFinite(v)) out.push(i);
  });
  return out;
}

/** The same array with non-finite entries zeroed (to compare the rest within a tolerance). */
function finitePart(a: Float32Array): Float32Array {
  return a.map((v) => (Number.isFinite(v) ? v : 0));
}

const geometries: [string, Conv2dGeometry][] = [
  ['3×3 pad 1, small (one thread, implicit GEMM)', convGeometry({ batch: 2, inChannels: 3, inHeight: 7, inWidth: 6, outChannels: 5, kernelH: 3, kernelW: 3, padH: 1, padW: 1 })],
  ['3×3 pad 1, split across threads (implicit GEMM)', convGeometry({ batch: 8, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3, padH: 1, padW: 1 })],
  ['5×3 pad 2×0, uneven', convGeometry({ batch: 3, inChannels: 4, inHeight: 9, inWidth: 8, outChannels: 6, kernelH: 5, kernelW: 3, padH: 2, padW: 0 })],
  ['3×3 stride 2 pad 1 (im2col)', convGeometry({ batch: 8, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3, strideH: 2, strideW: 2, padH: 1, padW: 1 })],
];

describe.each<[string, Backend]>([
  ['cpu', cpuBackend],
  ['wasm', wasm],
  ['wasm-2t', wasm2],
])('%s: conv2dBackpropFilter with one non-finite input pixel', (_name, backend) => {
  it.each(geometries)('%s', (_g, g) => {
    const s = convSizes(g);
    const dy = randomArray(s.y, 11);
    // A corner, an edge and an interior pixel, each in its own run, NaN and then +Infinity.
    const pixels = [
      [0, 0, 0, 0],
      [g.batch - 1, g.inChannels - 1, 0, Math.floor(g.inWidth / 2)],
      [Math.floor(g.batch / 2), 1 % g.inChannels, Math.floor(g.inHeight / 2), g.inWidth - 1],
    ];
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      for (const [n, c, y, xx] of pixels) {
        const x = randomArray(s.x, 12);
        x[((n * g.inChannels + c) * g.inHeight + y) * g.inWidth + xx] = bad;
        const want = referenceKernels.conv2dBackpropFilter(x, dy, g);
        const got = backend.kernels.conv2dBackpropFilter!(x, dy, g);
        const wantBad = nonFinite(want);
        expect(wantBad.length).toBeGreaterThan(0);
        expect(wantBad.length).toBeLessThan(want.length);
        expect(nonFinite(got)).toEqual(wantBad);
        expectParity(finitePart(got), finitePart(want), g.batch * g.outHeight * g.outWidth);
      }
    }
  });
});

describe('the exact recompute keeps finite results', () => {
  it('finite inputs give the same bits before and after a call that needed the exact path', () => {
    const g = geometries[1][1];
    const s = convSizes(g);
    const x = randomArray(s.x, 3);
    const dy = randomArray(s.y, 4);
    for (const backend of [wasm, wasm2]) {
      const before = backend.kernels.conv2dBackpropFilter!(x, dy, g);
      const poisoned = x.slice();
      poisoned[5] = Number.NaN;
      backend.kernels.conv2dBackpropFilter!(poisoned, dy, g);
      expect(backend.kernels.conv2dBackpropFilter!(x, dy, g)).toEqual(before);
    }
  });
});
