/**
 * Random parameter sets for optimizer properties: linear weights `[out, in]` (rows are ND-Adam unit
 * vectors), conv kernels `[out, in, kh, kw]`, biases and norm scales (vectors), several at once. A spec
 * is plain data (so a counterexample prints as a snippet); `buildParams` turns it into Parameters.
 */
import { Parameter, type ParamRole } from '@gapkit/autodiff';
import fc from 'fast-check';

export type ParamKind = 'linear' | 'conv' | 'vector';

/** One tensor of a parameter set, as plain data. */
export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly role: ParamRole;
  /** ND-Adam's unit axes (every axis but the first) for linear and conv weights. */
  readonly unitAxes?: readonly number[];
  readonly values: Float32Array;
}

export interface ParamSetOptions {
  /** Which kinds of tensor to draw (default all three). */
  readonly kinds?: readonly ParamKind[];
  /** How many tensors (default 1..3). */
  readonly minTensors?: number;
  readonly maxTensors?: number;
  /** Largest dimension (default 4; conv kernels stay at most 3×3). */
  readonly maxDim?: number;
  /**
   * Smallest dimension (default 1). 2 keeps every unit vector at least 2 long: a unit of length 1 has
   * no tangent direction, so its projected gradient is 0 (a 0/0 at ε = 0).
   */
  readonly minDim?: number;
  /** Initial values are drawn from [−scale, scale] and kept at least `scale`/100 away from 0 (default 1). */
  readonly scale?: number;
}

function shapeArb(kind: ParamKind, minDim: number, maxDim: number): fc.Arbitrary<number[]> {
  const d = fc.integer({ min: minDim, max: maxDim });
  const k = fc.integer({ min: minDim, max: Math.max(minDim, Math.min(3, maxDim)) });
  if (kind === 'linear') return fc.tuple(d, d);
  if (kind === 'conv') return fc.tuple(d, d, k, k);
  return fc.tuple(d);
}

function valuesArb(size: number, scale: number): fc.Arbitrary<Float32Array> {
  const floor = scale / 100;
  return fc
    .array(fc.double({ min: -scale, max: scale, noNaN: true }), { minLength: size, maxLength: size })
    .map((vs) => Float32Array.from(vs, (v) => (Math.abs(v) < floor ? (v < 0 ? -floor : floor) : v)));
}

function specArb(kind: ParamKind, index: number, minDim: number, maxDim: number, scale: number): fc.Arbitrary<ParamSpec> {
  return shapeArb(kind, minDim, maxDim).chain((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const isWeight = kind !== 'vector';
    return fc.tuple(valuesArb(size, scale), fc.constantFrom<ParamRole>('bias', 'norm-scale')).map(([values, vectorRole]) => ({
      name: `${kind}${index}.${isWeight ? 'weight' : vectorRole === 'bias' ? 'bias' : 'scale'}`,
      shape,
      role: isWeight ? 'weight' : vectorRole,
      ...(isWeight ? { unitAxes: shape.slice(1).map((_, i) => i + 1) } : {}),
      values,
    }));
  });
}

/** A random list of named tensors (names are unique: kind + position). */
export function paramSetArb(options: ParamSetOptions = {}): fc.Arbitrary<ParamSpec[]> {
  const { kinds = ['linear', 'conv', 'vector'], minTensors = 1, maxTensors = 3, minDim = 1, maxDim = 4, scale = 1 } = options;
  if (!(Number.isInteger(minDim) && minDim >= 1 && maxDim >= minDim)) throw new RangeError(`paramSetArb: need integers 1 ≤ minDim ≤ maxDim, got ${minDim}, ${maxDim}`);
  if (kinds.length === 0) throw new RangeError('paramSetArb: kinds must name at least one of linear, conv, vector');
  if (!(minTensors >= 1 && maxTensors >= minTensors)) throw new RangeError(`paramSetArb: need 1 ≤ minTensors ≤ maxTensors, got ${minTensors}, ${maxTensors}`);
  return fc
    .array(fc.constantFrom(...kinds), { minLength: minTensors, maxLength: maxTensors })
    .chain((ks) => fc.tuple(...ks.map((k, i) => specArb(k, i, minDim, maxDim, scale))));
}

/** Fresh Parameters from specs (values copied, so a spec can be built again for a second optimizer). */
export function buildParams(specs: readonly ParamSpec[]): Parameter[] {
  return specs.map(
    (s) => new Parameter(s.values.slice(), [...s.shape], { name: s.name, role: s.role, ...(s.unitAxes ? { unitAxes: s.unitAxes } : {}) }),
  );
}
