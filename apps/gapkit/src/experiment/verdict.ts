/**
 * Verdicts of experiment reports, computed from the measured numbers and their noise — never written
 * by hand. A difference counts only beyond `k` × noise (default 2: about a 95 % band when the noise is
 * one standard error). Two questions:
 *   - {@link effectVerdict}: does an effect the paper claims (a sign) show? agrees / disagrees /
 *     not visible at this scale;
 *   - {@link matchVerdict}: does gapkit's number match a reference number on the same recipe?
 *     agrees / disagrees.
 */
export type VerdictWord = 'agrees' | 'disagrees' | 'not visible at this scale';

export interface Verdict {
  readonly word: VerdictWord;
  /** The numbers behind the word, e.g. `difference 2.1 points vs noise 0.9 (2 × noise = 1.8)`. */
  readonly reason: string;
}

export interface NoiseOptions {
  /** Digits after the point in the reason. Default 2. */
  readonly digits?: number;
  /** Unit after each number (e.g. ` points`). Default none. */
  readonly unit?: string;
  /** Threshold in units of noise. Default 2. */
  readonly k?: number;
}

function checkNoise(where: string, noise: number, k: number): void {
  if (!(Number.isFinite(noise) && noise >= 0)) throw new RangeError(`${where}: noise must be a finite number ≥ 0, got ${noise}`);
  if (!(Number.isFinite(k) && k > 0)) throw new RangeError(`${where}: k must be a finite number > 0, got ${k}`);
}

function finite(where: string, name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${where}: ${name} must be a finite number, got ${v}`);
}

/**
 * An effect the paper predicts with a sign (`expectedSign` +1: `effect` should be > 0): beyond k × noise
 * with that sign agrees, with the other sign disagrees, within it is not visible at this scale.
 */
export function effectVerdict(effect: number, noise: number, expectedSign: 1 | -1, o: NoiseOptions = {}): Verdict {
  const k = o.k ?? 2;
  const d = o.digits ?? 2;
  const u = o.unit ?? '';
  finite('effectVerdict', 'effect', effect);
  checkNoise('effectVerdict', noise, k);
  const reason = `difference ${effect.toFixed(d)}${u} vs noise ${noise.toFixed(d)}${u} (${k} × noise = ${(k * noise).toFixed(d)}${u})`;
  if (Math.abs(effect) <= k * noise) return { word: 'not visible at this scale', reason };
  return { word: Math.sign(effect) === expectedSign ? 'agrees' : 'disagrees', reason };
}

/** gapkit's `measured` against a `reference` number: within k × noise agrees, beyond it disagrees. */
export function matchVerdict(measured: number, reference: number, noise: number, o: NoiseOptions = {}): Verdict {
  const k = o.k ?? 2;
  const d = o.digits ?? 2;
  const u = o.unit ?? '';
  finite('matchVerdict', 'measured', measured);
  finite('matchVerdict', 'reference', reference);
  checkNoise('matchVerdict', noise, k);
  const diff = measured - reference;
  const reason = `gapkit ${measured.toFixed(d)}${u} vs reference ${reference.toFixed(d)}${u}: difference ${diff.toFixed(d)}${u} vs noise ${noise.toFixed(d)}${u} (${k} × noise = ${(k * noise).toFixed(d)}${u})`;
  return { word: Math.abs(diff) <= k * noise ? 'agrees' : 'disagrees', reason };
}

/** gapkit's `measured` against a reference range [lo, hi]: within it widened by k × noise agrees, outside disagrees. */
export function rangeVerdict(measured: number, lo: number, hi: number, noise: number, o: NoiseOptions = {}): Verdict {
  const k = o.k ?? 2;
  const d = o.digits ?? 2;
  const u = o.unit ?? '';
  finite('rangeVerdict', 'measured', measured);
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) throw new RangeError(`rangeVerdict: expected a range lo ≤ hi, got [${lo}, ${hi}]`);
  checkNoise('rangeVerdict', noise, k);
  const outside = measured < lo ? lo - measured : measured > hi ? measured - hi : 0;
  const reason = `gapkit ${measured.toFixed(d)}${u} vs reference range ${lo.toFixed(d)}–${hi.toFixed(d)}${u}: ${outside === 0 ? 'inside' : `${outside.toFixed(d)}${u} outside`}, noise ${noise.toFixed(d)}${u} (${k} × noise = ${(k * noise).toFixed(d)}${u})`;
  return { word: outside <= k * noise ? 'agrees' : 'disagrees', reason };
}

/**
 * A quantity that should reach `target` once a slow process has run its course (SGD + L2: the
 * effective steps of equal-αλ settings meet after ‖w‖ equilibrates, ≈ `stepsNeeded` steps), measured
 * phase by phase over a run of `stepsRun` steps: the last value within k × noise of the target agrees;
 * beyond it, a run shorter than `stepsNeeded` whose distance to the target shrinks phase after phase
 * is not visible at this scale (still on its way); anything else disagrees.
 */
export function approachVerdict(values: readonly number[], target: number, lastNoise: number, stepsRun: number, stepsNeeded: number, o: NoiseOptions = {}): Verdict {
  const k = o.k ?? 2;
  const d = o.digits ?? 2;
  if (values.length === 0) throw new RangeError('approachVerdict: no values');
  for (const v of values) finite('approachVerdict', 'value', v);
  finite('approachVerdict', 'target', target);
  checkNoise('approachVerdict', lastNoise, k);
  const dist = values.map((v) => Math.abs(v - target));
  const last = dist[dist.length - 1];
  const path = values.map((v) => v.toFixed(d)).join(' → ');
  if (last <= k * lastNoise) return { word: 'agrees', reason: `${path}: the last is ${last.toFixed(d)} from ${target}, within ${k} × noise = ${(k * lastNoise).toFixed(d)}` };
  const shrinking = dist.every((x, i) => i === 0 || x < dist[i - 1]);
  const reason = `${path}: the last is ${last.toFixed(d)} from ${target}, beyond ${k} × noise = ${(k * lastNoise).toFixed(d)}; ${shrinking ? 'the distance shrinks every phase' : 'the distance does not shrink every phase'}; the run has ${stepsRun} steps, the process needs ≈ ${stepsNeeded}`;
  return { word: shrinking && stepsRun < stepsNeeded ? 'not visible at this scale' : 'disagrees', reason };
}

/** `**agrees** (difference …)` for a report. */
export function formatVerdict(v: Verdict): string {
  return `**${v.word}** (${v.reason})`;
}
