/**
 * Wide ResNet WRN-d-k (Zagoruyko & Komodakis, "Wide Residual Networks", BMVC 2016; docs/models.md#wide-resnets), the standard pre-activation form, and the
 * variant the ND-Adam paper trained with its PyTorch code (zj10/ND-Adam `pytorch/resnet.py`).
 *
 * Standard: conv3×3 3→16; three groups of n = (d − 4)/6 pre-activation blocks
 * (BN-ReLU-conv3×3-BN-ReLU-[dropout]-conv3×3) at widths 16k/32k/64k, strides 1/2/2; a bias-free 1×1
 * conv shortcut taken from the pre-activated input where the width or stride changes; final BN-ReLU,
 * global average pooling (= 8×8 on CIFAR), linear 64k → classes with bias. Init as the reference's
 * `utils.py` (the ND-Adam PyTorch code's and Zagoruyko's): convs are bias-free, Kaiming normal (fan-in, gain √2); the linear
 * weight is Kaiming normal too and its bias starts at 0. Deviation: BN scales start at 1 (the reference
 * draws them from U(0, 1), `torch.rand`).
 *
 * ND-Adam variant (`classifier: 'conv1x1', fixedBnScale: 1`): every BN scale is the constant 1 (only
 * the shift β is a parameter) and the linear classifier is replaced by a bias-free 1×1 conv to the
 * classes followed by global average pooling, so every weight tensor is a conv kernel — ND-Adam's
 * vector set θ^v — and θ^s is the BN shifts alone.
 *
 * Tags: the classifier (`fc.weight` or `classifier.weight`) is final-homogeneous (the only layer after
 * the last BN) and carries `classifier` (with `fc.bias`). Conv kernels, including 1×1 shortcuts and the
 * 1×1 classifier, have unitAxes [1, 2, 3]; `fc.weight` has [1].
 */
import {
  add,
  BatchNorm2d,
  Conv2d,
  Dropout,
  globalAvgPool2d,
  kaimingNormal,
  Linear,
  Module,
  Rng,
  type Tensor,
} from '@gapkit/autodiff';
import { addChild, finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import type { ClassifierOptions } from './types.js';
import { dropRate, invalid, positiveInt, positiveNumber, withDefaults } from './validate.js';

/** Options of WRN-d-k. */
export interface WideResNetOptions extends ClassifierOptions {
  /** Depth d, of the form 6n+4 (10, 16, 22, 28, 40, …): n blocks per group. */
  readonly depth: number;
  /** Widen factor k; 16·k must be a whole number of channels (k = 7.5 gives 120/240/480). */
  readonly widenFactor: number;
  /** Input channels (3 for CIFAR). */
  readonly inChannels: number;
  /** Dropout between the two convs of a block (0 = none, as in the papers here). */
  readonly dropRate: number;
  /** `'linear'` (standard) or `'conv1x1'` (ND-Adam: bias-free 1×1 conv + global average pool). */
  readonly classifier: 'linear' | 'conv1x1';
  /** A constant BN scale (ND-Adam: 1) instead of a trainable one; 0 means trainable. */
  readonly fixedBnScale: number;
}

/** WRN-28-10 for CIFAR-10, the standard form. */
export const WRN_DEFAULTS: WideResNetOptions = {
  depth: 28,
  widenFactor: 10,
  numClasses: 10,
  inChannels: 3,
  dropRate: 0,
  classifier: 'linear',
  fixedBnScale: 0,
};

/** ND-Adam's PyTorch configuration: WRN-22-7.5, BN scale fixed to 1, 1×1-conv classifier. */
export const WRN_NDADAM_DEFAULTS: WideResNetOptions = { ...WRN_DEFAULTS, depth: 22, widenFactor: 7.5, classifier: 'conv1x1', fixedBnScale: 1 };

/** A validated WRN configuration. */
export interface ResolvedWideResNet extends WideResNetOptions {
  /** Blocks per group, n = (depth − 4)/6. */
  readonly n: number;
  /** Group widths 16k, 32k, 64k. */
  readonly widths: readonly [number, number, number];
}

/** Fills `defaults` and validates; throws a RangeError naming the bad argument. */
export function resolveWideResNet(opts: Partial<WideResNetOptions> = {}, defaults = WRN_DEFAULTS, where = 'wrn'): ResolvedWideResNet {
  const o = withDefaults(where, defaults, opts);
  if (!Number.isInteger(o.depth) || o.depth < 10 || (o.depth - 4) % 6 !== 0) {
    invalid(where, 'depth', 'of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, 40, …)', o.depth);
  }
  positiveNumber(where, 'widenFactor', o.widenFactor);
  if (!Number.isInteger(16 * o.widenFactor)) invalid(where, 'widenFactor', 'a multiple of 1/16 (so 16·k is a whole channel count)', o.widenFactor);
  positiveInt(where, 'numClasses', o.numClasses);
  positiveInt(where, 'inChannels', o.inChannels);
  dropRate(where, 'dropRate', o.dropRate);
  if (o.classifier !== 'linear' && o.classifier !== 'conv1x1') invalid(where, 'classifier', "'linear' or 'conv1x1'", o.classifier);
  if (!(Number.isFinite(o.fixedBnScale) && o.fixedBnScale >= 0)) invalid(where, 'fixedBnScale', 'a finite number ≥ 0 (0 = trainable scale)', o.fixedBnScale);
  const k = o.widenFactor;
  return { ...o, n: (o.depth - 4) / 6, widths: [16 * k, 32 * k, 64 * k] };
}

function makeBn(channels: number, fixedScale: number): BatchNorm2d {
  return fixedScale > 0 ? new BatchNorm2d(channels, { fixedScale }) : new BatchNorm2d(channels);
}

/** A bias-free conv with Kaiming-normal (fan-in, gain √2) kernels, as the ND-Adam PyTorch code's `conv_params`. */
function kaimingConv(inC: number, outC: number, k: number, stride: number, rng: Rng): Conv2d {
  return new Conv2d(inC, outC, k, rng, { stride, padding: k === 3 ? 1 : 0, bias: false, init: (shape, r) => kaimingNormal(shape, r) });
}

/** Pre-activation block: conv2(relu(bn2(conv1(relu(bn1(x)))))) + shortcut. */
export class PreActBlock extends Module {
  readonly bn1: BatchNorm2d;
  readonly conv1: Conv2d;
  readonly bn2: BatchNorm2d;
  readonly conv2: Conv2d;
  /** 1×1 conv on the pre-activated input where the shape changes; null = identity on the raw input. */
  readonly shortcut: Conv2d | null;
  readonly dropout: Dropout | null;

  constructor(inC: number, outC: number, stride: number, c: ResolvedWideResNet, rng: Rng) {
    super();
    this.bn1 = makeBn(inC, c.fixedBnScale);
    this.conv1 = kaimingConv(inC, outC, 3, stride, rng);
    this.bn2 = makeBn(outC, c.fixedBnScale);
    this.conv2 = kaimingConv(outC, outC, 3, 1, rng);
    this.shortcut = inC !== outC || stride !== 1 ? kaimingConv(inC, outC, 1, stride, rng) : null;
    // Dropout draws from its own stream, seeded from the init stream.
    this.dropout = c.dropRate > 0 ? new Dropout(c.dropRate, new Rng(rng.nextU32())) : null;
  }

  forward(x: Tensor): Tensor {
    const o = this.bn1.forwardRelu(x);
    let y = this.bn2.forwardRelu(this.conv1.forward(o));
    if (this.dropout) y = this.dropout.forward(y);
    y = this.conv2.forward(y);
    return add(y, this.shortcut ? this.shortcut.forward(o) : x);
  }
}

/** WRN-d-k; groups are fields `group1..3` (arrays of blocks). */
export class WideResNet extends Module {
  readonly conv1: Conv2d;
  readonly #groups: PreActBlock[][] = [];
  declare readonly bn: BatchNorm2d;
  /** Linear classifier (`classifier: 'linear'`), else undefined. */
  declare readonly fc: Linear | undefined;
  /** 1×1 conv classifier (`classifier: 'conv1x1'`), else undefined. */
  declare readonly classifier: Conv2d | undefined;
  declare readonly config: ResolvedWideResNet;

  constructor(c: ResolvedWideResNet, rng: Rng) {
    super();
    this.conv1 = kaimingConv(c.inChannels, 16, 3, 1, rng);
    let inC = 16;
    c.widths.forEach((width, g) => {
      const blocks: PreActBlock[] = [];
      for (let b = 0; b < c.n; b++) {
        blocks.push(new PreActBlock(inC, width, b === 0 && g > 0 ? 2 : 1, c, rng));
        inC = width;
      }
      addChild(this, `group${g + 1}`, blocks);
      this.#groups.push(blocks);
    });
    addChild(this, 'bn', makeBn(inC, c.fixedBnScale));
    const head =
      c.classifier === 'linear'
        ? new Linear(inC, c.numClasses, rng, { bias: true, init: (shape, r) => kaimingNormal(shape, r), biasInit: 'zeros' })
        : kaimingConv(inC, c.numClasses, 1, 1, rng);
    addChild(this, c.classifier === 'linear' ? 'fc' : 'classifier', head);
    Object.defineProperty(this, 'config', { value: c, enumerable: false });
    markFinalHomogeneous(head);
    markClassifier(head);
    finalizeNames(this);
  }

  /** x: [N, inChannels, H, W] → logits [N, numClasses]. */
  forward(x: Tensor): Tensor {
    let h = this.conv1.forward(x);
    for (const group of this.#groups) for (const block of group) h = block.forward(h);
    h = this.bn.forwardRelu(h);
    if (this.fc) return this.fc.forward(globalAvgPool2d(h));
    return globalAvgPool2d(this.classifier!.forward(h));
  }
}

/** Builds WRN-d-k (defaults: WRN-28-10, standard form, CIFAR-10). */
export function wideResNet(opts: Partial<WideResNetOptions>, rng: Rng): WideResNet {
  return new WideResNet(resolveWideResNet(opts), rng);
}

/** Builds the ND-Adam PyTorch WRN (defaults: WRN-22-7.5, BN scale 1, 1×1-conv classifier). */
export function ndAdamWideResNet(opts: Partial<WideResNetOptions>, rng: Rng): WideResNet {
  return new WideResNet(resolveWideResNet(opts, WRN_NDADAM_DEFAULTS, 'wrn-ndadam'), rng);
}

/** Parameter count of a WRN from shapes alone (`defaults` picks the standard or ND-Adam form). */
export function countWideResNet(opts: Partial<WideResNetOptions> = {}, defaults = WRN_DEFAULTS): ParameterCount {
  const c = resolveWideResNet(opts, defaults);
  const fixed = c.fixedBnScale > 0;
  const t = new ParameterTally().conv(c.inChannels, 16, 3, false);
  let inC = 16;
  c.widths.forEach((width, g) => {
    for (let b = 0; b < c.n; b++) {
      const stride = b === 0 && g > 0 ? 2 : 1;
      t.batchNorm(inC, fixed).conv(inC, width, 3, false).batchNorm(width, fixed).conv(width, width, 3, false);
      if (inC !== width || stride !== 1) t.conv(inC, width, 1, false);
      inC = width;
    }
  });
  t.batchNorm(inC, fixed);
  if (c.classifier === 'linear') t.linear(inC, c.numClasses, true);
  else t.conv(inC, c.numClasses, 1, false);
  return t.result();
}
