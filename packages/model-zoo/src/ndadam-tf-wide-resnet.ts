/**
 * WRN-22-7.5 as the ND-Adam paper's TensorFlow experiments trained it (zj10/ND-Adam
 * `resnet_model.py`, the TF ResNet of Wu 2016; docs/models.md#wide-resnets) — the network behind the paper's
 * Table 1. It differs from the PyTorch WRN ({@link WideResNet}) in four ways:
 * - leaky ReLU (slope 0.1) everywhere;
 * - parameter-free shortcuts: where the width changes, the shortcut is a stride×stride average pool
 *   followed by zero channels on both sides ((out − in)/2 each), so θ^v has no 1×1 kernels;
 * - the first unit of group 1 activates before the residual (its shortcut is the BN-ReLU'd input);
 *   every other unit adds its raw input;
 * - convs pad like TF's `SAME` (a stride-2 conv on an even size pads one pixel at the bottom/right
 *   only), BN ε = 0.001 with running-average decay 0.9, kernels drawn from N(0, 1/fan_in).
 * Every BN scale is the constant 1; the classifier is a bias-free 1×1 conv + global average pool,
 * optionally followed by BN-softmax with γ_C (`bnSoftmaxGamma`, default 2.5 for CIFAR-10; 1 for
 * CIFAR-100; 0 = no head).
 *
 * Tags: `finalConv.conv.weight` is final-homogeneous and `classifier`; the BN-softmax shift
 * `softmaxBn.bn.bias` (role `norm-shift`) is untagged. Every kernel has unitAxes [1, 2, 3].
 * Deviation: running variances average the unbiased batch variance (TF averages the biased one).
 */
import { add, avgPool2d, BatchNorm2d, Conv2d, globalAvgPool2d, leakyRelu, Module, normalInit, pad, type Rng, type Tensor } from '@gapkit/autodiff';
import { BnSoftmax } from './heads/bn-softmax.js';
import { addChild, finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import type { ClassifierOptions } from './types.js';
import { invalid, positiveInt, withDefaults } from './validate.js';

/** Options of the TF ND-Adam WRN. */
export interface NdAdamTfWideResNetOptions extends ClassifierOptions {
  /** Depth, of the form 6n+4 (22 → 3 units per group). */
  readonly depth: number;
  /** Widen factor k ≥ 1, a multiple of 1/8 (the zero padding splits 16k − 16 channels evenly). */
  readonly widenFactor: number;
  /** Input channels (3 for CIFAR). */
  readonly inChannels: number;
  /** Negative slope of the leaky ReLU (0.1 in the reference). */
  readonly leakiness: number;
  /** γ_C of a BN-softmax head on the logits; 0 = plain logits. */
  readonly bnSoftmaxGamma: number;
}

/** The paper's configuration: WRN-22-7.5 with BN-softmax γ_C = 2.5, CIFAR-10. */
export const WRN_NDADAM_TF_DEFAULTS: NdAdamTfWideResNetOptions = {
  depth: 22,
  widenFactor: 7.5,
  numClasses: 10,
  inChannels: 3,
  leakiness: 0.1,
  bnSoftmaxGamma: 2.5,
};

const WHERE = 'wrn-ndadam-tf';

/** A validated configuration. */
export interface ResolvedNdAdamTfWideResNet extends NdAdamTfWideResNetOptions {
  readonly n: number;
  readonly widths: readonly [number, number, number];
}

/** Fills defaults and validates; throws a RangeError naming the bad argument. */
export function resolveNdAdamTfWideResNet(opts: Partial<NdAdamTfWideResNetOptions> = {}): ResolvedNdAdamTfWideResNet {
  const o = withDefaults(WHERE, WRN_NDADAM_TF_DEFAULTS, opts);
  if (!Number.isInteger(o.depth) || o.depth < 10 || (o.depth - 4) % 6 !== 0) {
    invalid(WHERE, 'depth', 'of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, …)', o.depth);
  }
  if (!(o.widenFactor >= 1 && Number.isInteger(8 * o.widenFactor))) {
    invalid(WHERE, 'widenFactor', 'a multiple of 1/8 that is ≥ 1 (zero-padded shortcuts need 16k ≥ 16 and 16k − 16 even)', o.widenFactor);
  }
  positiveInt(WHERE, 'numClasses', o.numClasses);
  positiveInt(WHERE, 'inChannels', o.inChannels);
  if (!(Number.isFinite(o.leakiness) && o.leakiness >= 0 && o.leakiness < 1)) invalid(WHERE, 'leakiness', 'a number in [0, 1)', o.leakiness);
  if (!(Number.isFinite(o.bnSoftmaxGamma) && o.bnSoftmaxGamma >= 0)) invalid(WHERE, 'bnSoftmaxGamma', 'a finite number ≥ 0 (0 = no BN-softmax)', o.bnSoftmaxGamma);
  const k = o.widenFactor;
  return { ...o, n: (o.depth - 4) / 6, widths: [16 * k, 32 * k, 64 * k] };
}

/** A bias-free conv with TF `SAME` padding and N(0, 1/fan_in) weights. */
export class SameConv2d extends Module {
  readonly conv: Conv2d;
  readonly #kernel: number;
  readonly #stride: number;

  constructor(inC: number, outC: number, kernel: number, stride: number, rng: Rng) {
    super();
    const std = Math.sqrt(1 / (inC * kernel * kernel));
    this.conv = new Conv2d(inC, outC, kernel, rng, { stride, padding: 0, bias: false, init: (shape, r) => normalInit(shape, std, r) });
    this.#kernel = kernel;
    this.#stride = stride;
  }

  /** SAME: output size ⌈size/stride⌉; the total padding max((out−1)·s + k − size, 0) puts the odd pixel after. */
  forward(x: Tensor): Tensor {
    const pads = [x.shape[2], x.shape[3]].map((size) => {
      const total = Math.max((Math.ceil(size / this.#stride) - 1) * this.#stride + this.#kernel - size, 0);
      return [Math.floor(total / 2), total - Math.floor(total / 2)] as const;
    });
    const padded = pads.every(([a, b]) => a === 0 && b === 0) ? x : pad(x, [[0, 0], [0, 0], pads[0], pads[1]]);
    return this.conv.forward(padded);
  }
}

function bn(channels: number): BatchNorm2d {
  return new BatchNorm2d(channels, { fixedScale: 1, eps: 1e-3, momentum: 0.1 });
}

/** One residual unit of the TF ResNet (`_residual`). */
export class TfResidualUnit extends Module {
  readonly initBn: BatchNorm2d;
  readonly conv1: SameConv2d;
  readonly bn2: BatchNorm2d;
  readonly conv2: SameConv2d;
  /** Stride of conv1 and of the shortcut's average pool. */
  readonly stride: number;
  /** True for the first unit of group 1: the shortcut is the activated input, not the raw one. */
  readonly activateBeforeResidual: boolean;
  readonly #inC: number;
  readonly #outC: number;
  readonly #leak: number;

  constructor(inC: number, outC: number, stride: number, activateBeforeResidual: boolean, leakiness: number, rng: Rng) {
    super();
    this.initBn = bn(inC);
    this.conv1 = new SameConv2d(inC, outC, 3, stride, rng);
    this.bn2 = bn(outC);
    this.conv2 = new SameConv2d(outC, outC, 3, 1, rng);
    this.#inC = inC;
    this.#outC = outC;
    this.stride = stride;
    this.activateBeforeResidual = activateBeforeResidual;
    this.#leak = leakiness;
  }

  forward(x: Tensor): Tensor {
    const act = leakyRelu(this.initBn.forward(x), this.#leak);
    let shortcut = this.activateBeforeResidual ? act : x;
    const y = this.conv2.forward(leakyRelu(this.bn2.forward(this.conv1.forward(act)), this.#leak));
    if (this.#inC !== this.#outC) {
      if (this.stride > 1) shortcut = avgPool2d(shortcut, this.stride, this.stride);
      const side = (this.#outC - this.#inC) / 2;
      shortcut = pad(shortcut, [[0, 0], [side, side], [0, 0], [0, 0]]);
    }
    return add(y, shortcut);
  }
}

/** The TF ND-Adam WRN: `initConv`, `unit1..3` (arrays of units), `finalBn`, `finalConv`, `softmaxBn`. */
export class NdAdamTfWideResNet extends Module {
  readonly initConv: SameConv2d;
  readonly #units: TfResidualUnit[] = [];
  declare readonly finalBn: BatchNorm2d;
  declare readonly finalConv: SameConv2d;
  /** The BN-softmax head, or undefined when `bnSoftmaxGamma` is 0. */
  declare readonly softmaxBn: BnSoftmax | undefined;
  declare readonly config: ResolvedNdAdamTfWideResNet;

  constructor(c: ResolvedNdAdamTfWideResNet, rng: Rng) {
    super();
    this.initConv = new SameConv2d(c.inChannels, 16, 3, 1, rng);
    let inC = 16;
    c.widths.forEach((width, g) => {
      const units: TfResidualUnit[] = [];
      for (let u = 0; u < c.n; u++) {
        units.push(new TfResidualUnit(inC, width, u === 0 && g > 0 ? 2 : 1, u === 0 && g === 0, c.leakiness, rng));
        inC = width;
      }
      addChild(this, `unit${g + 1}`, units);
      this.#units.push(...units);
    });
    addChild(this, 'finalBn', bn(inC));
    const finalConv = new SameConv2d(inC, c.numClasses, 1, 1, rng);
    addChild(this, 'finalConv', finalConv);
    if (c.bnSoftmaxGamma > 0) addChild(this, 'softmaxBn', new BnSoftmax({ numClasses: c.numClasses, gammaC: c.bnSoftmaxGamma }));
    Object.defineProperty(this, 'config', { value: c, enumerable: false });
    markFinalHomogeneous(finalConv);
    markClassifier(finalConv);
    finalizeNames(this);
  }

  /** x: [N, inChannels, H, W] → logits [N, numClasses] (after BN-softmax when enabled). */
  forward(x: Tensor): Tensor {
    let h = this.initConv.forward(x);
    for (const unit of this.#units) h = unit.forward(h);
    h = leakyRelu(this.finalBn.forward(h), this.config.leakiness);
    const logits = globalAvgPool2d(this.finalConv.forward(h));
    return this.softmaxBn ? this.softmaxBn.forward(logits) : logits;
  }
}

/** Builds the TF ND-Adam WRN (defaults: WRN-22-7.5, leaky ReLU 0.1, BN-softmax γ_C 2.5, CIFAR-10). */
export function ndAdamTfWideResNet(opts: Partial<NdAdamTfWideResNetOptions>, rng: Rng): NdAdamTfWideResNet {
  return new NdAdamTfWideResNet(resolveNdAdamTfWideResNet(opts), rng);
}

/** Parameter count of `ndAdamTfWideResNet(opts)` from shapes alone. */
export function countNdAdamTfWideResNet(opts: Partial<NdAdamTfWideResNetOptions> = {}): ParameterCount {
  const c = resolveNdAdamTfWideResNet(opts);
  const t = new ParameterTally().conv(c.inChannels, 16, 3, false);
  let inC = 16;
  for (const width of c.widths) {
    for (let u = 0; u < c.n; u++) {
      t.batchNorm(inC, true).conv(inC, width, 3, false).batchNorm(width, true).conv(width, width, 3, false);
      inC = width;
    }
  }
  t.batchNorm(inC, true).conv(inC, c.numClasses, 1, false);
  if (c.bnSoftmaxGamma > 0) t.batchNorm(c.numClasses, true);
  return t.result();
}
