/** The parity suite every gpu.js mode runs: random shapes against gapkit's CPU backend. */
import { type Backend, cpuReferenceBackend } from '@gapkit/autodiff';
import { convGeometry, convSizes, expectParity, randomArray } from '@gapkit/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createGpuJsBackend } from '../src/gpu.js';
import type { GpuJsMode } from '../src/gpujs-adapter.js';
import { convGeometryArb } from './helpers.js';

const ref = cpuReferenceBackend.kernels;

/** Registers the parity tests for `mode` (numRuns kept small: each new shape compiles kernels). */
export function paritySuite(mode: GpuJsMode, numRuns: number): void {
  describe(`gpu.js ${mode} against the CPU backend`, () => {
    let backend: Backend | null = null;
    const get = (): Backend => {
      backend ??= createGpuJsBackend({ mode, precision: 'single' });
      return backend;
    };
    afterAll(() => backend?.dispose());

    it('matmul: random shapes and transposes', () => {
      const k = get().kernels;
      fc.assert(
        fc.property(
          fc.record({
            m: fc.integer({ min: 1, max: 24 }),
            k: fc.integer({ min: 0, max: 40 }),
            n: fc.integer({ min: 1, max: 24 }),
            transA: fc.boolean(),
            transB: fc.boolean(),
            seed: fc.integer({ min: 1, max: 1e6 }),
          }),
          ({ m, k: kk, n, transA, transB, seed }) => {
            const a = randomArray(m * kk, seed);
            const b = randomArray(kk * n, seed + 1);
            expectParity(k.matmul!(a, b, m, kk, n, { transA, transB }), ref.matmul!(a, b, m, kk, n, { transA, transB }), kk);
          },
        ),
        { numRuns },
      );
    });

    it('matmul: a reduction of 3000 (gpu.js caps argument-bounded loops at 1000)', () => {
      const a = new Float32Array(2 * 3000).fill(1);
      const b = randomArray(3000 * 3, 5);
      const out = get().kernels.matmul!(a, b, 2, 3000, 3);
      expectParity(out, ref.matmul!(a, b, 2, 3000, 3), 3000);
      const ones = get().kernels.matmul!(new Float32Array(3000).fill(1), new Float32Array(3000).fill(1), 1, 3000, 1);
      expect(ones[0]).toBe(3000);
    });

    it('conv2d forward and both gradients: random geometries', () => {
      const k = get().kernels;
      fc.assert(
        fc.property(convGeometryArb, fc.integer({ min: 1, max: 1e6 }), (g, seed) => {
          const s = convSizes(g);
          const x = randomArray(s.x, seed);
          const w = randomArray(s.w, seed + 1);
          const dy = randomArray(s.y, seed + 2);
          expectParity(k.conv2d!(x, w, g), ref.conv2d!(x, w, g), g.inChannels * g.kernelH * g.kernelW);
          expectParity(k.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), g.outChannels * g.kernelH * g.kernelW);
          expectParity(k.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), g.batch * g.outHeight * g.outWidth);
        }),
        { numRuns },
      );
    });

    it('conv2d filter gradient with a reduction of 2·24·24 = 1152 > 1000', () => {
      const g = convGeometry({ batch: 2, inChannels: 2, inHeight: 24, inWidth: 24, outChannels: 3, kernelH: 3, kernelW: 3, strideH: 1, strideW: 1, padH: 1, padW: 1 });
      const s = convSizes(g);
      const x = randomArray(s.x, 11);
      const dy = randomArray(s.y, 12);
      expectParity(get().kernels.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), 1152);
    });

    it('reports its mode and precision, and never ran on a silent fallback', () => {
      const d = get().describe();
      expect(d['gpujs.requestedMode']).toBe(mode);
      expect(d['gpujs.precision']).toBe('single');
      expect(Object.keys(d).filter((key) => key.startsWith('gpujs.fallback.'))).toEqual([]);
    });
  });
}
