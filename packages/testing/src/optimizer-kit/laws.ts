/**
 * Laws an optimizer must obey, as fast-check properties over random parameter sets, gradient streams and
 * hyperparameters:
 * - `assertReducesTo`: two optimizers agree step by step (e.g. Padam at p = 0 ≡ SGD with momentum);
 * - `assertInvariantAfterEveryStep`: a predicate holds after every step (e.g. ND-Adam's unit norms);
 * - `assertScalesLike`: a distance shrinks like knobᵒʳᵈᵉʳ as the knob goes to 0 (a limit, not only its
 *   end point).
 * A failure throws with the shrunk counterexample as a runnable snippet (see `snippet.ts`) and the seed
 * to replay it with fast-check.
 */
import { type Parameter, Tensor } from '@gapkit/autodiff';
import fc from 'fast-check';
import { propertyRuns } from '../arbitraries.js';
import type { Tolerance } from '../expect-close.js';
import { type GradientStep, type GradientStreamOptions, gradientStreamArb } from './gradient-stream.js';
import { type ParamSetOptions, type ParamSpec, paramSetArb } from './param-set.js';
import { counterexampleSnippet, type Mismatch } from './snippet.js';
import { type OptimizerFactory, type Trajectory, trajectory } from './trajectory.js';

/** An optimizer under test: how to build it, and the same as source text for the snippet. */
export interface Subject {
  readonly make: OptimizerFactory;
  /** The construction as code, with `params` as the argument, e.g. `new Sgd(params, { lr: 0.1 })`. */
  readonly code: string;
}

export interface LawRunOptions<H> {
  /** Random hyperparameters handed to `subject` (default: none). */
  readonly hyper?: fc.Arbitrary<H>;
  readonly params?: ParamSetOptions;
  readonly stream?: GradientStreamOptions;
  /** fast-check runs (default 25; fast-check's global `numRuns`, e.g. from `pnpm test:props`, when larger). */
  readonly numRuns?: number;
}

export interface Case<H> {
  readonly h: H;
  readonly specs: ParamSpec[];
  readonly stream: GradientStep[];
}

function caseArb<H>(o: LawRunOptions<H>): fc.Arbitrary<Case<H>> {
  const hyper = o.hyper ?? (fc.constant(undefined) as fc.Arbitrary<H>);
  return fc.record({ h: hyper, specs: paramSetArb(o.params) }).chain(({ h, specs }) =>
    gradientStreamArb(
      specs.map((s) => s.values.length),
      o.stream,
    ).map((stream) => ({ h, specs, stream })),
  );
}

/** Thrown by a law with the replayable snippet in its message. */
export class LawViolation extends Error {
  override readonly name = 'LawViolation';
}

/** Runs `law` over random cases; a failure throws once, with the shrunk case's snippet and the seed. */
export function runLaw<H>(o: LawRunOptions<H>, law: (c: Case<H>) => { mismatch: Mismatch; calls: string[] } | null, title: string): void {
  const details = fc.check(
    fc.property(caseArb(o), (c) => law(c) === null),
    { numRuns: propertyRuns(o.numRuns ?? 25) },
  );
  if (!details.failed) return;
  const shrunk = details.counterexample?.[0];
  const bad = shrunk ? law(shrunk) : null;
  // No mismatch on the shrunk case means the law itself threw: report that error as it is.
  if (!shrunk || !bad) throw details.errorInstance ?? new LawViolation(`${title}: failed (fast-check seed ${details.seed})`);
  const hyper = shrunk.h === undefined ? '' : `hyperparameters: ${JSON.stringify(shrunk.h)}\n`;
  throw new LawViolation(
    `${title} fails after ${details.numShrinks} shrinks (fast-check seed ${details.seed}, path "${details.counterexamplePath}").\n${hyper}` +
      `Replay:\n${counterexampleSnippet({ specs: shrunk.specs, stream: shrunk.stream, calls: bad.calls, mismatch: bad.mismatch })}`,
  );
}

/**
 * The first element where two trajectories differ beyond tolerance (|a − b| ≤ atol + rtol·|b|, the
 * `expectClose` rule; NaN never passes; default rtol 1e-5, atol 1e-6), or null.
 */
export function firstDifference(a: Trajectory, b: Trajectory, tol: Tolerance = {}): Mismatch | null {
  const { rtol = 1e-5, atol = 1e-6 } = tol;
  for (let k = 0; k < a.after.length; k++) {
    for (const [name, x] of a.after[k]) {
      const y = b.after[k].get(name);
      if (!y) return { step: k + 1, tensor: name, index: -1, detail: 'missing from the reference' };
      for (let i = 0; i < x.length; i++) {
        if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) {
          return { step: k + 1, tensor: name, index: i, detail: `subject ${x[i]}, reference ${y[i]} (rtol ${rtol}, atol ${atol})` };
        }
      }
    }
  }
  return null;
}

/** Largest |a − b| over every step and element of two trajectories (NaN if either has a NaN). */
export function trajectoryDistance(a: Trajectory, b: Trajectory): number {
  let worst = 0;
  a.after.forEach((snap, k) => {
    for (const [name, x] of snap) {
      const y = b.after[k].get(name);
      if (!y) throw new RangeError(`trajectoryDistance: '${name}' is missing from the second trajectory`);
      for (let i = 0; i < x.length; i++) {
        const d = Math.abs(x[i] - y[i]);
        worst = Number.isNaN(d) ? Number.NaN : Math.max(worst, d);
      }
    }
  });
  return worst;
}

const callLines = (subject: Subject, reference: Subject): string[] => [
  `const a = trajectory((params) => ${subject.code}, specs, stream);`,
  `const b = trajectory((params) => ${reference.code}, specs, stream);`,
];

/** `subject(h)` and `reference(h)` give the same parameters after every step, for random cases. */
export function assertReducesTo<H = undefined>(
  spec: LawRunOptions<H> & { subject: (h: H) => Subject; reference: (h: H) => Subject; tolerance?: Tolerance },
): void {
  runLaw(
    spec,
    (c) => {
      const s = spec.subject(c.h);
      const r = spec.reference(c.h);
      const mismatch = firstDifference(trajectory(s.make, c.specs, c.stream), trajectory(r.make, c.specs, c.stream), spec.tolerance);
      return mismatch ? { mismatch, calls: callLines(s, r) } : null;
    },
    'reducesTo',
  );
}

/**
 * `check(params, step)` holds after every step: it returns null, or a violation `{ tensor, index, detail }`.
 */
export function assertInvariantAfterEveryStep<H = undefined>(
  spec: LawRunOptions<H> & {
    subject: (h: H) => Subject;
    check: (t: Trajectory, step: number, h: H) => Omit<Mismatch, 'step'> | null;
  },
): void {
  runLaw(
    spec,
    (c) => {
      const s = spec.subject(c.h);
      const t = trajectory(s.make, c.specs, c.stream);
      for (let k = 0; k < t.after.length; k++) {
        const v = spec.check(t, k, c.h);
        if (v) return { mismatch: { step: k + 1, ...v }, calls: [`const a = trajectory((params) => ${s.code}, specs, stream);`] };
      }
      return null;
    },
    'invariantAfterEveryStep',
  );
}

/**
 * A limit: `distance(knob)` (e.g. between Padam(p) and Padam(0) trajectories) shrinks like knob^order.
 * For each consecutive pair of knob values the ratio of distances must lie within `slack` of the
 * predicted (k₂/k₁)^order (as a factor, default 1.25), ignoring pairs where both distances are below
 * `floor` (float32 noise). Returns the measured ratios, for the test to report.
 */
export function assertScalesLike(spec: {
  readonly knobs: readonly number[];
  readonly order: number;
  readonly distance: (knob: number) => number;
  readonly slack?: number;
  readonly floor?: number;
  readonly what?: string;
}): number[] {
  const { knobs, order, distance, slack = 1.25, floor = 0, what = 'distance' } = spec;
  if (knobs.length < 2) throw new RangeError('assertScalesLike: needs at least two knob values');
  const ds = knobs.map(distance);
  const ratios: number[] = [];
  for (let i = 1; i < knobs.length; i++) {
    if (ds[i - 1] <= floor && ds[i] <= floor) continue;
    const predicted = (knobs[i] / knobs[i - 1]) ** order;
    const ratio = ds[i] / ds[i - 1];
    ratios.push(ratio);
    if (!(ratio <= predicted * slack && ratio >= predicted / slack)) {
      throw new LawViolation(
        `scalesLike: ${what} at knob ${knobs[i - 1]} → ${knobs[i]} went ${ds[i - 1]} → ${ds[i]} (ratio ${ratio.toPrecision(4)}), ` +
          `expected ≈ ${predicted.toPrecision(4)} (order ${order}, slack ×${slack}); all distances: ${ds.join(', ')}`,
      );
    }
  }
  return ratios;
}

/**
 * The same optimizer fed transformed gradients: before each step every present gradient g of tensor p
 * becomes `transform(g, p)` (e.g. `c·g` for a scale-invariance law, `g + λ·w` for a decay-invariance
 * law). `what` describes the transform in the snippet.
 */
export function transformGradients(subject: Subject, transform: (g: Float32Array, p: Parameter) => Float32Array, what: string): Subject {
  return {
    make: (params) => {
      const opt = subject.make(params);
      return {
        step: () => {
          for (const p of params) if (p.grad) p.grad = new Tensor(transform(p.grad.data, p), p.shape);
          return opt.step();
        },
      };
    },
    code: `${subject.code} /* gradients: ${what} */`,
  };
}
