/**
 * The common case of the base class: each tensor with a gradient gets its own `update`, group by group.
 */
import type { Parameter } from '@gapkit/autodiff';
import { type GroupStep, Optimizer, type Resolved, type StateRecord } from './optimizer.js';

export abstract class TensorwiseOptimizer<O extends object, S extends StateRecord> extends Optimizer<O, S> {
  protected applyStep(groups: readonly GroupStep<O, S>[]): void {
    for (const { h, live } of groups) for (const { p, g, s } of live) this.update(p, g, s, h);
  }

  /** Applies one step to `p.data` given its gradient `g` (never modified) and its state (t already advanced). */
  protected abstract update(p: Parameter, g: Float32Array, s: S, h: Resolved<O>): void;
}
