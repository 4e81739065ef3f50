/**
 * ResNet for CIFAR as the Padam and SWD papers trained it (kuangliu/pytorch-cifar `models/resnet.py`,
 * docs/models.md#resnets): a 3×3 stem conv + BN + ReLU (no max-pool), stages of post-activation BasicBlocks
 * (conv3×3-BN-ReLU-conv3×3-BN, add, ReLU), a 1×1-conv + BN projection shortcut where the stride or width
 * changes, global average pooling (= the 4×4 average pool on 32×32 inputs) and one linear classifier
 * with bias. Convs carry no bias. The generic builder takes the blocks per stage and the widths, so a
 * ResNet-8 is `{ blocks: [1, 1, 1], widths: [16, 32, 64] }`.
 *
 * Tags: `fc.weight` final-homogeneous (the only layer after the last BN); `fc.weight`, `fc.bias`
 * classifier. Every conv kernel (3×3 and 1×1 shortcuts) has unitAxes [1, 2, 3], `fc.weight` [1].
 */
import {
  addRelu,
  BatchNorm2d,
  Conv2d,
  globalAvgPool2d,
  kaimingNormal,
  Linear,
  Module,
  type Rng,
  type Tensor,
  type WeightInit,
} from '@gapkit/autodiff';
import { addChild, finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import type { ClassifierOptions } from './types.js';
import { invalid, positiveInt, positiveIntList, withDefaults } from './validate.js';

/** How conv kernels are initialized. */
export type ConvInit = 'default' | 'he-fan-out';

/** Options of the generic CIFAR ResNet. */
export interface ResNetOptions extends ClassifierOptions {
  /** Residual blocks per stage (ResNet-18: [2, 2, 2, 2]). */
  readonly blocks: readonly number[];
  /** Output channels per stage (ResNet-18: [64, 128, 256, 512]); stage 1 has stride 1, the rest 2. */
  readonly widths: readonly number[];
  /** Channels of the stem conv; 0 means `widths[0]`. */
  readonly stemWidth: number;
  /** Input channels (3 for CIFAR, 1 for MNIST). */
  readonly inChannels: number;
  /**
   * Conv kernels: `'default'` keeps the Conv2d layer's initializer; `'he-fan-out'` draws
   * N(0, 2/(k·k·out)) (Padam's WideResNet code).
   */
  readonly convInit: ConvInit;
  /**
   * A constant BN scale γ instead of a trainable one (0 = trainable, the default). ND-Adam §4 studies
   * the logits with γ fixed at 1 (Zhang et al., "Normalized Direction-preserving Adam", arXiv:1709.04546;
   * docs/papers/nd-adam.md), as its WRN does (wide-resnet.ts `fixedBnScale`).
   */
  readonly fixedBnScale: number;
}

/** ResNet-8 at CIFAR-10 size: small enough to train on two CPU cores. */
export const RESNET_DEFAULTS: ResNetOptions = {
  blocks: [1, 1, 1],
  widths: [16, 32, 64],
  stemWidth: 0,
  numClasses: 10,
  inChannels: 3,
  convInit: 'default',
  fixedBnScale: 0,
};

/** He normal over fan-out, N(0, 2/(k·k·out)): Padam's `init_model`. */
const heFanOut: WeightInit = (shape, rng) => kaimingNormal(shape, rng, { mode: 'fanOut' });

/** The Conv2d `init` option for a {@link ConvInit} (undefined = the layer default). */
export function convInitFn(convInit: ConvInit): WeightInit | undefined {
  return convInit === 'he-fan-out' ? heFanOut : undefined;
}

/** A fully validated configuration. */
export interface ResolvedResNet extends ResNetOptions {
  readonly stages: ReadonlyArray<{ readonly blocks: number; readonly width: number; readonly stride: number }>;
}

/** Fills defaults and validates; throws a RangeError naming the bad argument. */
export function resolveResNet(opts: Partial<ResNetOptions> = {}, where = 'resnet'): ResolvedResNet {
  const o = withDefaults(where, RESNET_DEFAULTS, opts);
  positiveIntList(where, 'blocks', o.blocks);
  positiveIntList(where, 'widths', o.widths);
  if (o.blocks.length !== o.widths.length) {
    invalid(where, 'blocks', `a list as long as widths (${o.widths.length} stages)`, o.blocks);
  }
  if (!Number.isInteger(o.stemWidth) || o.stemWidth < 0) invalid(where, 'stemWidth', 'a positive integer (0 = widths[0])', o.stemWidth);
  positiveInt(where, 'numClasses', o.numClasses);
  positiveInt(where, 'inChannels', o.inChannels);
  if (o.convInit !== 'default' && o.convInit !== 'he-fan-out') invalid(where, 'convInit', "'default' or 'he-fan-out'", o.convInit);
  if (!(Number.isFinite(o.fixedBnScale) && o.fixedBnScale >= 0)) invalid(where, 'fixedBnScale', 'a finite number ≥ 0 (0 = trainable scale)', o.fixedBnScale);
  const stemWidth = o.stemWidth === 0 ? o.widths[0] : o.stemWidth;
  const stages = o.blocks.map((blocks, i) => ({ blocks, width: o.widths[i], stride: i === 0 ? 1 : 2 }));
  return { ...o, stemWidth, stages };
}

/** A BN layer with a trainable scale, or the constant `fixedScale` when it is > 0. */
function makeBn(channels: number, fixedScale: number): BatchNorm2d {
  return fixedScale > 0 ? new BatchNorm2d(channels, { fixedScale }) : new BatchNorm2d(channels);
}

/** The 1×1 conv + BN projection on the shortcut path. */
export class Projection extends Module {
  readonly conv: Conv2d;
  readonly bn: BatchNorm2d;

  constructor(inChannels: number, outChannels: number, stride: number, rng: Rng, init?: WeightInit, fixedBnScale = 0) {
    super();
    this.conv = new Conv2d(inChannels, outChannels, 1, rng, { stride, bias: false, init });
    this.bn = makeBn(outChannels, fixedBnScale);
  }

  forward(x: Tensor): Tensor {
    return this.bn.forward(this.conv.forward(x));
  }
}

/** Post-activation basic block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)). */
export class BasicBlock extends Module {
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  /** Null when input and output have the same shape (identity shortcut). */
  readonly shortcut: Projection | null;

  /** `init`: the conv kernels' initializer (undefined = the Conv2d default); `fixedBnScale` > 0: constant BN scales. */
  constructor(inChannels: number, outChannels: number, stride: number, rng: Rng, init?: WeightInit, fixedBnScale = 0) {
    super();
    this.conv1 = new Conv2d(inChannels, outChannels, 3, rng, { stride, padding: 1, bias: false, init });
    this.bn1 = makeBn(outChannels, fixedBnScale);
    this.conv2 = new Conv2d(outChannels, outChannels, 3, rng, { stride: 1, padding: 1, bias: false, init });
    this.bn2 = makeBn(outChannels, fixedBnScale);
    this.shortcut = stride !== 1 || inChannels !== outChannels ? new Projection(inChannels, outChannels, stride, rng, init, fixedBnScale) : null;
  }

  forward(x: Tensor): Tensor {
    const y = this.bn2.forward(this.conv2.forward(this.bn1.forwardRelu(this.conv1.forward(x))));
    return addRelu(y, this.shortcut ? this.shortcut.forward(x) : x);
  }
}

/** The CIFAR ResNet. Stages are fields `layer1`, `layer2`, … (arrays of blocks), as in PyTorch. */
export class ResNet extends Module {
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly #stages: BasicBlock[][] = [];
  // `declare`: defined in the constructor after the stages, so parameters are listed in forward order.
  declare readonly fc: Linear;
  /** The resolved configuration this model was built from. */
  declare readonly config: ResolvedResNet;

  constructor(config: ResolvedResNet, rng: Rng) {
    super();
    const init = convInitFn(config.convInit);
    this.conv1 = new Conv2d(config.inChannels, config.stemWidth, 3, rng, { stride: 1, padding: 1, bias: false, init });
    this.bn1 = makeBn(config.stemWidth, config.fixedBnScale);
    let inC = config.stemWidth;
    config.stages.forEach((stage, i) => {
      const blocks: BasicBlock[] = [];
      for (let b = 0; b < stage.blocks; b++) {
        blocks.push(new BasicBlock(inC, stage.width, b === 0 ? stage.stride : 1, rng, init, config.fixedBnScale));
        inC = stage.width;
      }
      addChild(this, `layer${i + 1}`, blocks);
      this.#stages.push(blocks);
    });
    Object.defineProperty(this, 'fc', { value: new Linear(inC, config.numClasses, rng, { bias: true }), enumerable: true });
    Object.defineProperty(this, 'config', { value: config, enumerable: false });
    markFinalHomogeneous(this.fc);
    markClassifier(this.fc);
    finalizeNames(this);
  }

  /** x: [N, inChannels, H, W] → logits [N, numClasses]. */
  forward(x: Tensor): Tensor {
    let h = this.bn1.forwardRelu(this.conv1.forward(x));
    for (const stage of this.#stages) for (const block of stage) h = block.forward(h);
    return this.fc.forward(globalAvgPool2d(h));
  }
}

/** Builds a CIFAR ResNet (defaults: ResNet-8, 16/32/64, 10 classes). */
export function resnet(opts: Partial<ResNetOptions>, rng: Rng): ResNet {
  return new ResNet(resolveResNet(opts), rng);
}

/** Parameter count of `resnet(opts)` from shapes alone. */
export function countResNet(opts: Partial<ResNetOptions> = {}): ParameterCount {
  const c = resolveResNet(opts);
  const fixed = c.fixedBnScale > 0;
  const t = new ParameterTally().conv(c.inChannels, c.stemWidth, 3, false).batchNorm(c.stemWidth, fixed);
  let inC = c.stemWidth;
  for (const stage of c.stages) {
    for (let b = 0; b < stage.blocks; b++) {
      const stride = b === 0 ? stage.stride : 1;
      t.conv(inC, stage.width, 3, false).batchNorm(stage.width, fixed);
      t.conv(stage.width, stage.width, 3, false).batchNorm(stage.width, fixed);
      if (stride !== 1 || inC !== stage.width) t.conv(inC, stage.width, 1, false).batchNorm(stage.width, fixed);
      inC = stage.width;
    }
  }
  return t.linear(inC, c.numClasses, true).result();
}

/** Options of the named ResNet-18/34: the class count, input channels and a width knob. */
export interface ResNetPresetOptions extends ClassifierOptions {
  /** Input channels (3 for CIFAR). */
  readonly inChannels: number;
  /** Width of the first stage; the stages are base × [1, 2, 4, 8] (64 in the reference). */
  readonly baseWidth: number;
}

/** ResNet-18/34 defaults: the reference widths, CIFAR-10. */
export const RESNET_PRESET_DEFAULTS: ResNetPresetOptions = { numClasses: 10, inChannels: 3, baseWidth: 64 };

/** Blocks per stage of the named ResNets. */
export const RESNET_BLOCKS = { 18: [2, 2, 2, 2], 34: [3, 4, 6, 3] } as const;

/** The generic options of ResNet-18 or ResNet-34 with the given knobs. */
export function resnetPreset(depth: 18 | 34, opts: Partial<ResNetPresetOptions> = {}): ResNetOptions {
  const where = `resnet${depth}`;
  const o = withDefaults(where, RESNET_PRESET_DEFAULTS, opts);
  const base = positiveInt(where, 'baseWidth', o.baseWidth);
  return {
    ...RESNET_DEFAULTS,
    blocks: RESNET_BLOCKS[depth],
    widths: [base, 2 * base, 4 * base, 8 * base],
    numClasses: o.numClasses,
    inChannels: o.inChannels,
  };
}
