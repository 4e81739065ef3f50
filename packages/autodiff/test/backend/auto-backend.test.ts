import { describe, expect, it } from 'vitest';
import type { Backend, Kernels } from '../../src/backend/backend.js';
import { createAutoBackend } from '../../src/backend/auto/auto-backend.js';
import { cpuReferenceBackend } from '../../src/backend/cpu/index.js';
import { createBackend } from '../../src/backend/factory.js';
import { describeBackend, withBackend } from '../../src/backend/registry.js';
import { expectParity, randomArray } from '../testing.js';

function slowMatmulBackend(name: string, delayMs: number): Backend {
  const matmul: Kernels['matmul'] = (a, b, m, k, n, opts) => {
    const until = performance.now() + delayMs;
    while (performance.now() < until) {
      // busy wait: a deliberately slow candidate
    }
    return cpuReferenceBackend.kernels.matmul!(a, b, m, k, n, opts);
  };
  return { name, kernels: { matmul }, describe: () => ({}), dispose: () => {} };
}

describe('auto backend', () => {
  it('times every candidate, then sends the size class to the fastest and says so', () => {
    const auto = createAutoBackend([slowMatmulBackend('slow', 30), slowMatmulBackend('fast', 0)], { probe: false });
    const a = randomArray(6, 1);
    const b = randomArray(6, 2);
    for (let i = 0; i < 3; i++) expectParity(auto.kernels.matmul!(a, b, 2, 3, 2), cpuReferenceBackend.kernels.matmul!(a, b, 2, 3, 2), 3);
    const d = auto.describe();
    const choice = Object.entries(d).find(([k]) => k.startsWith('choice.matmul'));
    expect(choice?.[1]).toMatch(/^fast \(/);
  });

  it('honours a fixed table without calibrating', () => {
    const auto = createAutoBackend([slowMatmulBackend('slow', 0), slowMatmulBackend('fast', 0)], { probe: false, table: { 'matmul:2x4x2': 'slow' } });
    auto.kernels.matmul!(randomArray(6, 1), randomArray(6, 2), 2, 3, 2);
    expect(auto.describe()['choice.matmul:2x4x2']).toBe('slow (fixed)');
  });

  it('createBackend(auto) is reported through the registry', () => {
    const auto = createBackend('auto');
    withBackend(auto, () => {
      const d = describeBackend();
      expect(d.backend).toBe('auto');
      expect(d.candidates).toContain('cpu');
    });
    auto.dispose();
  });
});

describe('auto backend startup probe', () => {
  it('leaves out a candidate far slower than the best on both probes, and says why', () => {
    const disposed: string[] = [];
    // Slow on both probes (matmul and conv): a candidate is left out only when it loses both, and a
    // conv that returns at once for everyone would make the conv comparison pure timer noise.
    const mk = (name: string, delayMs: number): Backend => ({
      ...slowMatmulBackend(name, delayMs),
      kernels: {
        matmul: slowMatmulBackend(name, delayMs).kernels.matmul,
        conv2d: (_x, _w, g) => {
          const until = performance.now() + delayMs;
          while (performance.now() < until) {
            // busy wait, as in slowMatmulBackend
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
