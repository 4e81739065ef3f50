/**
 * Running an optimizer over a gradient stream: the parameters after every step. Works with any object
 * that has `step()` and reads `.grad` from the Parameters it was built over (every gapkit optimizer, and
 * a user's own).
 */
import { type Parameter, Tensor } from '@gapkit/autodiff';
import type { GradientStream } from './gradient-stream.js';
import { buildParams, type ParamSpec } from './param-set.js';

/** What the kit needs of an optimizer. */
export interface Steppable {
  step(): unknown;
}

/** Builds an optimizer over fresh parameters (called once per trajectory). */
export type OptimizerFactory = (params: Parameter[]) => Steppable;

/** One step's parameter values, by tensor name. */
export type Snapshot = ReadonlyMap<string, Float32Array>;

export interface Trajectory {
  readonly params: Parameter[];
  /** `after[k]`: values after step k+1. */
  readonly after: Snapshot[];
}

/** Copies of every parameter's values, by name. */
export function snapshot(params: readonly Parameter[]): Snapshot {
  return new Map(params.map((p) => [p.meta.name, p.data.slice()]));
}

/** Sets each parameter's gradient for one step (null = no gradient). */
export function setGradients(params: readonly Parameter[], grads: ReadonlyArray<Float32Array | null>): void {
  if (grads.length !== params.length) throw new RangeError(`setGradients: ${grads.length} gradients for ${params.length} parameters`);
  params.forEach((p, i) => {
    const g = grads[i];
    if (g !== null && g.length !== p.size) throw new RangeError(`setGradients: gradient ${i} has ${g.length} values, '${p.meta.name}' has ${p.size}`);
    p.grad = g === null ? null : new Tensor(g.slice(), p.shape);
  });
}

/** Builds fresh parameters from `specs`, an optimizer over them, and runs every step of `stream`. */
export function trajectory(make: OptimizerFactory, specs: readonly ParamSpec[], stream: GradientStream): Trajectory {
  const params = buildParams(specs);
  const opt = make(params);
  const after: Snapshot[] = [];
  for (const grads of stream) {
    setGradients(params, grads);
    opt.step();
    after.push(snapshot(params));
  }
  return { params, after };
}
