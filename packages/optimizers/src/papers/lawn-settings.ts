/**
 * LAWN's optimizer-wide settings (docs/papers/lawn.md#variants-and-options): which optimizer it
 * wraps, when the free phase ends, and which tensors are constrained. Kept apart from lawn.ts, which
 * holds the algorithm box.
 */
import type { Parameter } from '@gapkit/autodiff';
import { assertInRange, assertNonNegative, assertOneOf } from '../validate.js';
import { OptimizerError, show } from '../errors.js';

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
  /**
   * Zero the constrained tensors' moments at the switch and restart their t at 1. Default false: the
   * moments carry over. Algorithm 1 indexes from t = 1 with no initialization line, which can be read as
   * a fresh start; the text does not settle it, so both readings exist. Carrying over is the default
   * because it changes least at the switch (only the projections are added: the step size does not
   * jump back to Adam's bias-corrected first steps), and it is what a conformance case means when it
   * leaves `reset_moments_at_switch` out (docs/papers/lawn.md).
   */
  resetMomentsAtSwitch: boolean;
  /**
   * Constrain role 'embedding' beside conv and linear weights. Default true: an embedding is a linear
   * layer on a one-hot input, and Gupta et al. bound the weights of the entire network (left free and
   * undecayed, NCF's embeddings carry the logit growth LAWN exists to stop; docs/papers/lawn.md). False
   * is the narrower set (conv and linear weights only).
   */
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
  constrainEmbeddings: true,
} as const satisfies Partial<LawnSettings>;

/** Every key of `LawnSettings` (for strict option checks). */
export const LAWN_SETTINGS_KEYS: readonly (keyof LawnSettings)[] = [
  'base',
  'freeSteps',
  'freeEpochs',
  'stepsPerEpoch',
  'resetMomentsAtSwitch',
  'constrainEmbeddings',
  'onlyTag',
  'constrainedParams',
];

/** The optimizer's name for a base, as the conformance format spells it: `Adam-LAWN`, `LAMB-LAWN`, `SGD-LAWN`. */
export function lawnTitle(base: LawnBase): string {
  return base === 'adam' ? 'Adam-LAWN' : base === 'lamb' ? 'LAMB-LAWN' : base === 'sgd' ? 'SGD-LAWN' : `LAWN(${show(base)})`;
}

/** Settings with defaults filled in and E_free converted to steps. */
export type ResolvedLawnSettings = LawnSettings & { freeSteps: number };

/** Fills defaults, converts E_free to steps and validates; `known(name)` says whether a tensor exists. */
export function resolveLawnSettings(s: Partial<LawnSettings>, known: (name: string) => boolean): ResolvedLawnSettings {
  const base = s.base ?? LAWN_SETTINGS_DEFAULTS.base;
  assertOneOf('LAWN', 'base', base, ['adam', 'lamb', 'sgd']);
  const freeEpochs = s.freeEpochs ?? LAWN_SETTINGS_DEFAULTS.freeEpochs;
  assertNonNegative('LAWN', 'freeEpochs (E_free)', freeEpochs);
  if (s.stepsPerEpoch !== undefined) {
    assertInRange('LAWN', 'stepsPerEpoch', s.stepsPerEpoch, { value: 1 }, { value: Number.POSITIVE_INFINITY, open: true });
    if (!Number.isInteger(s.stepsPerEpoch)) throw new OptimizerError(`LAWN: stepsPerEpoch must be an integer, got ${s.stepsPerEpoch}`);
  }
  let free = s.freeSteps;
  if (free === undefined) {
    if (s.stepsPerEpoch === undefined) {
      throw new OptimizerError('LAWN: give freeSteps (E_free in steps), or stepsPerEpoch so that freeEpochs (default 5) can be converted to steps');
    }
    free = Math.round(freeEpochs * s.stepsPerEpoch);
  }
  if (!Number.isInteger(free) || free < 0) throw new OptimizerError(`LAWN: freeSteps (E_free in steps) must be an integer ≥ 0, got ${show(free)}`);
  for (const key of ['resetMomentsAtSwitch', 'constrainEmbeddings'] as const) {
    const v = s[key];
    if (v !== undefined && typeof v !== 'boolean') throw new OptimizerError(`LAWN: ${key} must be true or false, got ${show(v)}`);
  }
  if (s.onlyTag !== undefined && typeof s.onlyTag !== 'string') throw new OptimizerError(`LAWN: onlyTag must be a tag name (string), got ${show(s.onlyTag)}`);
  const listed: unknown = s.constrainedParams;
  if (listed !== undefined && !(Array.isArray(listed) && listed.every((n) => typeof n === 'string'))) {
    throw new OptimizerError(`LAWN: constrainedParams must be a list of parameter names, got ${show(listed)}`);
  }
  for (const n of s.constrainedParams ?? []) if (!known(n)) throw new OptimizerError(`LAWN: constrainedParams names unknown parameter '${n}'`);
  return {
    ...s,
    base,
    freeSteps: free,
    freeEpochs,
    resetMomentsAtSwitch: s.resetMomentsAtSwitch ?? LAWN_SETTINGS_DEFAULTS.resetMomentsAtSwitch,
    constrainEmbeddings: s.constrainEmbeddings ?? LAWN_SETTINGS_DEFAULTS.constrainEmbeddings,
  };
}

/** Whether `p` is constrained under `s`: an explicit list, else role 'weight' and (by default) 'embedding', filtered by `onlyTag`. */
export function isConstrainedBy(s: LawnSettings, p: Parameter): boolean {
  if (s.constrainedParams) return s.constrainedParams.includes(p.meta.name);
  const roleOk = p.meta.role === 'weight' || (s.constrainEmbeddings && p.meta.role === 'embedding');
  return roleOk && (s.onlyTag === undefined || p.meta.tags.has(s.onlyTag));
}
