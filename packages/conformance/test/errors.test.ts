/**
 * Bad cases fail with an error that names the file and the field path: malformed fields, unknown
 * optimizer names, `hyper` keys, `param_groups` options and layer ops; per-step arrays shorter than
 * `steps`. Longer per-step arrays are cut to `steps`; README tolerances apply when a case has none.
 */
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { runCase } from '../src/run.js';
import { hasSharedCases, readSharedCase, skipReason } from './shared-cases.js';
import { SYNTHETIC, syntheticCase } from './synthetic.js';

const ADAM = SYNTHETIC.findIndex((s) => s.name === 'syn_adam_l2');
const base = () => syntheticCase(SYNTHETIC[ADAM]) as Record<string, unknown> & { param_groups: Record<string, unknown>[]; hyper: Record<string, unknown> };
const run = (c: unknown) => runCase(parseCase(c, 'case.json'));

describe('errors name the file and the field path', () => {
  it('a wrong type deep inside a per-step list', () => {
    const c = base();
    const lr = [...(c.param_groups[0].lr as number[])] as unknown[];
    lr[3] = 'x';
    expect(() => parseCase({ ...c, param_groups: [{ ...c.param_groups[0], lr }, c.param_groups[1]] }, 'adam.json')).toThrow(
      /^adam.json: field 'param_groups\[0\].lr\[3\]' must be a number, got "x"/,
    );
  });
  it('an unknown optimizer name', () => {
    expect(() => parseCase({ ...base(), optimizer: 'AdaFoo' }, 'case.json')).toThrow(/^case.json: field 'optimizer' names unknown optimizer "AdaFoo" \(known: SGD, SGDS, .*RAdam\)/);
  });
  it('an unknown hyper key, and a key of another optimizer', () => {
    const c = base();
    expect(() => parseCase({ ...c, hyper: { ...c.hyper, rho: 0.9 } }, 'case.json')).toThrow(/^case.json: field 'hyper.rho' is not a known key for Adam \(known: betas, eps/);
    expect(() => parseCase({ ...c, hyper: { ...c.hyper, partial: 0.125 } }, 'case.json')).toThrow(/field 'hyper.partial' is not a known key for Adam/);
  });
  it('a hyper value of the wrong type or out of its range', () => {
    const c = base();
    expect(() => parseCase({ ...c, hyper: { ...c.hyper, betas: [0.9] } }, 'case.json')).toThrow(/field 'hyper.betas(\[1\])?' /);
    expect(() => parseCase({ ...c, hyper: { ...c.hyper, weight_decay_mode: 'l1' } }, 'case.json')).toThrow(
      /field 'hyper.weight_decay_mode' must be one of "l2", "decoupled", got "l1"/,
    );
    expect(() => parseCase({ ...c, hyper: { ...c.hyper, eps: -1 } }, 'case.json')).toThrow(/field 'hyper.eps' must be ≥ 0, got -1/);
  });
  it('an unknown param_groups option', () => {
    const c = base();
    expect(() => parseCase({ ...c, param_groups: [{ ...c.param_groups[0], momentum: 0.9 }, c.param_groups[1]] }, 'case.json')).toThrow(
      /^case.json: field 'param_groups\[0\].momentum' is not a known group option \(known: params, lr, weight_decay, role, vec_axes, constrained\)/,
    );
  });
  it('a group naming an unknown or repeated parameter', () => {
    const c = base();
    expect(() => parseCase({ ...c, param_groups: [{ ...c.param_groups[0], params: ['conv.weight', 'nope'] }, c.param_groups[1]] }, 'x.json')).toThrow(
      /field 'param_groups\[0\].params\[1\]' names unknown parameter 'nope'/,
    );
    expect(() => parseCase({ ...c, param_groups: [c.param_groups[0], { ...c.param_groups[1], params: ['fc.weight'] }] }, 'x.json')).toThrow(
      /field 'param_groups\[1\].params\[0\]' repeats 'fc.weight'/,
    );
  });
  it.skipIf(!hasSharedCases)(`an unknown layer op ${skipReason('unknown layer op') ?? ''}`, () => {
    const c = readSharedCase('mlp_sgd_momentum.json') as { model: { layers: unknown[] } };
    c.model.layers[1] = { op: 'gelu' };
    expect(() => parseCase(c, 'mlp.json')).toThrow(/^mlp.json: field 'model.layers\[1\].op' "gelu" is unknown \(known: linear, relu, conv2d, batchnorm2d, global_avg_pool\)/);
  });
  it.skipIf(!hasSharedCases)(`a layer naming a parameter of the wrong shape ${skipReason('layer shape') ?? ''}`, () => {
    const c = readSharedCase('mlp_sgd_momentum.json') as { model: { layers: Record<string, unknown>[] } };
    c.model.layers[2] = { ...c.model.layers[2], weight: 'fc1.weight' };
    expect(run(c).error).toMatch(/case.json: field 'model.layers\[2\].weight' 'fc1.weight' has shape \[8,6\], the layer needs \[3,8\]/);
  });
  it('malformed fields', () => {
    expect(() => parseCase({ ...base(), steps: 0 }, 'x.json')).toThrow(/^x.json: field 'steps' must be ≥ 1, got 0/);
    expect(() => parseCase({ ...base(), steps: 2.5 }, 'x.json')).toThrow(/^x.json: field 'steps' must be an int/);
    expect(() => parseCase({ ...base(), format_version: 2 }, 'x.json')).toThrow(/field 'format_version' must be 1, got 2/);
    expect(() => parseCase({ ...base(), kind: 'live' }, 'x.json')).toThrow(/field 'kind' must be one of "replay", "closed-loop", got "live"/);
    expect(() => parseCase([], 'x.json')).toThrow(/^x.json: field '\(root\)' must be an object, got \[\]/);
    const { name: _n, ...noName } = base();
    expect(() => parseCase(noName, 'x.json')).toThrow(/field 'name' is missing \(expected a string\)/);
    const c = base();
    const grads = c.grads as Record<string, number[] | null>[];
    grads[2] = { ...grads[2], 'fc.bias': [1, 2, 3] };
    expect(() => parseCase(c, 'x.json')).toThrow(/x.json: field 'grads\[2\].fc.bias' must hold 2 numbers or be null, got 3/);
    expect(() => parseCase({ ...base(), grads: undefined }, 'x.json')).toThrow(/field 'grads' is missing \(a replay case records the gradient of every step\)/);
  });
  it('NaN or Infinity in a value is refused', () => {
    const c = base();
    const params = c.params as { init: number[] }[];
    params[0].init[1] = Number.NaN;
    expect(() => parseCase(c, 'x.json')).toThrow(/field 'params\[0\].init\[1\]' must be a number, got null/);
    params[0].init[1] = Number.POSITIVE_INFINITY;
    expect(() => parseCase(c, 'x.json')).toThrow(/field 'params\[0\].init\[1\]' must be a number/);
  });
  it('per-step arrays must cover `steps`; longer ones are cut to it (and the cut case still passes)', () => {
    const c = base();
    const r = run({ ...c, steps: 5 });
    expect(r.passed).toBe(true);
    expect(r.worst.where).toMatch(/^step [1-5],/);
    expect(() => parseCase({ ...c, param_groups: [{ ...c.param_groups[0], lr: [0.1] }, c.param_groups[1]] }, 'x.json')).toThrow(
      /x.json: field 'param_groups\[0\].lr' must hold at least 12 entries \(steps = 12\), got 1/,
    );
    expect(() => parseCase({ ...c, steps: 13 }, 'x.json')).toThrow(/x.json: field 'param_groups\[0\].lr' must hold at least 13 entries/);
  });
  it('a group without lr takes the case’s lr list; with none anywhere it is an error', () => {
    const c = base();
    const { lr, ...noLr } = c.param_groups[1];
    expect(run({ ...c, lr, param_groups: [c.param_groups[0], noLr] }).passed).toBe(true);
    expect(run({ ...c, hyper: { ...c.hyper, lr }, param_groups: [c.param_groups[0], noLr] }).passed).toBe(true);
    expect(() => parseCase({ ...c, param_groups: [c.param_groups[0], noLr] }, 'x.json')).toThrow(/field 'param_groups\[1\].lr' is missing, and the case has no per-step lr list/);
  });
  it('tolerance: README defaults when absent; tolerance_by_field accepts the float32_check names, refuses others', () => {
    const { tolerance: _t, ...c } = base();
    expect(parseCase(c, 'x.json').tolerance).toEqual({ rtol: 1e-4, atol: 1e-6 });
    const tb = parseCase({ ...c, tolerance_by_field: { params: { rtol: 1, atol: 0 }, grads: { rtol: 2, atol: 0 } } }, 'x.json');
    expect(tb.tolerance).toEqual({ rtol: 1, atol: 0 });
    expect(tb.tolerances.grad0).toEqual({ rtol: 2, atol: 0 });
    expect(tb.tolerances.grads_per_step).toEqual({ rtol: 2, atol: 0 });
    expect(tb.tolerances.losses).toEqual({ rtol: 1e-4, atol: 1e-6 });
    expect(() => parseCase({ ...c, tolerance_by_field: { weights: { rtol: 1, atol: 0 } } }, 'x.json')).toThrow(/field 'tolerance_by_field.weights' is not a compared field/);
  });
  it('a hyperparameter out of the registry’s range fails the case, naming the field and the range', () => {
    const c = base();
    const r = run({ ...c, hyper: { ...c.hyper, betas: [1, 0.999] } });
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(/^case.json: field 'hyper.betas\[0\]' is out of range: beta1 \(β₁\) must be a number in \[0, 1\), got 1/);
    const padam = SYNTHETIC.find((s) => s.optimizer === 'Padam');
    if (!padam) throw new Error('no Padam synthetic case');
    const p = syntheticCase(padam) as Record<string, unknown> & { hyper: Record<string, unknown> };
    expect(run({ ...p, hyper: { ...p.hyper, partial: 0.75 } }).error).toMatch(/field 'hyper.partial' is out of range: p \(p\) must be a number in \[0, 0.5\], got 0.75/);
  });
  it('an option gapkit cannot honour is refused, not ignored', () => {
    const lawn = SYNTHETIC.find((s) => s.optimizer === 'SGD-LAWN');
    if (!lawn) throw new Error('no SGD-LAWN synthetic case');
    const c = syntheticCase(lawn) as Record<string, unknown> & { hyper: Record<string, unknown> };
    expect(run({ ...c, hyper: { ...c.hyper, dampening: 0.1 } }).error).toMatch(/case.json: field 'hyper.dampening' must be 0: gapkit's SGD-LAWN has no dampening, got 0.1/);
    expect(run({ ...c, hyper: { ...c.hyper, weight_decay: 1e-4 } }).error).toMatch(/field 'hyper.weight_decay' must be 0: gapkit's SGD-LAWN has no weight_decay, got 0.0001/);
    const groups = c.param_groups as Record<string, unknown>[];
    expect(run({ ...c, param_groups: [{ ...groups[0], weight_decay: 0.1 }, groups[1]] }).error).toMatch(/field 'param_groups\[0\].weight_decay' must be 0: gapkit's SGD-LAWN has no weight decay, got 0.1/);
    expect(run({ ...c, hyper: { ...c.hyper, base: 'adam' } }).error).toMatch(/field 'hyper.base' is "adam" but the optimizer is SGD-LAWN/);
  });
  it('the input object is not changed by parsing', () => {
    const c = base();
    const before = JSON.stringify(c);
    parseCase({ ...c, steps: 5 }, 'x.json');
    expect(JSON.stringify(c)).toBe(before);
  });
});
