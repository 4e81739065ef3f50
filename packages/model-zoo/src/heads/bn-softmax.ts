/**
 * BN-softmax (ND-Adam: Zhang et al., arXiv:1709.04546, §4; docs/papers/nd-adam.md#regularized-softmax): batch-normalize the logits per class with **one fixed,
 * shared scale γ_C** (a constant, not trained) and a trainable shift β_c, before the softmax:
 * z̃_c = γ_C·(z_c − μ_c)/√(σ_c² + ε_BN) + β_c, with batch statistics in training and running
 * statistics in evaluation (ε_BN = 0.001, running-average decay 0.9 = momentum 0.1 in PyTorch's
 * convention, as the authors' TF code `_batch_norm`). γ_C = 2.5 for CIFAR-10 and 1 for CIFAR-100 (paper §5.2).
 *
 * It bounds the logits' scale, so it works with any classifier: wrap one with {@link withBnSoftmax}.
 * Note: the running variance uses the unbiased batch variance (PyTorch's convention); the authors' TF code averages
 * the biased one — a difference of a factor M/(M−1) at evaluation only.
 *
 * Metadata: one parameter, `head.bn.bias` (role `norm-shift`, shape [C]); no scale parameter exists.
 * The wrapped classifier keeps its own tags (its last layer is still `classifier`).
 */
import { BatchNorm1d, Module, type Tensor } from '@gapkit/autodiff';
import { finalizeNames } from '../metadata.js';
import type { Classifier } from '../types.js';
import { positiveInt, positiveNumber } from '../validate.js';

/** γ_C of the paper per dataset. */
export const BN_SOFTMAX_GAMMA = { cifar10: 2.5, cifar100: 1 } as const;

/** BN-softmax options. */
export interface BnSoftmaxOptions {
  /** Number of logits C. */
  readonly numClasses: number;
  /** The fixed shared scale γ_C (2.5 for CIFAR-10, 1 for CIFAR-100: {@link BN_SOFTMAX_GAMMA}). */
  readonly gammaC: number;
  /** ε_BN (default 0.001). */
  readonly eps?: number;
  /** Running-statistics rate (default 0.1, i.e. decay 0.9). */
  readonly momentum?: number;
}

/** The head alone: logits [N, C] → normalized logits [N, C]. */
export class BnSoftmax extends Module {
  readonly bn: BatchNorm1d;

  constructor(opts: BnSoftmaxOptions) {
    super();
    positiveInt('BnSoftmax', 'numClasses', opts.numClasses);
    positiveNumber('BnSoftmax', 'gammaC (γ_C)', opts.gammaC);
    this.bn = new BatchNorm1d(opts.numClasses, { eps: opts.eps ?? 1e-3, momentum: opts.momentum ?? 0.1, fixedScale: opts.gammaC });
  }

  /** logits [N, C] (N ≥ 2 in training) → γ_C-normalized logits [N, C]. */
  forward(logits: Tensor): Tensor {
    if (logits.rank !== 2) throw new RangeError(`BnSoftmax: logits must be [N, ${this.bn.numFeatures}], got [${logits.shape.join(', ')}]`);
    return this.bn.forward(logits);
  }
}

/** A classifier followed by a BN-softmax head: fields `body` (the classifier) and `head`. */
export class WithBnSoftmax extends Module {
  readonly body: Classifier;
  readonly head: BnSoftmax;

  constructor(body: Classifier, head: BnSoftmax) {
    super();
    this.body = body;
    this.head = head;
    finalizeNames(this);
  }

  /** x → head(body(x)). */
  forward(x: Tensor): Tensor {
    return this.head.forward(this.body.forward(x));
  }
}

/** Wraps any classifier with a BN-softmax head (parameters renamed `body.…` and `head.bn.bias`). */
export function withBnSoftmax(model: Classifier, opts: BnSoftmaxOptions): WithBnSoftmax {
  return new WithBnSoftmax(model, new BnSoftmax(opts));
}
