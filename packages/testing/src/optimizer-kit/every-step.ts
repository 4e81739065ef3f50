/**
 * The most general law: a check that sees the optimizer itself (its state, its phase), the values
 * before the step, the gradients of the step and the values after it — for laws about internal state
 * (AMSGrad's running max is non-decreasing, ND-Adam's v is one scalar per unit) or about one step's
 * arithmetic (Adam's first step is −η·g/(|g| + ε)). A failure prints the shrunk case as a snippet.
 */
import type { Parameter } from '@gapkit/autodiff';
import type { GradientStep } from './gradient-stream.js';
import { type LawRunOptions, runLaw } from './laws.js';
import { buildParams, type ParamSpec } from './param-set.js';
import type { Mismatch } from './snippet.js';
import { type Snapshot, type Steppable, setGradients, snapshot } from './trajectory.js';

/** An optimizer under test whose type the check may read (e.g. `stateOf`). */
export interface TypedSubject<T extends Steppable> {
  readonly make: (params: Parameter[]) => T;
  readonly code: string;
}

/** What a check sees at one step. */
export interface StepView<T, H> {
  readonly opt: T;
  readonly h: H;
  readonly specs: readonly ParamSpec[];
  /** `params`: the live parameters (values after the step); `before`: the values before it (after construction for step 1). */
  readonly params: readonly Parameter[];
  readonly before: Snapshot;
  readonly grads: GradientStep;
  readonly step: number; // 1-based
}

/** `check` holds at every step of random cases: it returns null, or a violation `{ tensor, index, detail }`. */
export function assertEveryStep<T extends Steppable, H = undefined>(
  spec: LawRunOptions<H> & {
    subject: (h: H) => TypedSubject<T>;
    check: (view: StepView<T, H>) => Omit<Mismatch, 'step'> | null;
  },
): void {
  runLaw(
    spec,
    (c) => {
      const s = spec.subject(c.h);
      const params = buildParams(c.specs);
      const opt = s.make(params);
      for (let k = 0; k < c.stream.length; k++) {
        const before = snapshot(params);
        setGradients(params, c.stream[k]);
        opt.step();
        const v = spec.check({ opt, h: c.h, specs: c.specs, params, before, grads: c.stream[k], step: k + 1 });
        if (v) return { mismatch: { step: k + 1, ...v }, calls: [`const a = trajectory((params) => ${s.code}, specs, stream);`] };
      }
      return null;
    },
    'everyStep',
  );
}
