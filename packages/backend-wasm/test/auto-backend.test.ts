import { type Backend, describeBackend, type Kernels, referenceKernels, withBackend } from '@gapkit/autodiff';
import { expectParity, randomArray } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { createAutoBackend } from '../src/auto/auto-backend.js';
import { createBackend } from '../src/node/index.js';

const refMatmul = referenceKernels.matmul;

/** A matmul backend that busy-waits `delayMs` per call, adds `offset` to every entry and counts calls. */
function matmulBackend(name: string, delayMs: number, offset = 0): Backend & { calls: number } {
  const b = {
    name,
    calls: 0,
    kernels: {
      matmul: ((a, bb, m, k, n, opts) => {
        b.calls++;
        const until = performance.now() + delayMs;
        while (performance.now() < until) {
          // busy wait: a deliberately slow candidate
        }
        return refMatmul(a, bb, m, k, n, opts).map((v) => v + offset);
      }) as Kernels['matmul'],
    },
    describe: () => ({}),
    dispose: () => {},
  };
  return b;
}

const a = randomArray(6, 1);
const b = randomArray(6, 2);

describe('auto backend', () => {
  it('times every candidate on the first call, then sends the size class to the fastest and says so', () => {
    const auto = createAutoBackend([matmulBackend('slow', 30), matmulBackend('fast', 0)], { probe: false });
    for (let i = 0; i < 3; i++) expectParity(auto.kernels.matmul!(a, b, 2, 3, 2), refMatmul(a, b, 2, 3, 2), 3);
    expect(auto.describe()['choice.matmul:2x4x2']).toMatch(/^fast \(slow \d+\.\d\d ms, fast \d+\.\d\d ms\)$/);
    expect(auto.plan!()).toEqual({ 'matmul:2x4x2': 'fast' });
  });

  it('returns the chosen backend\'s result from the very first call (calibration does not change numerics)', () => {
    const slow = matmulBackend('slow', 20, 1000);
    const fast = matmulBackend('fast', 0, 0);
    const auto = createAutoBackend([slow, fast], { probe: false });
    expect(Array.from(auto.kernels.matmul!(a, b, 2, 3, 2))).toEqual(Array.from(refMatmul(a, b, 2, 3, 2)));
  });

  it('given its own plan back, computes the same bits and times nothing', () => {
    const first = createAutoBackend([matmulBackend('cpu-like', 5, 0.5), matmulBackend('wasm-like', 0)], { probe: false });
    const outs1 = [first.kernels.matmul!(a, b, 2, 3, 2), first.kernels.matmul!(randomArray(64 * 64, 3), randomArray(64 * 64, 4), 64, 64, 64)];
    const plan = JSON.parse(JSON.stringify(first.plan!())) as Record<string, string>;
    expect(Object.keys(plan).sort()).toEqual(['matmul:2x4x2', 'matmul:64x64x64']);
    const cpuLike = matmulBackend('cpu-like', 5, 0.5);
    const wasmLike = matmulBackend('wasm-like', 0);
    const again = createAutoBackend([cpuLike, wasmLike], { plan });
    const outs2 = [again.kernels.matmul!(a, b, 2, 3, 2), again.kernels.matmul!(randomArray(64 * 64, 3), randomArray(64 * 64, 4), 64, 64, 64)];
    expect(outs2.map((o) => Array.from(o))).toEqual(outs1.map((o) => Array.from(o)));
    expect(cpuLike.calls + wasmLike.calls).toBe(2); // one call each size class, no timing rounds
    expect(again.describe()['choice.matmul:2x4x2']).toBe('wasm-like (from the plan)');
    expect(again.plan!()).toEqual(plan);
  });

  it('a plan fixes a size class even to the slower backend', () => {
    const auto = createAutoBackend([matmulBackend('slow', 0, 1), matmulBackend('fast', 0)], { plan: { 'matmul:2x4x2': 'slow' } });
    expect(Array.from(auto.kernels.matmul!(a, b, 2, 3, 2))).toEqual(Array.from(refMatmul(a, b, 2, 3, 2).map((v) => v + 1)));
  });

  it('a plan naming a backend not available here, or not shaped like a plan, is a clear error', () => {
    const mk = () => [matmulBackend('cpu', 0), matmulBackend('wasm', 0)];
    expect(() => createAutoBackend(mk(), { plan: { 'matmul:2x4x2': 'gpujs-gpu' } })).toThrow(
      "auto: the plan cannot be used here: 'matmul:2x4x2' names backend 'gpujs-gpu', which is not available here (available: cpu, wasm)",
    );
    expect(() => createAutoBackend(mk(), { plan: { 'matmull:2x4x2': 'cpu', conv2d: 'cpu' } })).toThrow(/key 'matmull:2x4x2' is not .*; key 'conv2d' is not/);
    expect(() => createAutoBackend(mk(), { plan: ['cpu'] as unknown as Record<string, string> })).toThrow(/plan must be an object .* got an array/);
  });

  it('createBackend(auto) is reported through the registry, plan included, and takes a plan back', () => {
    const auto = createBackend('auto');
    withBackend(auto, () => {
      const d = describeBackend();
      expect(d.backend).toBe('auto');
      expect(d.candidates).toContain('cpu');
      expect(d.plan).toBe('{}');
    });
    auto.kernels.matmul!(a, b, 2, 3, 2);
    const plan = auto.plan!();
    auto.dispose();
    const again = createBackend('auto', { plan });
    expect(again.describe()['plan.given']).toBe('1 size classes');
    again.dispose();
    expect(() => createBackend('cpu', { plan })).toThrow(/a plan is for 'auto', not 'cpu'/);
  });
});

describe('auto backend startup probe', () => {
  it('leaves out a candidate far slower than the best on both probes, and says why', () => {
    const disposed: string[] = [];
    // Slow on both probes (matmul and conv): a candidate is left out only when it loses both, and a
    // conv that returns at once for everyone would make the conv comparison pure timer noise.
    const mk = (name: string, delayMs: number): Backend => ({
      ...matmulBackend(name, delayMs),
      kernels: {
        matmul: matmulBackend(name, delayMs).kernels.matmul,
        conv2d: (_x, _w, g) => {
          const until = performance.now() + delayMs;
          while (performance.now() < until) {
            // busy wait, as in matmulBackend
          }
          return new Float32Array(g.batch);
        },
      },
      dispose: () => disposed.push(name),
    });
    const auto = createAutoBackend([mk('first', 0), mk('fast', 0), mk('slow', 40)]);
    const d = auto.describe();
    expect(d.candidates).toBe('first, fast');
    expect(d['probe.slow']).toMatch(/^left out/);
    expect(disposed).toEqual(['slow']);
  });
});
