/**
 * Schedules (docs/papers/schedules.md). A schedule is plain serializable data (a `ScheduleSpec`) and a pure
 * function of s, the number of steps the optimizer has completed (the first step sees s = 0), so a
 * resumed run reproduces the uninterrupted one exactly. Any numeric hyperparameter may be a schedule;
 * the optimizer evaluates it once per step.
 *
 * Granularity: `unit: 'step'` evaluates at s; `unit: 'epoch'` evaluates at the 0-based epoch index
 * e = ⌊s / stepsPerEpoch⌋ (constant within an epoch), and every length is then counted in epochs.
 */

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

function fail(spec: ScheduleSpec, msg: string): never {
  throw new RangeError(`schedule '${spec.kind}': ${msg}`);
}

function position(spec: ScheduleSpec & ScheduleUnit, s: number): number {
  if (spec.unit === 'epoch') {
    const spe = spec.stepsPerEpoch;
    if (!Number.isInteger(spe) || spe <= 0) fail(spec, `stepsPerEpoch must be a positive integer, got ${spe}`);
    return Math.floor(s / spe);
  }
  return s;
}

/** Throws a clear error if `spec` is malformed (unknown kind, non-positive lengths, …). */
export function validateSchedule(spec: ScheduleSpec): void {
  if (!SCHEDULE_KINDS.includes(spec.kind)) {
    throw new RangeError(`schedule: unknown kind '${String(spec.kind)}' (known: ${SCHEDULE_KINDS.join(', ')})`);
  }
  const positive = (name: string, x: number) => {
    if (!(Number.isFinite(x) && x > 0)) fail(spec, `${name} must be a positive number, got ${x}`);
  };
  switch (spec.kind) {
    case 'constant':
      if (!Number.isFinite(spec.value)) fail(spec, `value must be finite, got ${spec.value}`);
      return;
    case 'table':
      if (spec.values.length === 0) fail(spec, 'values must not be empty');
      return;
    case 'step':
      positive('every', spec.every);
      return;
    case 'multi-step':
      for (let i = 1; i < spec.milestones.length; i++) {
        if (spec.milestones[i] <= spec.milestones[i - 1]) fail(spec, `milestones must increase, got [${spec.milestones.join(', ')}]`);
      }
      return;
    case 'cosine':
      positive('total', spec.total);
      return;
    case 'cosine-restarts':
      positive('t0 (T₀)', spec.t0);
      if (!(spec.tMult >= 1)) fail(spec, `tMult (T_mult) must be ≥ 1, got ${spec.tMult}`);
      return;
    case 'warmup-linear':
      if (!(spec.warmup >= 0)) fail(spec, `warmup must be ≥ 0, got ${spec.warmup}`);
      if (!(spec.total > spec.warmup)) fail(spec, `total must exceed warmup (${spec.warmup}), got ${spec.total}`);
      return;
  }
}

/** Value of `x` after `s` completed steps: `x` itself for a number. */
export function scheduleAt(x: Scalar, s: number): number {
  if (typeof x === 'number') return x;
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
      let tCur = position(spec, s);
      let ti = spec.t0;
      while (tCur >= ti) {
        tCur -= ti;
        ti *= spec.tMult;
      }
      const lo = spec.min ?? 0;
      return lo + (spec.base - lo) * 0.5 * (1 + Math.cos((Math.PI * tCur) / ti));
    }
    case 'warmup-linear': {
      const e = position(spec, s);
      if (e < spec.warmup) return (spec.base * e) / spec.warmup;
      return spec.base * Math.max(0, (spec.total - e) / (spec.total - spec.warmup));
    }
  }
  return fail(spec, 'unknown kind');
}
