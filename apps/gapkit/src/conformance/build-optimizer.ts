/**
 * Maps a case's `optimizer`, `hyper` and `param_groups` (reference-code names) to a gapkit optimizer.
 * Every optimizer name and `hyper` key of ../shared/conformance/README.md is understood; anything else
 * is an error naming the file and the key. `lr` in `hyper` is accepted as informational (the
 * authoritative per-step lr lives in `param_groups`).
 */
import type { Parameter } from '@gapkit/autodiff';
import {
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
  type Scalar,
  Sgd,
  Sgds,
  type StateRecord,
} from '@gapkit/optimizers';
import { CaseError, type ConformanceCase } from './case.js';

/** A built optimizer and how to set each group's lr before step k+1. */
export interface BuiltOptimizer {
  optimizer: Optimizer<object, StateRecord>;
  setStep(k: number): void;
}

const ADAM_KEYS = ['betas', 'eps', 'weight_decay', 'amsgrad', 'weight_decay_mode'];
const SGD_KEYS = ['momentum', 'dampening', 'nesterov', 'weight_decay'];
const LAMB_KEYS = ['betas', 'eps', 'weight_decay', 'bias_correction', 'phi'];

/** `hyper` keys that are informational for every optimizer (the authoritative lr is per group). */
const INFORMATIONAL_KEYS: Readonly<Record<string, readonly string[]>> = { 'ND-Adam': ['lr', 'lr_vector', 'lr_scalar'] };

/** Allowed `hyper` keys per optimizer name (README table). */
export const HYPER_KEYS: Readonly<Record<string, readonly string[]>> = {
  SGD: SGD_KEYS,
  SGDS: SGD_KEYS,
  Adam: ADAM_KEYS,
  'Adam(amsgrad)': ADAM_KEYS,
  AdamW: ADAM_KEYS,
  AdamS: ['betas', 'eps', 'amsgrad', 'weight_decay'],
  Padam: ['betas', 'eps', 'weight_decay', 'amsgrad', 'partial', 'bias_correction'],
  'ND-Adam': ['betas', 'eps', 'variant', 'vector_params', 'vec_axes', 'scalar_params', 'scalar_weight_decay', 'normalize_at_init', 'init_vectors'],
  LAMB: LAMB_KEYS,
  'Adam-LAWN': ['base', ...LAMB_KEYS, 'free_steps', 'constrained_params', 'unconstrained_params', 'reset_moments_at_switch'],
  'LAMB-LAWN': ['base', ...LAMB_KEYS, 'free_steps', 'constrained_params', 'unconstrained_params', 'reset_moments_at_switch'],
};

/** Reads typed values out of `hyper`, failing with the file and key. */
class Hyper {
  private readonly c: ConformanceCase;
  private readonly h: Record<string, unknown>;
  constructor(c: ConformanceCase, h: Record<string, unknown>) {
    this.c = c;
    this.h = h;
  }
  fail(key: string, msg: string): never {
    throw new CaseError(`${this.c.file}: field 'hyper.${key}' ${msg}`);
  }
  has(key: string): boolean {
    return this.h[key] !== undefined;
  }
  num(key: string, fallback?: number): number {
    const v = this.h[key] ?? fallback;
    if (typeof v !== 'number') return this.fail(key, `must be a number, got ${JSON.stringify(v)}`);
    return v;
  }
  bool(key: string, fallback?: boolean): boolean {
    const v = this.h[key] ?? fallback;
    if (typeof v !== 'boolean') return this.fail(key, `must be true or false, got ${JSON.stringify(v)}`);
    return v;
  }
  str<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.h[key] ?? fallback;
    if (typeof v !== 'string' || !allowed.includes(v as T)) return this.fail(key, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }
  betas(): { beta1: number; beta2: number } {
    const v = this.h.betas;
    if (v === undefined) return { beta1: 0.9, beta2: 0.999 };
    if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === 'number')) return this.fail('betas', `must be [β₁, β₂], got ${JSON.stringify(v)}`);
    return { beta1: v[0], beta2: v[1] };
  }
  names(key: string): string[] | undefined {
    const v = this.h[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return this.fail(key, 'must be a list of parameter names');
    const known = new Set(this.c.params.map((p) => p.name));
    for (const n of v) if (!known.has(n)) this.fail(key, `names unknown parameter '${n}'`);
    return v;
  }
}

type LrGroups = ParamGroup<{ lr: Scalar }>[];

function lrSetter(c: ConformanceCase, groups: LrGroups): (k: number) => void {
  return (k) => {
    groups.forEach((g, i) => {
      g.options.lr = c.param_groups[i].lr[k];
    });
  };
}

/** Groups in case order, with a per-group weight decay when the group carries one. */
function groupsOf(c: ConformanceCase, byName: Map<string, Parameter>, wd: (i: number) => Record<string, number>) {
  return c.param_groups.map((g, i) => ({ params: g.params.map((n) => byName.get(n)!), lr: g.lr[0], ...wd(i) }));
}

/** Builds the optimizer a case describes. */
export function buildOptimizer(c: ConformanceCase, byName: Map<string, Parameter>): BuiltOptimizer {
  const known = HYPER_KEYS[c.optimizer];
  if (!known) throw new CaseError(`${c.file}: field 'optimizer' names unknown optimizer '${c.optimizer}' (known: ${Object.keys(HYPER_KEYS).join(', ')})`);
  const informational = INFORMATIONAL_KEYS[c.optimizer] ?? ['lr'];
  for (const k of Object.keys(c.hyper)) {
    if (!informational.includes(k) && !known.includes(k)) {
      throw new CaseError(`${c.file}: field 'hyper.${k}' is not a known key for ${c.optimizer} (known: ${[...known, ...informational].join(', ')})`);
    }
  }
  const h = new Hyper(c, c.hyper);
  const groupWd = (i: number, fallback: number): Record<string, number> => ({ weightDecay: c.param_groups[i].weight_decay ?? fallback });
  const done = (opt: Optimizer<{ lr: Scalar }, StateRecord>): BuiltOptimizer => ({
    optimizer: opt as unknown as Optimizer<object, StateRecord>,
    setStep: lrSetter(c, opt.groups),
  });
  // A key the case leaves out takes the reference code's default (AdamW: PyTorch's λ = 1e-2; others 0).
  const wd = h.has('weight_decay') ? h.num('weight_decay') : c.optimizer === 'AdamW' ? 1e-2 : 0;

  switch (c.optimizer) {
    case 'SGD':
    case 'SGDS': {
      const o = { momentum: h.num('momentum', 0), dampening: h.num('dampening', 0), nesterov: h.bool('nesterov', false) };
      const groups = groupsOf(c, byName, (i) => groupWd(i, wd));
      return done(c.optimizer === 'SGD' ? new Sgd(groups, o) : new Sgds(groups, o));
    }
    case 'Adam':
    case 'Adam(amsgrad)':
    case 'AdamW': {
      const mode = h.str('weight_decay_mode', ['l2', 'decoupled'], c.optimizer === 'AdamW' ? 'decoupled' : 'l2');
      const o = { ...h.betas(), eps: h.num('eps', 1e-8), amsgrad: h.bool('amsgrad', c.optimizer === 'Adam(amsgrad)'), weightDecayMode: mode };
      const groups = groupsOf(c, byName, (i) => groupWd(i, wd));
      return done(mode === 'decoupled' ? new AdamW(groups, o) : new Adam(groups, o));
    }
    case 'AdamS': {
      const o = { ...h.betas(), eps: h.num('eps', 1e-8), amsgrad: h.bool('amsgrad', false) };
      return done(new AdamS(groupsOf(c, byName, (i) => groupWd(i, h.has('weight_decay') ? wd : 5e-4)), o));
    }
    case 'Padam': {
      const o = {
        ...h.betas(),
        eps: h.num('eps', 1e-8),
        amsgrad: h.bool('amsgrad', true),
        p: h.num('partial', 0.25), // uclaml/Padam's class default; the paper's runs use 1/8
        biasCorrection: h.str('bias_correction', ['code', 'none', 'consistent'], 'code'),
      };
      return done(new Padam(groupsOf(c, byName, (i) => groupWd(i, wd)), o));
    }
    case 'LAMB': {
      const o = { ...h.betas(), eps: h.num('eps', 1e-6), biasCorrection: h.bool('bias_correction', true), phi: phiOf(h) };
      return done(new Lamb(groupsOf(c, byName, (i) => groupWd(i, wd)), o));
    }
    case 'ND-Adam':
      return buildNdAdam(c, byName, h);
    case 'Adam-LAWN':
    case 'LAMB-LAWN':
      return buildLawn(c, byName, h);
  }
  throw new CaseError(`${c.file}: field 'optimizer' names unknown optimizer '${c.optimizer}'`);
}

function phiOf(h: Hyper): LambPhi {
  const raw = h.has('phi') ? h.str('phi', ['identity', 'min(||w||, 10)', 'min(||w||,10)']) : 'identity';
  return raw === 'identity' ? 'identity' : 'min10';
}

function buildNdAdam(c: ConformanceCase, byName: Map<string, Parameter>, h: Hyper): BuiltOptimizer {
  const vectorNames = new Set(h.names('vector_params') ?? []);
  const scalarNames = new Set(h.names('scalar_params') ?? []);
  const hyperAxes = c.hyper.vec_axes;
  const noRoles = vectorNames.size === 0 && c.param_groups.every((g) => g.role === undefined && g.vec_axes === undefined);
  if (noRoles && typeof hyperAxes === 'object' && hyperAxes !== null && !Array.isArray(hyperAxes)) {
    // Neither vector_params nor group roles: the tensors that `vec_axes` names are the vectors.
    for (const n of Object.keys(hyperAxes)) vectorNames.add(n);
  }
  c.param_groups.forEach((g, i) => {
    for (const n of g.params) (g.role === 'vector' ? vectorNames : g.role === 'scalar' ? scalarNames : new Set<string>()).add(n);
    if (g.vec_axes !== undefined && !Array.isArray(g.vec_axes) && typeof g.vec_axes !== 'object') {
      throw new CaseError(`${c.file}: field 'param_groups[${i}].vec_axes' must map names to axes`);
    }
  });
  for (const n of vectorNames) {
    if (!byName.has(n)) throw new CaseError(`${c.file}: field 'hyper.vec_axes' names unknown parameter '${n}'`);
    if (scalarNames.has(n)) throw new CaseError(`${c.file}: parameter '${n}' is both a vector and a scalar parameter`);
  }
  const axesOf = (name: string): number[] => {
    const group = c.param_groups.find((g) => g.params.includes(name));
    const fromGroup = group?.vec_axes;
    const fromHyper = c.hyper.vec_axes;
    const pick = (m: unknown): number[] | undefined =>
      Array.isArray(m) ? (m as number[]) : typeof m === 'object' && m !== null ? ((m as Record<string, number[]>)[name] ?? undefined) : undefined;
    const axes = pick(fromGroup) ?? pick(fromHyper);
    if (axes) return axes;
    // Default: every axis except the first (the output unit), decisions.md "ND-Adam".
    const p = byName.get(name)!;
    return p.shape.slice(1).map((_, i) => i + 1);
  };
  for (const n of vectorNames) byName.get(n)!.meta.unitAxes = axesOf(n);
  const scalarWd = h.has('scalar_weight_decay') ? h.num('scalar_weight_decay') : 0;
  const variant = h.str('variant', ['paper', 'code'], 'paper');
  const normalizeAtInit = h.bool('normalize_at_init', variant === 'paper');
  c.param_groups.forEach((g, i) => {
    // gapkit's ND-Adam applies L2 to θ^s only (decisions.md). On unit-norm vectors λ·w is projected out
    // exactly (N5); on vectors not normalized at init it would change step 1, so that is refused.
    if (!normalizeAtInit && g.weight_decay && g.params.some((n) => vectorNames.has(n))) {
      throw new CaseError(
        `${c.file}: field 'param_groups[${i}].weight_decay' is ${g.weight_decay} on unit vectors that are not normalized at init; ND-Adam applies L2 only to scalars`,
      );
    }
  });
  const groups = c.param_groups.map((g) => ({
    params: g.params.map((n) => byName.get(n)!),
    weightDecay: g.weight_decay ?? scalarWd,
  }));
  const opt = new NdAdam(groups, {
    ...h.betas(),
    eps: h.num('eps', 1e-8),
    variant,
    normalizeAtInit,
  });
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

function buildLawn(c: ConformanceCase, byName: Map<string, Parameter>, h: Hyper): BuiltOptimizer {
  const base = h.str('base', ['adam', 'lamb'], c.optimizer === 'Adam-LAWN' ? 'adam' : 'lamb');
  if ((c.optimizer === 'Adam-LAWN') !== (base === 'adam')) h.fail('base', `is "${base}" but the optimizer is ${c.optimizer}`);
  if (h.has('weight_decay') && h.num('weight_decay') !== 0) h.fail('weight_decay', 'must be 0: LAWN uses no weight decay');
  const constrained = new Set(h.names('constrained_params') ?? []);
  const unconstrained = new Set(h.names('unconstrained_params') ?? []);
  c.param_groups.forEach((g, i) => {
    if (g.weight_decay !== undefined && g.weight_decay !== 0) {
      throw new CaseError(`${c.file}: field 'param_groups[${i}].weight_decay' must be 0: LAWN uses no weight decay`);
    }
    if (g.constrained === true) for (const n of g.params) constrained.add(n);
    if (g.constrained === false) for (const n of g.params) unconstrained.add(n);
  });
  for (const n of constrained) if (unconstrained.has(n)) throw new CaseError(`${c.file}: parameter '${n}' is both constrained and unconstrained`);
  // Only the unconstrained tensors named: every other tensor is constrained. Neither: LAWN's default rule.
  if (constrained.size === 0 && unconstrained.size > 0) {
    for (const g of c.param_groups) for (const n of g.params) if (!unconstrained.has(n)) constrained.add(n);
  }
  for (const n of constrained) {
    if (!c.param_groups.some((g) => g.params.includes(n))) throw new CaseError(`${c.file}: field 'hyper.constrained_params' names '${n}', which is in no param group`);
  }
  const named = constrained.size > 0 || h.has('constrained_params');
  const opt = new Lawn(groupsOf(c, byName, () => ({})), {
    base,
    ...h.betas(),
    eps: h.num('eps', 1e-6),
    biasCorrection: h.bool('bias_correction', true),
    phi: phiOf(h),
    freeSteps: h.num('free_steps'),
    resetMomentsAtSwitch: h.bool('reset_moments_at_switch', false),
    ...(named ? { constrainedParams: [...constrained] } : {}),
  });
  return { optimizer: opt as unknown as Optimizer<object, StateRecord>, setStep: lrSetter(c, opt.groups) };
}
