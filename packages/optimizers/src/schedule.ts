/**
 * Learning-rate and weight-decay schedules as the four papers use them (step decay, multi-step, cosine per
 * step or per epoch, SGDR warm restarts — Loshchilov & Hutter, "SGDR: Stochastic Gradient Descent with Warm
 * Restarts", ICLR 2017, arXiv:1608.03983 — and LAWN's warmup then linear decay; docs/papers/schedules.md). A schedule is plain serializable data (a `ScheduleSpec`) and a pure
 * function of s, the number of steps the optimizer has completed (the first step sees s = 0), so a
 * resumed run reproduces the uninterrupted one exactly. Any numeric hyperparameter may be a schedule;
 * the optimizer evaluates it once per step.
 *
 * Granularity: `unit: 'step'` evaluates at s; `unit: 'epoch'` evaluates at the 0-based epoch index
 * e = ⌊s / stepsPerEpoch⌋ (constant within an epoch), and every length is then counted in epochs.
 *
 * Every kind evaluates in O(1) at any step (warm restarts in closed form, no loop over cycles); a spec
 * is checked strictly (unknown keys, non-finite numbers, bad lengths are errors) and so is the clock.
 */
import { OptimizerError, show } from './errors.js';
import { assertOptionKeys } from './option-keys.js';

/** Evaluate per step (default) or per 0-based epoch. */
export type ScheduleUnit = { unit?: 'step' } | { unit: 'epoch'; stepsPerEpoch: number };

export type ScheduleSpec =
  /** value, always. */
  | { kind: 'constant'; value: number }
  /** values[s], the last value after the end (conformance cases expand schedules into lists). */
  | { kind: 'table'; values: readonly number[] }
  /** base·γ^{⌊x / every⌋} (SWD demo: every 80 epochs, γ = 0.1). */
  | ({ kind: 'step'; base: number; gamma: number; every: number } & ScheduleUnit)
  /** base·γ^{#{m ∈ milestones : m ≤ x}} (PyTorch MultiStepLR; Padam's code drops at epochs 100, 150). */
  | ({ kind: 'multi-step'; base: number; gamma: number; milestones: readonly number[] } & ScheduleUnit)
  /** min + (base − min)·½(1 + cos(π·min(x, total)/total)) (ND-Adam: per step in TF, per epoch in PyTorch). */
  | ({ kind: 'cosine'; base: number; total: number; min?: number } & ScheduleUnit)
  /** SGDR: cosine within cycles of length t0, t0·tMult, t0·tMult², …; back to base at each restart. */
  | ({ kind: 'cosine-restarts'; base: number; t0: number; tMult: number; min?: number } & ScheduleUnit)
  /** LAWN: base·x/warmup for x < warmup, then base·max(0, (total − x)/(total − warmup)). */
  | ({ kind: 'warmup-linear'; base: number; warmup: number; total: number } & ScheduleUnit);

/** A hyperparameter value: a number or a schedule. */
export type Scalar = number | ScheduleSpec;

/** The kinds a spec may have (used to recognize a schedule and to refuse an unknown one). */
export const SCHEDULE_KINDS: readonly ScheduleSpec['kind'][] = [
  'constant',
  'table',
  'step',
  'multi-step',
  'cosine',
  'cosine-restarts',
  'warmup-linear',
];

/** True when `x` is a schedule (an object), false when it is a number. */
export function isSchedule(x: unknown): x is ScheduleSpec {
  return typeof x === 'object' && x !== null && 'kind' in x;
}

function fail(kind: string, msg: string): never {
  throw new OptimizerError(`schedule '${kind}': ${msg}`);
}

const UNIT_KEYS = ['unit', 'stepsPerEpoch'];

/** The keys each kind takes (besides `kind`). */
export const SCHEDULE_KEYS: Readonly<Record<ScheduleSpec['kind'], readonly string[]>> = {
  constant: ['value'],
  table: ['values'],
  step: ['base', 'gamma', 'every', ...UNIT_KEYS],
  'multi-step': ['base', 'gamma', 'milestones', ...UNIT_KEYS],
  cosine: ['base', 'total', 'min', ...UNIT_KEYS],
  'cosine-restarts': ['base', 't0', 'tMult', 'min', ...UNIT_KEYS],
  'warmup-linear': ['base', 'warmup', 'total', ...UNIT_KEYS],
};

function isKind(k: unknown): k is ScheduleSpec['kind'] {
  return typeof k === 'string' && (SCHEDULE_KINDS as readonly string[]).includes(k);
}

/**
 * Throws a clear error unless `spec` is a well-formed schedule: a known kind, only that kind's keys,
 * finite numbers, positive lengths, increasing milestones, a positive integer stepsPerEpoch exactly
 * when unit is 'epoch'.
 */
export function validateSchedule(spec: unknown): asserts spec is ScheduleSpec {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) throw new OptimizerError(`schedule: expected an object { kind, ... }, got ${show(spec)}`);
  const raw: Record<string, unknown> = { ...spec };
  const kind = raw.kind;
  if (!isKind(kind)) throw new OptimizerError(`schedule: unknown kind ${typeof kind === 'string' ? `'${kind}'` : show(kind)} (known: ${SCHEDULE_KINDS.join(', ')})`);
  const { kind: _kind, ...rest } = raw;
  assertOptionKeys(`schedule '${kind}'`, rest, SCHEDULE_KEYS[kind]);
  const finite = (name: string): number => {
    const x = raw[name];
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(kind, `${name} must be a finite number, got ${show(x)}`);
    return x;
  };
  const positive = (name: string): number => {
    const x = finite(name);
    if (!(x > 0)) fail(kind, `${name} must be a positive number, got ${x}`);
    return x;
  };
  const optionalFinite = (name: string) => {
    if (raw[name] !== undefined) finite(name);
  };
  const numbers = (name: string): readonly number[] => {
    const xs = raw[name];
    if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(kind, `${name} must be a list of finite numbers`);
    return xs;
  };
  if (kind !== 'constant' && kind !== 'table') {
    const unit = raw.unit;
    if (unit !== undefined && unit !== 'step' && unit !== 'epoch') fail(kind, `unit must be 'step' or 'epoch', got ${show(unit)}`);
    if (unit === 'epoch') {
      const spe = raw.stepsPerEpoch;
      if (typeof spe !== 'number' || !Number.isInteger(spe) || spe <= 0) fail(kind, `stepsPerEpoch must be a positive integer, got ${show(spe)}`);
    } else if (raw.stepsPerEpoch !== undefined) fail(kind, "stepsPerEpoch is only used with unit 'epoch'");
    finite('base');
  }
  switch (kind) {
    case 'constant':
      finite('value');
      return;
    case 'table':
      if (numbers('values').length === 0) fail(kind, 'values must not be empty');
      return;
    case 'step':
      finite('gamma');
      positive('every');
      return;
    case 'multi-step': {
      finite('gamma');
      const ms = numbers('milestones');
      for (let i = 1; i < ms.length; i++) if (ms[i] <= ms[i - 1]) fail(kind, `milestones must increase, got [${ms.join(', ')}]`);
      return;
    }
    case 'cosine':
      positive('total');
      optionalFinite('min');
      return;
    case 'cosine-restarts':
      positive('t0');
      if (!(finite('tMult') >= 1)) fail(kind, `tMult (T_mult) must be ≥ 1, got ${raw.tMult}`);
      optionalFinite('min');
      return;
    case 'warmup-linear': {
      const warmup = finite('warmup');
      if (!(warmup >= 0)) fail(kind, `warmup must be ≥ 0, got ${warmup}`);
      if (!(finite('total') > warmup)) fail(kind, `total must exceed warmup (${warmup}), got ${raw.total}`);
      return;
    }
  }
}

function position(spec: ScheduleSpec & ScheduleUnit, s: number): number {
  if (spec.unit === 'epoch') {
    const spe = spec.stepsPerEpoch;
    if (!Number.isInteger(spe) || spe <= 0) fail(spec.kind, `stepsPerEpoch must be a positive integer, got ${spe}`);
    return Math.floor(s / spe);
  }
  return s;
}

/**
 * SGDR's cycle at position x ≥ 0: the offset T_cur inside the current cycle and its length T_i, in
 * closed form. Cycle n starts at T₀·(T_mult^n − 1)/(T_mult − 1) (at n·T₀ when T_mult = 1); n comes from a
 * logarithm and is then corrected by at most a step either way, so rounding never picks the wrong cycle.
 */
export function warmRestartCycle(x: number, t0: number, tMult: number): { tCur: number; ti: number } {
  if (tMult === 1) {
    const n = Math.floor(x / t0);
    return { tCur: Math.max(0, x - n * t0), ti: t0 };
  }
  // integer T_mult: powers are exact; otherwise expm1/log1p keep T_mult^k − 1 accurate when T_mult ≈ 1
  const logMult = Math.log1p(tMult - 1);
  const grow = (k: number) => (Number.isInteger(tMult) ? tMult ** k - 1 : Math.expm1(k * logMult));
  const start = (k: number) => (t0 * grow(k)) / (tMult - 1);
  let n = Math.max(0, Math.floor(Math.log1p((x * (tMult - 1)) / t0) / logMult));
  if (start(n) > x && n > 0) n--;
  else if (start(n + 1) <= x) n++;
  return { tCur: Math.max(0, x - start(n)), ti: t0 * (grow(n) + 1) };
}

/**
 * Value of `x` after `s` completed steps: `x` itself for a number. `s` must be a finite integer ≥ 0
 * (a corrupt clock is an error, never a hang).
 */
export function scheduleAt(x: Scalar, s: number): number {
  if (typeof x === 'number') return x;
  if (!Number.isInteger(s) || s < 0) throw new OptimizerError(`schedule ${show(x.kind)}: the step count must be a finite integer ≥ 0, got ${show(s)}`);
  const spec = x;
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'table':
      return spec.values[Math.min(s, spec.values.length - 1)];
    case 'step':
      return spec.base * spec.gamma ** Math.floor(position(spec, s) / spec.every);
    case 'multi-step': {
      const e = position(spec, s);
      return spec.base * spec.gamma ** spec.milestones.filter((m) => m <= e).length;
    }
    case 'cosine': {
      const e = Math.min(position(spec, s), spec.total);
      const lo = spec.min ?? 0;
      return lo + (spec.base - lo) * 0.5 * (1 + Math.cos((Math.PI * e) / spec.total));
    }
    case 'cosine-restarts': {
      const { tCur, ti } = warmRestartCycle(position(spec, s), spec.t0, spec.tMult);
      const lo = spec.min ?? 0;
      return lo + (spec.base - lo) * 0.5 * (1 + Math.cos((Math.PI * tCur) / ti));
    }
    case 'warmup-linear': {
      const e = position(spec, s);
      if (e < spec.warmup) return (spec.base * e) / spec.warmup;
      return spec.base * Math.max(0, (spec.total - e) / (spec.total - spec.warmup));
    }
  }
  return fail('?', 'unknown kind');
}
