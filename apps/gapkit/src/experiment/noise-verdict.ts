/**
 * Verdicts computed from numbers and their noise, for experiment reports — never hard-coded text.
 *
 * - {@link matchVerdict}: does a measurement reproduce a reference number on the same recipe? It agrees
 *   when |difference| ≤ noise.
 * - {@link effectVerdict}: does a measured difference between two settings show the sign a paper claims?
 *   A difference inside the noise shows nothing ("not visible at this scale"), whatever the paper says.
 *
 * The decision is `verdict.ts`'s at k = 1 (a difference counts beyond the noise itself); this module
 * adds the lawn-ml100k report's wording and its noise rule: the noise is what the caller states (e.g.
 * a seed-to-seed spread measured by a reference), raised to twice the measured standard deviation over
 * seeds when that is larger (`noiseOf`).
 */
import { effectVerdict as effectWord, matchVerdict as matchWord } from './verdict.js';

/** max(stated, 2 × each given standard deviation combined in quadrature); null deviations are ignored. */
export function noiseOf(stated: number, ...stds: readonly (number | null)[]): number {
  if (!(stated >= 0)) throw new RangeError(`noiseOf: stated noise must be ≥ 0, got ${stated}`);
  const known = stds.filter((s): s is number => s !== null);
  const combined = Math.sqrt(known.reduce((a, s) => a + s * s, 0));
  return Math.max(stated, 2 * combined);
}

export interface MatchVerdict {
  readonly verdict: 'agrees' | 'disagrees';
  readonly difference: number;
  readonly noise: number;
  /** e.g. `agrees: difference −1.20 HR points vs noise 3.00`. */
  readonly text: string;
}

const signed = (v: number, digits: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;

/** `measured` against `reference`: agrees when |measured − reference| ≤ noise. */
export function matchVerdict(measured: number, reference: number, noise: number, unit: string, digits = 2): MatchVerdict {
  const verdict = matchWord(measured, reference, noise, { k: 1, digits }).word === 'agrees' ? 'agrees' : 'disagrees';
  const difference = measured - reference;
  return { verdict, difference, noise, text: `${verdict}: difference ${signed(difference, digits)} ${unit} vs noise ${noise.toFixed(digits)}` };
}

export interface EffectVerdict {
  readonly verdict: 'agrees' | 'disagrees' | 'not visible at this scale';
  readonly difference: number;
  readonly noise: number;
  readonly text: string;
}

/**
 * A measured difference (A − B) against a claimed one: beyond +noise it shows A ahead, beyond −noise B
 * ahead, inside it nothing. It agrees when it shows the claimed sign, disagrees when it shows the
 * other, and is not visible at this scale when it is inside the noise.
 */
export function effectVerdict(measured: number, claimed: number, noise: number, unit: string, digits = 2): EffectVerdict {
  if (!Number.isFinite(claimed) || claimed === 0) throw new RangeError(`effectVerdict: claimed must be a finite non-zero difference (its sign is the claim), got ${claimed}`);
  const { word: verdict } = effectWord(measured, noise, claimed > 0 ? 1 : -1, { k: 1, digits });
  const why =
    verdict === 'not visible at this scale'
      ? `measured ${signed(measured, digits)} ${unit} is inside the noise ${noise.toFixed(digits)} (claimed ${signed(claimed, digits)})`
      : `measured ${signed(measured, digits)} ${unit} vs noise ${noise.toFixed(digits)} (claimed ${signed(claimed, digits)})`;
  return { verdict, difference: measured, noise, text: `${verdict}: ${why}` };
}
