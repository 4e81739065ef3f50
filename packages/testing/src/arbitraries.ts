/** fast-check arbitraries for tensors: shapes, broadcast-compatible pairs and bounded float32 values. */
import { Tensor } from '@gapkit/autodiff';
import fc from 'fast-check';

/**
 * Runs per property test: 20 (keeps each package's test time bounded), or more when fast-check's global
 * `numRuns` is set higher — `pnpm test:props --runs N` does that (through FC_NUM_RUNS in vitest.setup.ts)
 * to explore longer.
 */
export const PROPERTY_RUNS = propertyRuns(20);

/** `pinned`, or fast-check's global `numRuns` when that is larger. */
export function propertyRuns(pinned: number): number {
  return Math.max(pinned, fc.readConfigureGlobal().numRuns ?? 0);
}

export interface ShapeArbOptions {
  minRank?: number;
  maxRank?: number;
  minDim?: number;
  maxDim?: number;
}

/** Shapes with rank in [minRank, maxRank] (default 0..3) and each size in [minDim, maxDim] (default 1..4). */
export function shapeArb(options: ShapeArbOptions = {}): fc.Arbitrary<number[]> {
  const { minRank = 0, maxRank = 3, minDim = 1, maxDim = 4 } = options;
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength: minRank, maxLength: maxRank });
}

/**
 * Pairs of shapes that broadcast (NumPy rules) to a common shape: each operand takes the common
 * shape, sets some axes to 1 and may drop some leading axes.
 */
export function broadcastPairArb(options: { maxRank?: number; maxDim?: number } = {}): fc.Arbitrary<[number[], number[]]> {
  const { maxRank = 3, maxDim = 3 } = options;
  const operand = (out: number[]): fc.Arbitrary<number[]> =>
    fc
      .tuple(fc.array(fc.boolean(), { minLength: out.length, maxLength: out.length }), fc.integer({ min: 0, max: out.length }))
      .map(([ones, drop]) => out.map((d, i) => (ones[i] ? 1 : d)).slice(drop));
  return shapeArb({ minRank: 0, maxRank, minDim: 1, maxDim }).chain((out) => fc.tuple(operand(out), operand(out)));
}

export interface ValuesArbOptions {
  /** Lower bound (default −2). */
  min?: number;
  /** Upper bound (default 2). */
  max?: number;
  /** Points to stay away from (kinks such as 0 for relu/abs), by at least `margin`. */
  avoid?: readonly number[];
  /** Distance kept from each `avoid` point (default 0.1). */
  margin?: number;
}

/** `size` float32 values in [min, max], pushed at least `margin` away from each `avoid` point. */
export function valuesArb(size: number, options: ValuesArbOptions = {}): fc.Arbitrary<Float32Array> {
  const { min = -2, max = 2, avoid = [], margin = 0.1 } = options;
  return fc.array(fc.double({ min, max, noNaN: true }), { minLength: size, maxLength: size }).map((vs) =>
    Float32Array.from(vs, (v) => {
      for (const p of avoid) if (Math.abs(v - p) < margin) v = v < p ? p - margin : p + margin;
      return v;
    }),
  );
}

/** A tensor of `shape` with values from `valuesArb`. */
export function tensorArb(shape: readonly number[], options: ValuesArbOptions = {}): fc.Arbitrary<Tensor> {
  const size = shape.reduce((p, d) => p * d, 1);
  return valuesArb(size, options).map((v) => new Tensor(v, shape));
}

/**
 * `size` distinct multiples of `spacing` in [−size·spacing, size·spacing], in random order: inputs for
 * max-like ops, whose gradient jumps where two values tie. Gradcheck them with a step below spacing/2
 * (e.g. eps 5e-3 while size·spacing ≤ 5).
 */
export function distinctValuesArb(size: number, spacing = 0.1): fc.Arbitrary<Float32Array> {
  return fc
    .uniqueArray(fc.integer({ min: -size, max: size }), { minLength: size, maxLength: size })
    .map((ks) => Float32Array.from(ks, (k) => k * spacing));
}
