/**
 * The point of the plan: `auto` over the real candidates (cpu, wasm, wasm-2t, startup probe on), run
 * through a sequence of kernel calls like a training step's, and a second `auto` given the first one's
 * plan compute the same bits — the first call of every size class included.
 */
import type { Backend, Conv2dGeometry } from '@gapkit/autodiff';
import { convGeometry, convSizes, randomArray } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../src/node/index.js';

const convs: Conv2dGeometry[] = [
  convGeometry({ batch: 16, inChannels: 3, inHeight: 32, inWidth: 32, outChannels: 16, kernelH: 3, kernelW: 3, padH: 1, padW: 1 }),
  convGeometry({ batch: 16, inChannels: 16, inHeight: 32, inWidth: 32, outChannels: 32, kernelH: 3, kernelW: 3, strideH: 2, strideW: 2, padH: 1, padW: 1 }),
  convGeometry({ batch: 16, inChannels: 32, inHeight: 16, inWidth: 16, outChannels: 32, kernelH: 3, kernelW: 3, padH: 1, padW: 1 }),
];

/** Two "steps" of forward and backward kernels; every output, in call order. */
function run(b: Backend): Float32Array[] {
  const k = b.kernels;
  const out: Float32Array[] = [];
  for (let step = 0; step < 2; step++) {
    for (const [i, g] of convs.entries()) {
      const s = convSizes(g);
      const x = randomArray(s.x, 10 * i + step + 1);
      const w = randomArray(s.w, 10 * i + step + 2);
      const dy = randomArray(s.y, 10 * i + step + 3);
      out.push(k.conv2d!(x, w, g), k.conv2dBackpropInput!(dy, w, g), k.conv2dBackpropFilter!(x, dy, g));
    }
    const a = randomArray(16 * 512, step + 7);
    const wt = randomArray(10 * 512, step + 8);
    out.push(k.matmul!(a, wt, 16, 512, 10, { transB: true }), k.matmul!(a, randomArray(16 * 10, step + 9), 512, 16, 10, { transA: true }));
  }
  return out;
}

describe('auto replayed from its plan', () => {
  it('computes the same bits as the run that made the plan, and times nothing', () => {
    const first = createBackend('auto');
    const outs1 = run(first);
    const plan = JSON.parse(JSON.stringify(first.plan!())) as Record<string, string>;
    first.dispose();
    expect(Object.keys(plan).length).toBeGreaterThanOrEqual(11);
    const again = createBackend('auto', { plan });
    const outs2 = run(again);
    const d = again.describe();
    again.dispose();
    expect(outs2.length).toBe(outs1.length);
    for (const [i, o] of outs1.entries()) {
      expect(o.length === outs2[i].length && o.every((v, j) => Object.is(v, outs2[i][j])), `output ${i}`).toBe(true);
    }
    expect(Object.entries(d).filter(([key]) => key.startsWith('choice.')).every(([, v]) => v.endsWith('(from the plan)'))).toBe(true);
    expect(d['plan.given']).toBe(`${Object.keys(plan).length} size classes`);
  }, 120_000);
});
