/**
 * Per-channel normalization constants, x ↦ (x − mean_c) / std_c, each on the pixel scale it was published
 * on: `'unit'` constants apply to pixel/255 (torchvision `ToTensor` then `Normalize`), `'byte'` constants
 * apply to raw 0..255 pixels.
 */

/** A named set of per-channel constants with its source. */
export interface ChannelNormalization {
  readonly name: string;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** `'unit'`: constants are for pixels on 0..1; `'byte'`: for pixels on 0..255. */
  readonly scale: 'unit' | 'byte';
  /** Where the numbers come from. */
  readonly source: string;
}

/**
 * CIFAR-10, the default: mean (0.4914, 0.4822, 0.4465), std (0.2023, 0.1994, 0.2010). The means are the
 * CIFAR-10 training-set channel means; the "std" values are the ones hard-coded in kuangliu/pytorch-cifar
 * `main.py`, copied by Padam (uclaml/Padam `run_cnn_test_cifar10.py`) and SWD — they are not the
 * training-set pixel std (0.2470, 0.2435, 0.2616), but they are what the papers trained with.
 */
export const CIFAR10_NORMALIZATION: ChannelNormalization = {
  name: 'cifar10',
  mean: [0.4914, 0.4822, 0.4465],
  std: [0.2023, 0.1994, 0.201],
  scale: 'unit',
  source: 'kuangliu/pytorch-cifar main.py; Padam run_cnn_test_cifar10.py (docs/data.md)',
};

/**
 * ND-Adam's PyTorch code (zj10/ND-Adam; docs/data.md#normalization-constants): mean (125.3, 123.0, 113.9), std (63.0, 62.1, 66.7) on
 * raw 0..255 pixels (the WRN reference code's CIFAR constants).
 */
export const CIFAR10_NDADAM_NORMALIZATION: ChannelNormalization = {
  name: 'cifar10-ndadam',
  mean: [125.3, 123.0, 113.9],
  std: [63.0, 62.1, 66.7],
  scale: 'byte',
  source: 'zj10/ND-Adam pytorch main.py (docs/data.md)',
};

/**
 * CIFAR-100 training-set channel means and pixel std, as widely published (and reproduced to 8 digits
 * over the full training set when the project's data was checked; docs/data.md).
 */
export const CIFAR100_NORMALIZATION: ChannelNormalization = {
  name: 'cifar100',
  mean: [0.5071, 0.4865, 0.4409],
  std: [0.2673, 0.2564, 0.2762],
  scale: 'unit',
  source: 'CIFAR-100 training-set statistics (docs/data.md)',
};

/** MNIST mean 0.1307, std 0.3081 (the PyTorch MNIST example `examples/mnist/main.py`). */
export const MNIST_NORMALIZATION: ChannelNormalization = {
  name: 'mnist',
  mean: [0.1307],
  std: [0.3081],
  scale: 'unit',
  source: 'pytorch/examples mnist/main.py',
};

/** Every named normalization, by name. */
export const NORMALIZATIONS: Readonly<Record<string, ChannelNormalization>> = {
  cifar10: CIFAR10_NORMALIZATION,
  'cifar10-ndadam': CIFAR10_NDADAM_NORMALIZATION,
  cifar100: CIFAR100_NORMALIZATION,
  mnist: MNIST_NORMALIZATION,
};

/**
 * Per-channel affine map for pixels stored as `pixelScale` units (255 for Uint8 0..255 pixels, 1 for
 * 0..1 floats): normalized = stored · a_c + b_c.
 */
export function normalizationAffine(norm: ChannelNormalization, pixelScale: 1 | 255): { a: Float64Array; b: Float64Array } {
  const channels = norm.mean.length;
  if (norm.std.length !== channels) throw new RangeError(`normalization ${norm.name}: ${channels} means but ${norm.std.length} stds`);
  // stored / pixelScale is on 0..1; 'byte' constants expect 0..255.
  const toConstantScale = (norm.scale === 'byte' ? 255 : 1) / pixelScale;
  const a = new Float64Array(channels);
  const b = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    a[c] = toConstantScale / norm.std[c];
    b[c] = -norm.mean[c] / norm.std[c];
  }
  return { a, b };
}
