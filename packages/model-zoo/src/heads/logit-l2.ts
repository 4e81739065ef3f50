/**
 * L2 penalty on the logits (ND-Adam: Zhang et al., arXiv:1709.04546, §4, Eq. 21; docs/papers/nd-adam.md#regularized-softmax): L_C = λ_C · (1/B) Σ_b ½ Σ_c z_{b,c}²,
 * the batch mean as in the authors' PyTorch code (`logitDecay` 1e-3). Add it to the cross-entropy:
 * `add(crossEntropy(z, y, …), logitL2Penalty(z))`. It acts on the loss, so it works with any
 * classifier and any optimizer. d/dz_{b,c} = λ_C · z_{b,c} / B.
 */
import { mul, square, sum, type Tensor } from '@gapkit/autodiff';

/** λ_C of the paper. */
export const LOGIT_L2_DEFAULT = 1e-3;

/**
 * λ_C · mean over the batch of ½ Σ_c z², a scalar tensor (shape []).
 * @param logits `[B, C]`, B ≥ 1.
 * @param lambdaC λ_C ≥ 0 (default 1e-3).
 */
export function logitL2Penalty(logits: Tensor, lambdaC = LOGIT_L2_DEFAULT): Tensor {
  if (logits.rank !== 2 || logits.shape[0] < 1) {
    throw new RangeError(`logitL2Penalty: logits must be [B, C] with B ≥ 1, got [${logits.shape.join(', ')}]`);
  }
  if (!(Number.isFinite(lambdaC) && lambdaC >= 0)) {
    throw new RangeError(`logitL2Penalty: lambdaC (λ_C) must be a finite number ≥ 0, got ${lambdaC}`);
  }
  return mul(sum(square(logits)), lambdaC / (2 * logits.shape[0]));
}
