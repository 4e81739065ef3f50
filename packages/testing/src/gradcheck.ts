/**
 * Gradient check: our backward against central finite differences. The function is evaluated in
 * float32 (as the engine computes), the projection L = Σ outᵢ·rᵢ (fixed random rᵢ) in float64, and
 * the difference quotient uses the float32 values actually reached, (L(x₊) − L(x₋))/(x₊ − x₋).
 */
import { noGrad, Rng, Tensor } from '@gapkit/autodiff';

export interface GradcheckOptions {
  /** Relative step: h = eps·max(1, |x|) (default 1e-2, suited to float32 round-off). */
  eps?: number;
  /** Relative tolerance on each gradient element (default 1e-2). */
  rtol?: number;
  /** Absolute tolerance on each gradient element (default 1e-3). */
  atol?: number;
  /** Seed of the projection weights r (default 7). */
  seed?: number;
}

export interface GradcheckReport {
  /** Number of gradient elements compared. */
  checked: number;
  /** Largest |analytic − numeric| / (atol + rtol·|numeric|); ≤ 1 means pass. */
  worstRatio: number;
}

/**
 * Checks d(Σ fn(...inputs)·r)/d(input) for every element of every input. Inputs are copied into fresh
 * leaves that require gradients; `fn` must be deterministic. Throws with the input, index and both
 * values of the worst element when any element is out of tolerance.
 */
export function gradcheck(fn: (...xs: Tensor[]) => Tensor, inputs: readonly Tensor[], options: GradcheckOptions = {}): GradcheckReport {
  const { eps = 1e-2, rtol = 1e-2, atol = 1e-3, seed = 7 } = options;
  const leaves = inputs.map((t) => new Tensor(t.data.slice(), t.shape, true));
  const out = fn(...leaves);
  const rng = new Rng(seed);
  const r = new Float32Array(out.size);
  for (let i = 0; i < r.length; i++) r[i] = out.size === 1 ? 1 : 2 * rng.uniform() - 1;
  out.backward(new Tensor(r, out.shape));
  const project = (): number =>
    noGrad(() => {
      const y = fn(...leaves).data;
      let s = 0;
      for (let i = 0; i < y.length; i++) s += y[i] * r[i];
      return s;
    });
  let checked = 0;
  let worstRatio = 0;
  let worstMsg = '';
  leaves.forEach((leaf, k) => {
    const analytic = leaf.grad?.data ?? new Float32Array(leaf.size);
    const x = leaf.data;
    for (let j = 0; j < x.length; j++) {
      const v = x[j];
      const h = eps * Math.max(1, Math.abs(v));
      x[j] = v + h;
      const xp = x[j];
      const lp = project();
      x[j] = v - h;
      const xm = x[j];
      const lm = project();
      x[j] = v;
      const numeric = (lp - lm) / (xp - xm);
      const ratio = Math.abs(analytic[j] - numeric) / (atol + rtol * Math.abs(numeric));
      checked++;
      if (!(ratio <= worstRatio)) {
        worstRatio = ratio;
        worstMsg = `input ${k} ${JSON.stringify(leaf.shape)} element ${j} (x = ${v}): analytic ${analytic[j]}, numeric ${numeric}`;
      }
    }
  });
  if (!(worstRatio <= 1)) {
    throw new Error(`gradcheck: gradient mismatch (${worstRatio.toPrecision(3)}× the tolerance rtol ${rtol}, atol ${atol}) at ${worstMsg}`);
  }
  return { checked, worstRatio };
}
