/** Small helpers for the optimizer tests: named parameters, gradients, trajectories. */
import { Parameter, type ParamInit, Tensor } from '@gapkit/autodiff';

/** A named parameter from values (shape defaults to a vector). */
export function param(name: string, values: ArrayLike<number>, shape?: number[], init: Partial<ParamInit> = {}): Parameter {
  const data = Float32Array.from(values);
  return new Parameter(data, shape ?? [data.length], { role: 'weight', name, ...init });
}

/** Sets each parameter's gradient (null = no gradient). */
export function setGrads(params: readonly Parameter[], grads: ReadonlyArray<ArrayLike<number> | null>): void {
  params.forEach((p, i) => {
    const g = grads[i];
    p.grad = g === null ? null : new Tensor(Float32Array.from(g), p.shape);
  });
}

/** Copies of every parameter's values. */
export function snapshot(params: readonly Parameter[]): Float32Array[] {
  return params.map((p) => p.data.slice());
}

/** Deep copies of parameters (same names, shapes, metadata). */
export function cloneParams(params: readonly Parameter[]): Parameter[] {
  return params.map(
    (p) => new Parameter(p.data.slice(), [...p.shape], { role: p.meta.role, name: p.meta.name, layer: p.meta.layer, unitAxes: p.meta.unitAxes, tags: p.meta.tags }),
  );
}

/** Runs `steps` steps with gradients from `gradAt(step, paramIndex)`; returns the parameters after each step. */
export function trajectory(
  opt: { step(): unknown },
  params: readonly Parameter[],
  steps: number,
  gradAt: (k: number, i: number) => ArrayLike<number> | null,
): Float32Array[][] {
  const out: Float32Array[][] = [];
  for (let k = 0; k < steps; k++) {
    setGrads(
      params,
      params.map((_, i) => gradAt(k, i)),
    );
    opt.step();
    out.push(snapshot(params));
  }
  return out;
}

/** Max |a − b| over two lists of arrays. */
export function maxAbsDiff(a: readonly ArrayLike<number>[], b: readonly ArrayLike<number>[]): number {
  let m = 0;
  a.forEach((x, i) => {
    for (let j = 0; j < x.length; j++) m = Math.max(m, Math.abs(x[j] - b[i][j]));
  });
  return m;
}

/** A deterministic pseudo-random gradient sequence (sin-based, so tests need no Rng). */
export function wave(k: number, i: number, n: number, scale = 1): number[] {
  return Array.from({ length: n }, (_, j) => scale * Math.sin(1.3 * k + 0.7 * j + 2.1 * i + 0.4));
}

/** Hex of a Float32Array's bytes (NaN payloads and −0 included). */
function bytesOf(a: Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

/**
 * Everything an optimizer step may change, byte for byte: the weights, every state buffer and counter,
 * the step and skip counters, the group options and the optimizer's extras.
 */
export function fingerprint(opt: { stateDict(): { state: Record<string, Record<string, unknown>> } }, params: readonly Parameter[]): string {
  const sd = opt.stateDict();
  const state = Object.fromEntries(
    Object.entries(sd.state).map(([n, rec]) => [n, Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v instanceof Float32Array ? bytesOf(v) : v]))]),
  );
  return JSON.stringify({ ...sd, state, weights: params.map((p) => bytesOf(p.data)) });
}
