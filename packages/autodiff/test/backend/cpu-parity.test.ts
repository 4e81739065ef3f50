import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend.js';
import { KERNEL_NAMES } from '../../src/backend/backend.js';
import { cpuBackend, cpuReferenceBackend } from '../../src/backend/cpu/index.js';
import { describeBackend, kernels, withBackend } from '../../src/backend/registry.js';
import { convSizes, expectParity, randomArray } from '../testing.js';
import { convGeometryArb, matmulShapeArb } from './parity-helpers.js';

const ref = cpuReferenceBackend.kernels;
const cpu = cpuBackend.kernels;

describe('cpu (packed GEMM) against the reference loops', () => {
  it('matmul: random shapes and transposes', () => {
    fc.assert(
      fc.property(matmulShapeArb, ({ m, k, n, transA, transB, seed }) => {
        const a = randomArray(m * k, seed);
        const b = randomArray(k * n, seed + 1);
        expectParity(cpu.matmul!(a, b, m, k, n, { transA, transB }), ref.matmul!(a, b, m, k, n, { transA, transB }), k);
      }),
      { numRuns: 40 },
    );
  });

  it('conv2d forward and both gradients: random geometries', () => {
    fc.assert(
      fc.property(convGeometryArb, fc.integer({ min: 1, max: 1_000_000 }), (g, seed) => {
        const s = convSizes(g);
        const x = randomArray(s.x, seed);
        const w = randomArray(s.w, seed + 1);
        const dy = randomArray(s.y, seed + 2);
        expectParity(cpu.conv2d!(x, w, g), ref.conv2d!(x, w, g), g.inChannels * g.kernelH * g.kernelW);
        expectParity(cpu.conv2dBackpropInput!(dy, w, g), ref.conv2dBackpropInput!(dy, w, g), g.outChannels * g.kernelH * g.kernelW);
        expectParity(cpu.conv2dBackpropFilter!(x, dy, g), ref.conv2dBackpropFilter!(x, dy, g), g.batch * g.outHeight * g.outWidth);
      }),
      { numRuns: 40 },
    );
  });
});

describe('kernel fallback', () => {
  it('a backend that accelerates one kernel gets cpu for the rest, and describeBackend says so', () => {
    let calls = 0;
    const one: Backend = {
      name: 'one-kernel',
      kernels: {
        matmul: (a, b, m, k, n, o) => {
          calls++;
          return ref.matmul!(a, b, m, k, n, o);
        },
      },
      describe: () => ({}),
      dispose: () => {},
    };
    withBackend(one, () => {
      const d = describeBackend();
      expect(d['kernel.matmul']).toBe('one-kernel');
      for (const name of KERNEL_NAMES.filter((n) => n !== 'matmul')) expect(d[`kernel.${name}`]).toBe('cpu (fallback)');
      kernels().matmul(new Float32Array([1, 2]), new Float32Array([3, 4]), 1, 2, 1);
      expect(kernels().conv2d).toBe(cpu.conv2d);
    });
    expect(calls).toBe(1);
  });

  it('the reference record is the list of kernels: every backend fills every name from it', () => {
    expect([...KERNEL_NAMES].sort()).toEqual(Object.keys(ref).sort());
    withBackend({ name: 'none', kernels: {}, describe: () => ({}), dispose: () => {} }, () => {
      for (const name of KERNEL_NAMES) expect(typeof kernels()[name]).toBe('function');
    });
  });
});
