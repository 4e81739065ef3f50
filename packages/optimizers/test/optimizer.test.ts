import { expectClose } from '@gapkit/testing';
import { describe, expect, it } from 'vitest';
import { Adam, AdamS, clipGradNorm, Lawn, noDecayGroups, OptimizerError, Padam, Sgd, stateDictToJSON } from '../src/index.js';
import { param, setGrads } from './helpers.js';

describe('Optimizer base', () => {
  it('parameter groups carry their own hyperparameters; describe() shows them and each rule', () => {
    const w = param('fc.weight', [1, 2]);
    const b = param('fc.bias', [0], [1], { role: 'bias' });
    const opt = new Padam(noDecayGroups([w, b]), { lr: 0.05 });
    const d = opt.describe();
    expect(d.optimizer).toBe('Padam');
    expect(d.groups.map((g) => [g.params.map((p) => p.name), g.hyper.weightDecay, g.hyper.lr])).toEqual([
      [['fc.weight'], 5e-4, 0.05],
      [['fc.bias'], 0, 0.05],
    ]);
    expect(d.groups[0].params[0].rule).toMatch(/Padam p=0.125 \(bias correction 'code', max v, L2 λ=0.0005\)/);
  });

  it('noDecayGroups puts biases, norm parameters and no-decay tags in a λ = 0 group and drops frozen tensors', () => {
    const ps = [
      param('a', [1]),
      param('b', [1], [1], { role: 'bias' }),
      param('g', [1], [1], { role: 'norm-scale', tags: ['frozen'] }),
      param('s', [1], [1], { role: 'norm-shift' }),
      param('e', [1], [1], { role: 'embedding', tags: ['no-decay'] }),
    ];
    const groups = noDecayGroups(ps);
    expect(groups.map((g) => [g.params.map((p) => p.meta.name), g.weightDecay])).toEqual([
      [['a'], undefined],
      [['b', 's', 'e'], 0],
    ]);
  });

  it('refuses unknown group options, duplicated, unnamed or missing parameters, and wrong-sized gradients', () => {
    const w = param('w', [1]);
    expect(() => new Adam([{ params: [w], momentum: 0.9 } as never])).toThrow(/Adam group 0 options: unknown key 'momentum'; valid keys: lr, beta1/);
    expect(() => new Adam([w, w])).toThrow(/parameter 'w' appears twice/);
    expect(() => new Adam([param('', [1])])).toThrow(/has no name/);
    expect(() => new Adam([])).toThrow(/got no parameters/);
    const opt = new Adam([w]);
    setGrads([w], [[1]]);
    w.grad = param('x', [1, 2]);
    expect(() => opt.step()).toThrow(/gradient of 'w' has 2 values, the parameter has 1/);
  });

  it('strict options: a misspelled key, top-level or per group, is an error naming the closest valid key', () => {
    const w = param('w', [1]);
    const loose = (o: unknown) => o as never;
    expect(() => new Adam([w], loose({ weight_decay: 0.1 }))).toThrow(/Adam options: unknown key 'weight_decay' \(did you mean 'weightDecay'\?\); valid keys: lr, beta1, beta2, eps, weightDecay, weightDecayMode, amsgrad, nonFinite/);
    expect(() => new Padam([{ params: [w], partial: 0.2 } as never])).toThrow(/Padam group 0 options: unknown key 'partial'/);
    expect(() => new AdamS([w], loose({ vbarfloor: 1e-8 }))).toThrow(/unknown key 'vbarfloor' \(did you mean 'vbarFloor'\?\)/);
    expect(() => new Lawn([w], loose({ freeStep: 3 }))).toThrow(/unknown key 'freeStep' \(did you mean 'freeSteps'\?\)/);
    expect(() => new Sgd([w], loose({ nonFinite: 'ignore' }))).toThrow(/nonFinite must be 'error' or 'skip', got "ignore"/);
    expect(() => new Sgd([w], loose(null))).toThrow(/SGD: options must be an object, got null/);
    expect(() => new Sgd(loose(null))).toThrow(OptimizerError);
    expect(() => new Sgd(loose([{ params: 3 }]))).toThrow(/group 0 must be an object/);
  });

  it('zeroGrad() clears every gradient; step(closure) calls the closure once and returns its loss', () => {
    const w = param('w', [1]);
    const opt = new Sgd([w], { lr: 0.5 });
    let calls = 0;
    const loss = opt.step(() => {
      calls++;
      opt.zeroGrad();
      setGrads([w], [[2 * w.data[0]]]); // d/dw of w²
      return w.data[0] ** 2;
    });
    expect([loss, calls, w.data[0]]).toEqual([1, 1, 0]);
    opt.zeroGrad();
    expect(w.grad).toBeNull();
  });

  it('loadStateDict refuses other parameters, shapes, optimizers, groups and buffer sizes, changing nothing', () => {
    const w = param('w', [1, 2]);
    const src = new Adam([w]);
    setGrads([w], [[1, 1]]);
    src.step();
    const sd = src.stateDict();
    const other = new Adam([param('v', [1, 2])]);
    expect(() => other.loadStateDict(sd)).toThrow(/missing parameter 'v'.*unknown parameter 'w'/);
    expect(() => new Adam([param('w', [1, 2, 3])]).loadStateDict(sd)).toThrow(/'w' has shape \[2\] in the state dict, \[3\] here/);
    expect(() => new Sgd([param('w', [1, 2])]).loadStateDict(sd)).toThrow(/state dict is for Adam, not SGD/);
    const bad = stateDictToJSON(sd);
    bad.state.w.m = [1, 2, 3];
    const target = new Adam([param('w', [5, 5])]);
    expect(() => target.loadStateDict(bad)).toThrow(/'w'.m is 3 values, expected 2 values/);
    expect(target.stateOf('w')).toBeUndefined();
    expect(target.stepCount).toBe(0);
    const twoGroups = new Adam([{ params: [param('w', [1, 2])] }, { params: [param('u', [1])] }]);
    expect(() => twoGroups.loadStateDict(sd)).toThrow(/1 groups, expected 2/);
  });

  it('LAWN saves its phase and c_ℓ, and refuses c_ℓ for unknown tensors', () => {
    const w = param('w', [3, 4], [1, 2]);
    const opt = new Lawn([w], { freeSteps: 0 });
    setGrads([w], [[1, 0]]);
    opt.step();
    const sd = stateDictToJSON(opt.stateDict());
    expect(sd.extra).toEqual({ switched: true, c: { w: 5 }, excluded: [] });
    const again = new Lawn([param('w', [3, 4], [1, 2])], { freeSteps: 0 });
    again.loadStateDict(sd);
    expect(again.phase).toBe('constrained');
    expect(() => again.loadStateDict({ ...sd, extra: { switched: true, c: { nope: 1 }, excluded: [] } })).toThrow(/c_ℓ for unknown parameter 'nope'/);
  });

  it('diagnostics: global gradient norm, effective step ‖Δw‖/‖w‖ per group, weight norms', () => {
    const a = param('a', [3, 4]);
    const b = param('b', [1]);
    const opt = new Sgd(
      [
        { params: [a], lr: 0.1 },
        { params: [b], lr: 1 },
      ],
      {},
    ).trackDiagnostics();
    setGrads([a, b], [[0, 5], null]);
    opt.step();
    const d = opt.diagnostics()!;
    expect(d.step).toBe(1);
    expectClose([d.gradNorm], [5], { rtol: 1e-12 });
    expectClose([d.groups[0].effectiveStep, d.groups[0].lr], [0.5 / 5, 0.1], { rtol: 1e-6 });
    expect(d.groups[1].effectiveStep).toBe(0);
    expectClose([d.weightNorms.a, d.weightNorms.b], [Math.hypot(3, 3.5), 1], { rtol: 1e-6 });
  });

  it('clipGradNorm scales every gradient to the max norm and returns the norm before clipping', () => {
    const a = param('a', [0, 0]);
    const b = param('b', [0]);
    setGrads([a, b], [[3, 0], [4]]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    expectClose([...a.grad!.data, ...b.grad!.data], [0.6, 0, 0.8], { rtol: 1e-5 });
    expectClose([clipGradNorm([a, b], 10)], [1], { rtol: 1e-5 });
    expectClose([...a.grad!.data, ...b.grad!.data], [0.6, 0, 0.8], { rtol: 1e-5 });
    expect(() => clipGradNorm([a], -1)).toThrow(/maxNorm must be in \[0, ∞\), got -1/);
  });

});
