/**
 * The full-batch gradient norm ‖∇L(θ)‖₂ of the mean cross-entropy over a fixed training subset, as the
 * SWD paper measures convergence (Xie et al., "On the Overlooked Pitfalls of Weight Decay and How to
 * Mitigate Them: A Gradient-Norm Perspective", NeurIPS 2023, arXiv:2011.11152, Figs. 2 and 4;
 * docs/papers/adams-sgds.md): no weight decay, no head penalty, no augmentation, BN in eval mode (its
 * running statistics, so the measurement does not move them). The gradient over every parameter of the
 * model is summed batch by batch (each batch's sum of losses divided by the subset's size) and its norm
 * taken in float64. The parameters' `.grad` of the last training step is put back afterwards.
 */
import { crossEntropy, type Layer, mul, Rng, type Tensor, tensor } from '@gapkit/autodiff';
import { Batcher, type ChannelNormalization, type ImageDataset, selectImages } from '@gapkit/data';

/** The first `perClass` images of each class, in data-set order (fewer where a class has fewer). */
export function firstPerClass(ds: ImageDataset, perClass: number): ImageDataset {
  if (!Number.isInteger(perClass) || perClass < 1) throw new RangeError(`firstPerClass: perClass must be a positive integer, got ${perClass}`);
  const taken = new Int32Array(ds.classNames.length);
  const picked: number[] = [];
  for (let k = 0; k < ds.n; k++) {
    const c = ds.labels[k];
    if (taken[c] < perClass) {
      taken[c]++;
      picked.push(k);
    }
  }
  return selectImages(ds, picked);
}

/** ‖∇_θ (1/n) Σᵢ CE(f(xᵢ), yᵢ)‖₂ over `ds` with the model in eval mode. */
export function fullBatchGradientNorm(model: Layer, ds: ImageDataset, normalization: ChannelNormalization | undefined, batchSize = 500): number {
  if (ds.n === 0) throw new RangeError('fullBatchGradientNorm: the subset is empty');
  const params = model.parameters();
  const kept: (Tensor | null)[] = params.map((p) => p.grad);
  for (const p of params) p.grad = null;
  const batcher = new Batcher(ds, { batchSize, rng: new Rng(0), shuffle: false, normalize: normalization });
  const wasTraining = model.training;
  model.eval();
  try {
    for (const b of batcher.epoch()) {
      const logits = model.forward(tensor(b.x, b.shape));
      mul(crossEntropy(logits, b.y, { reduction: 'sum' }), 1 / ds.n).backward();
    }
    let sq = 0;
    for (const p of params) {
      const g = p.grad?.data;
      if (!g) continue;
      for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
    }
    const norm = Math.sqrt(sq);
    if (!Number.isFinite(norm)) throw new RangeError(`fullBatchGradientNorm: the gradient norm over ${ds.n} training images is ${norm}`);
    return norm;
  } finally {
    model.train(wasTraining);
    params.forEach((p, i) => {
      p.grad = kept[i];
    });
  }
}
