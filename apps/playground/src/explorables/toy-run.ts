/**
 * Runs a registry optimizer on a toy problem small enough to finish within a frame: one named
 * parameter, a gradient function, a fixed number of steps; returns every iterate and the optimizer's
 * own per-step diagnostics (effective step, weight norm, √v̄, LAWN's phase, …).
 */
import { type ParamInit, Parameter, Tensor } from '@gapkit/autodiff';
import type { AnyOptimizer, StepDiagnostics } from '@gapkit/optimizers';

export interface ToyRun {
  /** `path[0]` is the start; `path[t]` the weights after step t. */
  readonly path: Float32Array[];
  readonly diagnostics: StepDiagnostics[];
}

export function toyRun(
  create: (params: Parameter[]) => AnyOptimizer,
  start: readonly number[],
  shape: readonly number[],
  gradient: (w: Float32Array, step: number) => Float32Array,
  steps: number,
  init: Partial<ParamInit> = {},
): ToyRun {
  const p = new Parameter(Float32Array.from(start), [...shape], { role: 'weight', name: 'w', ...init });
  const opt = create([p]).trackDiagnostics(true);
  const path = [Float32Array.from(p.data)];
  const diagnostics: StepDiagnostics[] = [];
  for (let t = 0; t < steps; t++) {
    const g = gradient(p.data, t);
    for (const v of g) if (!Number.isFinite(v)) throw new Error(`toy run: the gradient at step ${t} is not finite (${Array.from(g).join(', ')})`);
    p.grad = new Tensor(g, [...shape]);
    opt.step();
    path.push(Float32Array.from(p.data));
    const d = opt.diagnostics();
    if (d) diagnostics.push(d);
  }
  return { path, diagnostics };
}
