/**
 * The adapter from a case's `optimizer`, `hyper` and `param_groups` (the reference code's names,
 * docs/conformance/README.md) to a gapkit optimizer. `hyper` was checked against the optimizer's
 * schema when the case was parsed (src/schema/hyper.ts); here each key is mapped to gapkit's option
 * name. A key the case leaves out is not passed, so it takes gapkit's own documented default.
 */
import type { Parameter } from '@gapkit/autodiff';
import {
  AdaBound,
  Adam,
  AdamS,
  AdamW,
  Lamb,
  type LambPhi,
  Lawn,
  NdAdam,
  type Optimizer,
  Padam,
  type ParamGroup,
  RAdam,
  type Scalar,
  Sgd,
  Sgds,
  type StateRecord,
  Yogi,
} from '@gapkit/optimizers';
import { CaseError } from './case-error.js';
import type { Case } from './schema/case.js';
import { HYPER_SCHEMAS, type HyperOf, type OptimizerName } from './schema/hyper.js';

/** A built optimizer and how to set each group's lr before step k+1. */
export interface BuiltOptimizer {
  optimizer: Optimizer<object, StateRecord>;
  setStep(k: number): void;
}

/** `obj` without its undefined entries (an absent key takes gapkit's default). */
function given<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const betasOf = (b: readonly [number, number] | undefined) => (b ? { beta1: b[0], beta2: b[1] } : {});
const phiOf = (phi: string | undefined): LambPhi | undefined => (phi === undefined ? undefined : phi === 'identity' ? 'identity' : 'min10');

function hyperOf<N extends OptimizerName>(c: Case, name: N): HyperOf<N> {
  return HYPER_SCHEMAS[name].parse(c.hyper) as HyperOf<N>;
}

function fail(c: Case, field: string, msg: string): never {
  throw new CaseError(`${c.file}: field '${field}' ${msg}`);
}

/** Groups in case order; a group's own `weight_decay` overrides the optimizer-wide one. */
function groupsOf(c: Case, byName: Map<string, Parameter>) {
  return c.param_groups.map((g) => ({
    params: g.params.map((n) => byName.get(n) ?? fail(c, 'param_groups', `names unknown parameter '${n}'`)),
    lr: g.lr[0],
    ...given({ weightDecay: g.weight_decay }),
  }));
}

function withLr(c: Case, opt: Optimizer<{ lr: Scalar }, StateRecord>): BuiltOptimizer {
  const groups: ParamGroup<{ lr: Scalar }>[] = opt.groups;
  return {
    optimizer: opt as unknown as Optimizer<object, StateRecord>,
    setStep: (k) =>
      groups.forEach((g, i) => {
        g.options.lr = c.param_groups[i].lr[k];
      }),
  };
}

/** Builds the optimizer a case describes. */
export function buildOptimizer(c: Case, byName: Map<string, Parameter>): BuiltOptimizer {
  const groups = () => groupsOf(c, byName);
  switch (c.optimizer) {
    case 'SGD':
    case 'SGDS': {
      const h = hyperOf(c, c.optimizer);
      const o = given({ momentum: h.momentum, dampening: h.dampening, nesterov: h.nesterov, weightDecay: h.weight_decay });
      return withLr(c, c.optimizer === 'SGD' ? new Sgd(groups(), o) : new Sgds(groups(), o));
    }
    case 'Adam':
    case 'Adam(amsgrad)':
    case 'AdamW': {
      const h = hyperOf(c, c.optimizer);
      const mode = h.weight_decay_mode ?? (c.optimizer === 'AdamW' ? 'decoupled' : 'l2');
      const amsgrad = h.amsgrad ?? (c.optimizer === 'Adam(amsgrad)' ? true : undefined);
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, amsgrad, weightDecayMode: mode });
      return withLr(c, mode === 'decoupled' ? new AdamW(groups(), o) : new Adam(groups(), o));
    }
    case 'AdamS': {
      const h = hyperOf(c, 'AdamS');
      return withLr(c, new AdamS(groups(), given({ ...betasOf(h.betas), eps: h.eps, amsgrad: h.amsgrad, weightDecay: h.weight_decay })));
    }
    case 'Padam': {
      const h = hyperOf(c, 'Padam');
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, amsgrad: h.amsgrad, p: h.partial, biasCorrection: h.bias_correction });
      return withLr(c, new Padam(groups(), o));
    }
    case 'LAMB': {
      const h = hyperOf(c, 'LAMB');
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, biasCorrection: h.bias_correction, phi: phiOf(h.phi) });
      return withLr(c, new Lamb(groups(), o));
    }
    case 'AdaBound': {
      const h = hyperOf(c, 'AdaBound');
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, finalLr: h.final_lr, gamma: h.gamma, amsbound: h.amsbound });
      return withLr(c, new AdaBound(groups(), o));
    }
    case 'Yogi': {
      const h = hyperOf(c, 'Yogi');
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, initialAccumulator: h.initial_accumulator });
      return withLr(c, new Yogi(groups(), o));
    }
    case 'RAdam': {
      const h = hyperOf(c, 'RAdam');
      const o = given({ ...betasOf(h.betas), eps: h.eps, weightDecay: h.weight_decay, degeneratedToSgd: h.degenerated_to_sgd });
      return withLr(c, new RAdam(groups(), o));
    }
    case 'ND-Adam':
      return buildNdAdam(c, byName);
    case 'Adam-LAWN':
    case 'LAMB-LAWN':
    case 'SGD-LAWN':
      return buildLawn(c, byName, c.optimizer);
  }
}

function buildNdAdam(c: Case, byName: Map<string, Parameter>): BuiltOptimizer {
  const h = hyperOf(c, 'ND-Adam');
  const vectorNames = new Set(h.vector_params ?? []);
  const scalarNames = new Set(h.scalar_params ?? []);
  const noRoles = vectorNames.size === 0 && c.param_groups.every((g) => g.role === undefined && g.vec_axes === undefined);
  if (noRoles && h.vec_axes !== undefined && !Array.isArray(h.vec_axes)) {
    // Neither vector_params nor group roles: the tensors that `vec_axes` names are the vectors.
    for (const n of Object.keys(h.vec_axes)) vectorNames.add(n);
  }
  for (const g of c.param_groups) for (const n of g.params) (g.role === 'vector' ? vectorNames : g.role === 'scalar' ? scalarNames : new Set<string>()).add(n);
  for (const n of vectorNames) {
    if (!byName.has(n)) fail(c, 'hyper.vector_params', `names unknown parameter '${n}'`);
    if (scalarNames.has(n)) fail(c, 'hyper.scalar_params', `names '${n}', which is also a vector parameter`);
  }
  const pick = (m: Record<string, number[]> | number[] | undefined, name: string): number[] | undefined => (Array.isArray(m) ? m : m?.[name]);
  const axesOf = (name: string): number[] => {
    const group = c.param_groups.find((g) => g.params.includes(name));
    const axes = pick(group?.vec_axes, name) ?? pick(h.vec_axes, name);
    if (axes) return axes;
    // Default: every axis except the first (one unit per output row), docs/papers/nd-adam.md.
    const p = byName.get(name);
    return p ? p.shape.slice(1).map((_, i) => i + 1) : [];
  };
  for (const n of vectorNames) {
    const p = byName.get(n);
    if (p) p.meta.unitAxes = axesOf(n);
  }
  const variant = h.variant ?? 'paper';
  const normalizeAtInit = h.normalize_at_init ?? variant === 'paper';
  c.param_groups.forEach((g, i) => {
    // gapkit's ND-Adam applies L2 to θ^s only. On unit-norm vectors λ·w is projected out exactly; on
    // vectors not normalized at init it would change step 1, so that is refused.
    if (!normalizeAtInit && g.weight_decay && g.params.some((n) => vectorNames.has(n))) {
      fail(c, `param_groups[${i}].weight_decay`, `is ${g.weight_decay} on unit vectors that are not normalized at init; ND-Adam applies L2 only to scalars`);
    }
  });
  const groups = c.param_groups.map((g) => ({
    params: g.params.map((n) => byName.get(n) ?? fail(c, 'param_groups', `names unknown parameter '${n}'`)),
    ...given({ weightDecay: g.weight_decay ?? h.scalar_weight_decay }),
  }));
  const opt = new NdAdam(groups, given({ ...betasOf(h.betas), eps: h.eps, variant, normalizeAtInit }));
  return {
    optimizer: opt as unknown as Optimizer<object, StateRecord>,
    setStep: (k) =>
      opt.groups.forEach((g, i) => {
        const lr = c.param_groups[i].lr[k];
        // A vector group's lr is α^v, a scalar group's α^s; a group without a role sets both.
        if (c.param_groups[i].role !== 'scalar') g.options.lrVector = lr;
        if (c.param_groups[i].role !== 'vector') g.options.lr = lr;
      }),
  };
}

const LAWN_BASE = { 'Adam-LAWN': 'adam', 'LAMB-LAWN': 'lamb', 'SGD-LAWN': 'sgd' } as const;

function buildLawn(c: Case, byName: Map<string, Parameter>, name: 'Adam-LAWN' | 'LAMB-LAWN' | 'SGD-LAWN'): BuiltOptimizer {
  const h = hyperOf(c, name);
  const base = h.base ?? LAWN_BASE[name];
  if (base !== LAWN_BASE[name]) fail(c, 'hyper.base', `is "${base}" but the optimizer is ${name}`);
  if (h.weight_decay !== undefined && h.weight_decay !== 0) fail(c, 'hyper.weight_decay', `must be 0: LAWN uses no weight decay, got ${h.weight_decay}`);
  if ('dampening' in h && h.dampening !== undefined && h.dampening !== 0) {
    fail(c, 'hyper.dampening', `must be 0: gapkit's SGD-LAWN has no dampening, got ${h.dampening}`);
  }
  const constrained = new Set(h.constrained_params ?? []);
  const unconstrained = new Set(h.unconstrained_params ?? []);
  c.param_groups.forEach((g, i) => {
    if (g.weight_decay !== undefined && g.weight_decay !== 0) fail(c, `param_groups[${i}].weight_decay`, `must be 0: LAWN uses no weight decay, got ${g.weight_decay}`);
    if (g.constrained === true) for (const n of g.params) constrained.add(n);
    if (g.constrained === false) for (const n of g.params) unconstrained.add(n);
  });
  for (const n of constrained) if (unconstrained.has(n)) fail(c, 'hyper.unconstrained_params', `names '${n}', which is also constrained`);
  // Only the unconstrained tensors named: every other tensor is constrained. Neither: LAWN's default rule.
  if (constrained.size === 0 && unconstrained.size > 0) {
    for (const g of c.param_groups) for (const n of g.params) if (!unconstrained.has(n)) constrained.add(n);
  }
  for (const n of constrained) {
    if (!c.param_groups.some((g) => g.params.includes(n))) fail(c, 'hyper.constrained_params', `names '${n}', which is in no param group`);
  }
  const named = constrained.size > 0 || h.constrained_params !== undefined;
  const lamb = 'phi' in h ? { biasCorrection: h.bias_correction, phi: phiOf(h.phi) } : {};
  const sgd = 'momentum' in h ? { momentum: h.momentum, nesterov: h.nesterov } : {};
  const adam = 'betas' in h ? { ...betasOf(h.betas), eps: h.eps } : {};
  const opt = new Lawn(
    groupsOf(c, byName).map(({ weightDecay: _wd, ...g }) => g),
    given({
      base,
      ...adam,
      ...lamb,
      ...sgd,
      freeSteps: h.free_steps ?? fail(c, 'hyper.free_steps', 'is missing (the number of free-phase steps)'),
      resetMomentsAtSwitch: h.reset_moments_at_switch,
      constrainedParams: named ? [...constrained] : undefined,
    }),
  );
  return withLr(c, opt);
}
