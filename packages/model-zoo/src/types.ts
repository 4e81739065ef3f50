/** The shapes of model the zoo returns, as the trainer sees them. */
import type { Layer, Module, Tensor } from '@gapkit/autodiff';

/** A module mapping one tensor to one tensor (a layer, a block or a whole classifier). */
export type TensorModule = Layer;

/**
 * An image (or flat-vector) classifier: input `[N, C, H, W]` (the `mlp` also takes `[N, D]`),
 * output logits `[N, numClasses]` — no softmax; pair with `crossEntropy`.
 */
export type Classifier = TensorModule;

/**
 * An NCF recommender: user and item ids (equal length N, 0-based, each below the table size) →
 * logits `[N]`, one per (user, item) pair — no sigmoid; pair with `bceWithLogits` against 0/1 targets.
 */
export type Recommender = Module & { forward(users: Int32Array, items: Int32Array): Tensor };

/** Options every classifier builder accepts. */
export interface ClassifierOptions {
  /** Number of output logits (10 for CIFAR-10, 100 for CIFAR-100). */
  readonly numClasses: number;
}
