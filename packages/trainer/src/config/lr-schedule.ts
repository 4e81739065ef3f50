/**
 * The config's schedule as the optimizers' `ScheduleSpec`, applied to every learning rate of the
 * optimizer (`lr`; ND-Adam's α^v `lrVector` too), each with its own base value.
 */
import type { ScheduleSpec } from '@gapkit/optimizers';
import type { ScheduleConfig } from './train-config.js';

/** Hyperparameters that are learning rates. */
export const LEARNING_RATE_KEYS: readonly string[] = ['lr', 'lrVector'];

/** `base` scheduled by `s`; `runLength` (in the schedule's unit) is the default length of cosine / warmup-linear. */
export function scheduleSpec(s: ScheduleConfig, base: number, stepsPerEpoch: number, runLength: number): ScheduleSpec | number {
  const unit = s.unit === 'epoch' ? ({ unit: 'epoch', stepsPerEpoch } as const) : ({ unit: 'step' } as const);
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new RangeError(`schedule '${s.kind}' needs ${what}`);
    return v;
  };
  switch (s.kind) {
    case 'constant':
      return base;
    case 'step':
      return { kind: 'step', base, gamma: s.gamma, every: need(s.every, 'every (--schedule-every N)'), ...unit };
    case 'multi-step':
      return { kind: 'multi-step', base, gamma: s.gamma, milestones: need(s.milestones, 'milestones (--milestones a,b,…)'), ...unit };
    case 'cosine':
      return { kind: 'cosine', base, total: s.total ?? runLength, min: s.min, ...unit };
    case 'cosine-restarts':
      return { kind: 'cosine-restarts', base, t0: need(s.t0, 't0 (--t0 N)'), tMult: s.tMult, min: s.min, ...unit };
    case 'warmup-linear': {
      const total = s.total ?? runLength;
      const warmup = s.warmup ?? 0;
      if (!(total > warmup)) throw new RangeError(`schedule 'warmup-linear': total (${total}) must exceed warmup (${warmup})`);
      return { kind: 'warmup-linear', base, warmup, total, ...unit };
    }
  }
}

/** Options with every learning rate replaced by its schedule. */
export function withSchedule(
  options: Readonly<Record<string, unknown>>,
  s: ScheduleConfig,
  stepsPerEpoch: number,
  runLength: number,
): Record<string, unknown> {
  const out = { ...options };
  for (const k of LEARNING_RATE_KEYS) {
    const v = out[k];
    if (typeof v === 'number') out[k] = scheduleSpec(s, v, stepsPerEpoch, runLength);
  }
  return out;
}
