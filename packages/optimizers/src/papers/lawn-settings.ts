/**
 * LAWN's optimizer-wide settings (docs/papers/lawn.md#variants-and-options): which optimizer it
 * wraps, when the free phase ends, and which tensors are constrained. Kept apart from lawn.ts, which
 * holds the algorithm box.
 */
import type { Parameter } from '@gapkit/autodiff';
import { assertInRange, assertNonNegative, assertOneOf } from '../validate.js';

/** Which optimizer LAWN wraps. */
export type LawnBase = 'adam' | 'lamb' | 'sgd';

/** Optimizer-wide LAWN settings. */
export interface LawnSettings {
  /** The wrapped optimizer. Default 'adam'. */
  base: LawnBase;
  /** E_free in steps. If absent: freeEpochs·stepsPerEpoch. */
  freeSteps?: number;
  /** E_free in epochs. Default 5 (docs/papers/lawn.md#defaults; the paper: fewer than 10 works well). */
  freeEpochs: number;
  /** Needed when the free phase is given in epochs. */
  stepsPerEpoch?: number;
  /** Zero the constrained tensors' moments at the switch and restart their t at 1. Default false. */
  resetMomentsAtSwitch: boolean;
  /** Also constrain role 'embedding'. Default false. */
  constrainEmbeddings: boolean;
  /** Only constrain tensors carrying this tag (e.g. 'final-homogeneous'). */
  onlyTag?: string;
  /** Explicit names of the constrained tensors (overrides the three rules above). */
  constrainedParams?: readonly string[];
}

/** Defaults of the optimizer-wide settings (docs/papers/lawn.md#variants-and-options). */
export const LAWN_SETTINGS_DEFAULTS = {
  base: 'adam',
  freeEpochs: 5,
  resetMomentsAtSwitch: false,
  constrainEmbeddings: false,
} as const satisfies Partial<LawnSettings>;

/** Settings with defaults filled in and E_free converted to steps. */
export type ResolvedLawnSettings = LawnSettings & { freeSteps: number };

/** Fills defaults, converts E_free to steps and validates; `known(name)` says whether a tensor exists. */
export function resolveLawnSettings(s: Partial<LawnSettings>, known: (name: string) => boolean): ResolvedLawnSettings {
  const base = s.base ?? LAWN_SETTINGS_DEFAULTS.base;
  assertOneOf('LAWN', 'base', base, ['adam', 'lamb', 'sgd']);
  const freeEpochs = s.freeEpochs ?? LAWN_SETTINGS_DEFAULTS.freeEpochs;
  let free = s.freeSteps;
  if (free === undefined) {
    if (s.stepsPerEpoch === undefined) {
      throw new RangeError('LAWN: give freeSteps (E_free in steps), or stepsPerEpoch so that freeEpochs (default 5) can be converted to steps');
    }
    assertInRange('LAWN', 'stepsPerEpoch', s.stepsPerEpoch, { value: 1 }, { value: Number.POSITIVE_INFINITY, open: true });
    assertNonNegative('LAWN', 'freeEpochs (E_free)', freeEpochs);
    free = Math.round(freeEpochs * s.stepsPerEpoch);
  }
  if (!Number.isInteger(free) || free < 0) throw new RangeError(`LAWN: freeSteps (E_free in steps) must be an integer ≥ 0, got ${free}`);
  for (const n of s.constrainedParams ?? []) if (!known(n)) throw new RangeError(`LAWN: constrainedParams names unknown parameter '${n}'`);
  return {
    ...s,
    base,
    freeSteps: free,
    freeEpochs,
    resetMomentsAtSwitch: s.resetMomentsAtSwitch ?? LAWN_SETTINGS_DEFAULTS.resetMomentsAtSwitch,
    constrainEmbeddings: s.constrainEmbeddings ?? LAWN_SETTINGS_DEFAULTS.constrainEmbeddings,
  };
}

/** Whether `p` is constrained under `s`: an explicit list, else role 'weight' (and 'embedding' if asked), filtered by `onlyTag`. */
export function isConstrainedBy(s: LawnSettings, p: Parameter): boolean {
  if (s.constrainedParams) return s.constrainedParams.includes(p.meta.name);
  const roleOk = p.meta.role === 'weight' || (s.constrainEmbeddings && p.meta.role === 'embedding');
  return roleOk && (s.onlyTag === undefined || p.meta.tags.has(s.onlyTag));
}
