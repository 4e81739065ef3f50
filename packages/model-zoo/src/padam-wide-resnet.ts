/**
 * "WRN-16-4" as the Padam paper trained it (uclaml/Padam `models/wideresnet.py`,
 * `WResNet_cifar10(depth=16, multiplier=4)`, docs/models.md#wide-resnets). Despite the name it is **not** Zagoruyko's
 * pre-activation WRN: it is the post-activation CIFAR {@link ResNet} with a widened stem —
 * conv3×3 3→16k + BN, three stages of n = (depth − 4)/6 BasicBlocks at widths 16k/32k/64k (strides
 * 1/2/2), 1×1-conv + BN projection shortcuts, global average pooling (= 8×8 on CIFAR), linear 64k →
 * classes. Convs are drawn from N(0, 2/(k·k·out)) (He normal over fan-out), as in the reference.
 *
 * Depth: the reference computes n = ⌊(depth − 2)/6⌋, which equals (depth − 4)/6 for every depth of the
 * form 6n+4 (16 → 2 blocks per stage); we accept exactly those depths.
 *
 * Tags: as {@link ResNet} — `fc.weight` final-homogeneous, `fc.*` classifier.
 */
import type { Rng } from '@gapkit/autodiff';
import { countResNet, RESNET_DEFAULTS, ResNet, type ResNetOptions, resolveResNet } from './resnet.js';
import type { ParameterCount } from './tally.js';
import type { ClassifierOptions } from './types.js';
import { invalid, positiveInt, withDefaults } from './validate.js';

/** Options of Padam's WideResNet. */
export interface PadamWideResNetOptions extends ClassifierOptions {
  /** Nominal depth, of the form 6n+4 (16 → 2 blocks per stage). */
  readonly depth: number;
  /** Width multiplier k (integer in the reference): stem and stage widths 16k, 16k, 32k, 64k. */
  readonly multiplier: number;
  /** Input channels (3 for CIFAR). */
  readonly inChannels: number;
}

/** Padam's configuration: WRN-16-4, CIFAR-10. */
export const PADAM_WRN_DEFAULTS: PadamWideResNetOptions = { depth: 16, multiplier: 4, numClasses: 10, inChannels: 3 };

const WHERE = 'wrn-padam';

/** The equivalent generic ResNet options. */
export function padamWideResNetConfig(opts: Partial<PadamWideResNetOptions> = {}): ResNetOptions {
  const o = withDefaults(WHERE, PADAM_WRN_DEFAULTS, opts);
  if (!Number.isInteger(o.depth) || o.depth < 10 || (o.depth - 4) % 6 !== 0) {
    invalid(WHERE, 'depth', 'of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, …)', o.depth);
  }
  const k = positiveInt(WHERE, 'multiplier', o.multiplier);
  const n = (o.depth - 4) / 6;
  return {
    ...RESNET_DEFAULTS,
    blocks: [n, n, n],
    widths: [16 * k, 32 * k, 64 * k],
    stemWidth: 16 * k,
    numClasses: o.numClasses,
    inChannels: o.inChannels,
    convInit: 'he-fan-out',
  };
}

/** Builds Padam's WRN-depth-multiplier. */
export function padamWideResNet(opts: Partial<PadamWideResNetOptions>, rng: Rng): ResNet {
  return new ResNet(resolveResNet(padamWideResNetConfig(opts), WHERE), rng);
}

/** Parameter count of `padamWideResNet(opts)` from shapes alone. */
export function countPadamWideResNet(opts: Partial<PadamWideResNetOptions> = {}): ParameterCount {
  return countResNet(padamWideResNetConfig(opts));
}
