/**
 * VGG for CIFAR as the Padam, SWD and LAWN papers trained it (kuangliu/pytorch-cifar `models/vgg.py`,
 * docs/models.md#vgg): 3×3 convs with bias, each followed by BN and ReLU, 2×2 max-pools between blocks, flatten
 * (512 features on 32×32 inputs) and **one** linear classifier. Options give the variants: `hidden`
 * adds fully connected ReLU layers before the classifier (`[512, 512]` is the "two 512-unit FC layers"
 * of the Padam paper's text — its code has one FC, docs/models.md#vgg), `batchNorm: false` drops BN (LAWN's
 * VGG-19: BN presence unknown), `baseWidth` scales every conv width (64 → 8 gives 8/16/32/64).
 *
 * Tags: the weights of the layers after the last BN are final-homogeneous: with BN (the reference) the
 * `hidden.*` linears and `classifier`; with `batchNorm: false` there is no normalization anywhere, so
 * every conv weight is tagged too (as in the MLP) — LAWN's VGG-19 may be this variant. `classifier.*`
 * carries `classifier`. Conv kernels have unitAxes [1, 2, 3],
 * linear weights [1].
 */
import { BatchNorm2d, Conv2d, Dropout, flatten, Linear, MaxPool2d, Module, ReLU, Rng, type Tensor } from '@gapkit/autodiff';
import { finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import type { ClassifierOptions, TensorModule } from './types.js';
import { dropRate, invalid, positiveInt, positiveIntList, withDefaults } from './validate.js';

/** Conv widths (multiples of 64 at the reference size) and max-pools ('M') of each VGG depth. */
export const VGG_CONFIGS = {
  11: [1, 'M', 2, 'M', 4, 4, 'M', 8, 8, 'M', 8, 8, 'M'],
  13: [1, 1, 'M', 2, 2, 'M', 4, 4, 'M', 8, 8, 'M', 8, 8, 'M'],
  16: [1, 1, 'M', 2, 2, 'M', 4, 4, 4, 'M', 8, 8, 8, 'M', 8, 8, 8, 'M'],
  19: [1, 1, 'M', 2, 2, 'M', 4, 4, 4, 4, 'M', 8, 8, 8, 8, 'M', 8, 8, 8, 8, 'M'],
} as const satisfies Record<number, ReadonlyArray<number | 'M'>>;

/** A VGG depth with a known configuration. */
export type VggDepth = keyof typeof VGG_CONFIGS;

/** Options of the CIFAR VGG. */
export interface VggOptions extends ClassifierOptions {
  /** 11, 13, 16 or 19 weight layers (conv layers + 3 in the ImageNet original). */
  readonly depth: number;
  /** Width of the first conv (64 in the reference); the others scale with it (×2, ×4, ×8). */
  readonly baseWidth: number;
  /** BN after every conv (the reference). */
  readonly batchNorm: boolean;
  /** Hidden fully connected widths before the classifier ([] = one FC, the reference code). */
  readonly hidden: readonly number[];
  /** Dropout after each hidden FC layer (0 = none). */
  readonly dropRate: number;
  /** Input channels (3 for CIFAR). */
  readonly inChannels: number;
  /** Input height = width; a multiple of 32 (five 2×2 pools), 32 for CIFAR. */
  readonly inputSize: number;
}

/** VGG-16 with BN and one FC, CIFAR-10 (the reference). */
export const VGG_DEFAULTS: VggOptions = {
  depth: 16,
  baseWidth: 64,
  batchNorm: true,
  hidden: [],
  dropRate: 0,
  numClasses: 10,
  inChannels: 3,
  inputSize: 32,
};

/** A validated configuration: the layer plan with concrete widths. */
export interface ResolvedVgg extends VggOptions {
  readonly plan: ReadonlyArray<number | 'M'>;
  /** Features entering the first FC layer: last width × (inputSize/32)². */
  readonly flatFeatures: number;
}

/** Fills defaults and validates; throws a RangeError naming the bad argument. */
export function resolveVgg(opts: Partial<VggOptions> = {}, where = 'vgg'): ResolvedVgg {
  const o = withDefaults(where, VGG_DEFAULTS, opts);
  if (!Object.hasOwn(VGG_CONFIGS, o.depth)) invalid(where, 'depth', 'one of 11, 13, 16, 19 (a known VGG config)', o.depth);
  positiveInt(where, 'baseWidth', o.baseWidth);
  positiveIntList(where, 'hidden', o.hidden, true);
  dropRate(where, 'dropRate', o.dropRate);
  positiveInt(where, 'numClasses', o.numClasses);
  positiveInt(where, 'inChannels', o.inChannels);
  if (!Number.isInteger(o.inputSize) || o.inputSize < 32 || o.inputSize % 32 !== 0) {
    invalid(where, 'inputSize', 'a multiple of 32 (five 2×2 max-pools)', o.inputSize);
  }
  if (typeof o.batchNorm !== 'boolean') invalid(where, 'batchNorm', 'true or false', o.batchNorm);
  const plan = VGG_CONFIGS[o.depth as VggDepth].map((v) => (v === 'M' ? v : v * o.baseWidth));
  const side = o.inputSize / 32;
  return { ...o, plan, flatFeatures: 8 * o.baseWidth * side * side };
}

/** The CIFAR VGG: `features.*` (conv, BN, ReLU, max-pool modules), `hidden.*`, `classifier`. */
export class Vgg extends Module {
  readonly features: TensorModule[] = [];
  readonly hidden: TensorModule[] = [];
  readonly classifier: Linear;
  declare readonly config: ResolvedVgg;

  constructor(c: ResolvedVgg, rng: Rng) {
    super();
    let inC = c.inChannels;
    const convs: Conv2d[] = [];
    for (const v of c.plan) {
      if (v === 'M') {
        this.features.push(new MaxPool2d(2, 2));
        continue;
      }
      const conv = new Conv2d(inC, v, 3, rng, { padding: 1, bias: true });
      convs.push(conv);
      this.features.push(conv);
      if (c.batchNorm) this.features.push(new BatchNorm2d(v));
      this.features.push(new ReLU());
      inC = v;
    }
    let inF = c.flatFeatures;
    const fcs: Linear[] = [];
    for (const h of c.hidden) {
      const fc = new Linear(inF, h, rng, { bias: true });
      fcs.push(fc);
      this.hidden.push(fc, new ReLU());
      // Dropout draws from its own stream, seeded from the init stream.
      if (c.dropRate > 0) this.hidden.push(new Dropout(c.dropRate, new Rng(rng.nextU32())));
      inF = h;
    }
    this.classifier = new Linear(inF, c.numClasses, rng, { bias: true });
    Object.defineProperty(this, 'config', { value: c, enumerable: false });
    markFinalHomogeneous(...(c.batchNorm ? [] : convs), ...fcs, this.classifier);
    markClassifier(this.classifier);
    finalizeNames(this);
  }

  /** x: [N, inChannels, inputSize, inputSize] → logits [N, numClasses]. */
  forward(x: Tensor): Tensor {
    let h = x;
    for (const layer of this.features) h = layer.forward(h);
    h = flatten(h, 1);
    for (const layer of this.hidden) h = layer.forward(h);
    return this.classifier.forward(h);
  }
}

/** Builds a CIFAR VGG (defaults: VGG-16, BN, one FC, CIFAR-10). */
export function vgg(opts: Partial<VggOptions>, rng: Rng, where = 'vgg'): Vgg {
  return new Vgg(resolveVgg(opts, where), rng);
}

/** Parameter count of `vgg(opts)` from shapes alone. */
export function countVgg(opts: Partial<VggOptions> = {}): ParameterCount {
  const c = resolveVgg(opts);
  const t = new ParameterTally();
  let inC = c.inChannels;
  for (const v of c.plan) {
    if (v === 'M') continue;
    t.conv(inC, v, 3, true);
    if (c.batchNorm) t.batchNorm(v, false);
    inC = v;
  }
  let inF = c.flatFeatures;
  for (const h of c.hidden) {
    t.linear(inF, h, true);
    inF = h;
  }
  return t.linear(inF, c.numClasses, true).result();
}
