/** One tolerance rule for every numeric comparison in gapkit's tests. */
import { Tensor } from '@gapkit/autodiff';

export interface Tolerance {
  /** Relative tolerance (default 1e-5). */
  rtol?: number;
  /** Absolute tolerance (default 1e-6). */
  atol?: number;
  /** What is being compared, for the error message. */
  what?: string;
}

type Numbers = Tensor | Float32Array | Float64Array | readonly number[] | number;

function toArray(x: Numbers): ArrayLike<number> {
  if (typeof x === 'number') return [x];
  if (x instanceof Tensor) return x.data;
  return x;
}

/**
 * Throws unless every element satisfies |actual − expected| ≤ atol + rtol·|expected| (the conformance
 * rule) and the lengths match. NaN never passes. The message names the worst element.
 */
export function expectClose(actual: Numbers, expected: Numbers, tol: Tolerance = {}): void {
  const { rtol = 1e-5, atol = 1e-6, what = 'values' } = tol;
  const a = toArray(actual);
  const e = toArray(expected);
  if (a.length !== e.length) throw new Error(`expectClose(${what}): got ${a.length} values, expected ${e.length}`);
  let bad = 0;
  let worst = -1;
  let worstRatio = 0;
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - e[i]);
    const ratio = err / (atol + rtol * Math.abs(e[i]));
    if (!(ratio <= 1)) {
      bad++;
      if (worst < 0 || !(ratio <= worstRatio)) {
        worst = i;
        worstRatio = ratio;
      }
    }
  }
  if (bad > 0) {
    throw new Error(
      `expectClose(${what}): ${bad} of ${a.length} elements out of tolerance (rtol ${rtol}, atol ${atol}); ` +
        `worst at [${worst}]: got ${a[worst]}, expected ${e[worst]} (${worstRatio.toPrecision(3)}× the allowed error)`,
    );
  }
}
