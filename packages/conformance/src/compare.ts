/**
 * Worst error as a fraction of the tolerance: max over elements of
 * |actual − expected| / (atol + rtol·|expected|). A case passes iff every fraction is ≤ 1.
 */
import type { Tolerance } from './schema/case.js';

/** Worst |a − e| / (atol + rtol·|e|) over the elements (NaN or a length mismatch count as Infinity). */
export function worstFraction(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: Tolerance): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const bar = tol.atol + tol.rtol * Math.abs(expected[i]);
    const err = Math.abs(actual[i] - expected[i]);
    const f = Number.isNaN(err) ? Number.POSITIVE_INFINITY : bar > 0 ? err / bar : err === 0 ? 0 : Number.POSITIVE_INFINITY;
    if (f > worst) worst = f;
  }
  return worst;
}

/** Running per-field maximum, remembering where it happened. */
export class FieldErrors {
  readonly worst = new Map<string, { fraction: number; where: string }>();

  /** Records `fraction` for `field` at `where` (e.g. `step 3, fc.weight`). */
  add(field: string, fraction: number, where: string): void {
    const prev = this.worst.get(field);
    if (!prev || fraction > prev.fraction || (Number.isNaN(fraction) && !Number.isNaN(prev.fraction))) {
      this.worst.set(field, { fraction, where });
    }
  }

  /** The largest fraction over all fields (0 when nothing was compared). */
  overall(): { field: string; fraction: number; where: string } {
    let best = { field: '-', fraction: 0, where: '' };
    for (const [field, v] of this.worst) if (v.fraction > best.fraction) best = { field, ...v };
    return best;
  }
}
