/**
 * Random gradient streams: `stream[k][i]` is tensor i's gradient at step k+1, or null when the tensor
 * has no gradient at that step (an optimizer must then leave it and its state untouched). Magnitudes mix
 * ordinary values with exact zeros, tiny (≈1e-30, near float32's subnormals) and huge (≈1e4) entries,
 * the cases where ε placement and bias correction show.
 */
import fc from 'fast-check';

export type GradientStep = ReadonlyArray<Float32Array | null>;
export type GradientStream = readonly GradientStep[];

export interface GradientStreamOptions {
  /** Number of steps (default 1..6). */
  readonly minSteps?: number;
  readonly maxSteps?: number;
  /** Chance that a tensor has no gradient at a step (default 0.15; 0 = always present). */
  readonly absent?: number;
  /** Draw exact zeros, tiny and huge entries beside ordinary ones (default true). */
  readonly extremes?: boolean;
  /** Bound of ordinary entries (default 1). */
  readonly scale?: number;
  /**
   * Smallest magnitude of ordinary entries (default 0). Set it (e.g. 1e-3) with `extremes: false` for
   * laws that need a non-zero second moment, such as ε = 0 (a float32 g of 1e-40 squares to 0).
   */
  readonly minMagnitude?: number;
  /** Every step repeats the first step's gradients (constant-gradient laws, e.g. Adam's m̂ = g, v̂ = g²). */
  readonly constant?: boolean;
}

function entryArb(scale: number, extremes: boolean, minMagnitude: number): fc.Arbitrary<number> {
  const ordinary =
    minMagnitude > 0
      ? fc.tuple(fc.boolean(), fc.double({ min: minMagnitude, max: scale, noNaN: true })).map(([neg, m]) => (neg ? -m : m))
      : fc.double({ min: -scale, max: scale, noNaN: true });
  if (!extremes) return ordinary;
  const signed = (m: number) => fc.constantFrom(-m, m);
  return fc.oneof(
    { weight: 12, arbitrary: ordinary },
    { weight: 1, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: signed(1e-30) },
    { weight: 1, arbitrary: signed(1e4) },
  );
}

/** Streams for tensors of the given sizes. */
export function gradientStreamArb(sizes: readonly number[], options: GradientStreamOptions = {}): fc.Arbitrary<GradientStep[]> {
  const { minSteps = 1, maxSteps = 6, absent = 0.15, extremes = true, scale = 1, minMagnitude = 0, constant = false } = options;
  if (!(absent >= 0 && absent < 1)) throw new RangeError(`gradientStreamArb: absent must be in [0, 1), got ${absent}`);
  if (!(minMagnitude >= 0 && minMagnitude <= scale)) throw new RangeError(`gradientStreamArb: need 0 ≤ minMagnitude ≤ scale, got ${minMagnitude}, ${scale}`);
  const entry = entryArb(scale, extremes, minMagnitude);
  const tensor = (size: number) =>
    // An integer draw: fast-check's doubles lean to their ends, so `double() < 0.15` was true for most
    // tensors and most streams carried no gradient at all.
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.array(entry, { minLength: size, maxLength: size })).map(([u, vs]) =>
      u < absent * 10000 ? null : Float32Array.from(vs),
    );
  const step = fc.tuple(...sizes.map(tensor));
  const steps = fc.array(step, { minLength: minSteps, maxLength: maxSteps });
  return constant ? steps.map((ks) => ks.map(() => ks[0])) : steps;
}
