/**
 * Autodiff alone, on the public closed-loop cases: at the initial parameters, the interpreter's
 * forward pass reproduces `losses[0]` and its backward pass `grad0` within the case's
 * `tolerance_by_field`; with BatchNorm, the running statistics after that one training forward match
 * `expected_buffers[0]`. (The runner checks the same on every step; this isolates step 0.)
 */
import { Tensor } from '@gapkit/autodiff';
import { describe, expect, it } from 'vitest';
import { worstFraction } from '../src/compare.js';
import { buildModel } from '../src/model.js';
import { buildParams } from '../src/params.js';
import { parseCase } from '../src/parse-case.js';
import { hasSharedCases, readSharedCase, skipReason } from './shared-cases.js';

const CLOSED_LOOP = ['mlp_sgd_momentum.json', 'cnn_sgd_momentum.json'];

describe.skipIf(!hasSharedCases)(`closed loop: loss and gradient at the initial parameters ${skipReason('closed-loop grad0') ?? ''}`, () => {
  it.each(CLOSED_LOOP)('%s', (file) => {
    const c = parseCase(readSharedCase(file), file);
    if (!c.model || !c.inputs || !c.labels || !c.losses || !c.grad0) throw new Error(`${file}: expected a closed-loop case with losses and grad0`);
    const params = buildParams(c);
    const model = buildModel(c, params);
    const loss = model.loss(new Tensor(Float32Array.from(c.inputs), c.model.input_shape), Int32Array.from(c.labels), true);
    expect(worstFraction([loss.item()], [c.losses[0]], c.tolerances.losses)).toBeLessThan(1);
    loss.backward();
    expect(Object.keys(c.grad0).sort()).toEqual([...params.keys()].sort());
    for (const [name, want] of Object.entries(c.grad0)) {
      const g = params.get(name)?.grad;
      if (!g) throw new Error(`${file}: no gradient for '${name}'`);
      expect(worstFraction(g.data, want, c.tolerances.grad0), `grad0 ${name}`).toBeLessThan(1);
    }
    for (const [name, want] of Object.entries(c.expected_buffers?.[0] ?? {})) {
      const have = model.buffers.get(name);
      if (!have) throw new Error(`${file}: the model has no buffer '${name}'`);
      expect(worstFraction(have, want, c.tolerances.expected_buffers), `buffer ${name}`).toBeLessThan(1);
    }
  });
  it('a perturbed input changes the loss beyond its tolerance (the check can fail)', () => {
    const c = parseCase(readSharedCase('mlp_sgd_momentum.json'), 'mlp.json');
    if (!c.model || !c.inputs || !c.labels || !c.losses) throw new Error('mlp_sgd_momentum.json: expected a closed-loop case');
    const x = Float32Array.from(c.inputs);
    x[0] += 0.5;
    const loss = buildModel(c, buildParams(c)).loss(new Tensor(x, c.model.input_shape), Int32Array.from(c.labels), false);
    expect(worstFraction([loss.item()], [c.losses[0]], c.tolerances.losses)).toBeGreaterThan(1);
  });
});
