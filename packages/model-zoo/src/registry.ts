/**
 * The model registry: every model and variant by kebab-case name, with its builder, an analytic
 * parameter count (no weights allocated), defaults and source. It drives `gapkit models` and the
 * trainer. Image models take NCHW input and return logits [N, classes]; recommenders take
 * `(users, items)` and return logits [N].
 */
import type { Rng } from '@gapkit/autodiff';
import { countMlp, MLP_DEFAULTS, type MlpOptions, mlp } from './mlp.js';
import {
  countGmf,
  countNcfMlp,
  countNeuMf,
  GMF_DEFAULTS,
  type GmfOptions,
  gmf,
  NCF_MLP_DEFAULTS,
  type NcfMlpOptions,
  type NcfTableOptions,
  NEUMF_DEFAULTS,
  type NeuMfOptions,
  ncfMlp,
  neuMf,
} from './ncf.js';
import { countNdAdamTfWideResNet, type NdAdamTfWideResNetOptions, ndAdamTfWideResNet, WRN_NDADAM_TF_DEFAULTS } from './ndadam-tf-wide-resnet.js';
import { countPadamWideResNet, PADAM_WRN_DEFAULTS, type PadamWideResNetOptions, padamWideResNet } from './padam-wide-resnet.js';
import {
  countResNet,
  RESNET_DEFAULTS,
  RESNET_PRESET_DEFAULTS,
  ResNet,
  type ResNetOptions,
  type ResNetPresetOptions,
  resnet,
  resnetPreset,
  resolveResNet,
} from './resnet.js';
import type { ParameterCount } from './tally.js';
import type { Classifier, ClassifierOptions, Recommender } from './types.js';
import { withDefaults } from './validate.js';
import { countVgg, VGG_DEFAULTS, type VggDepth, type VggOptions, vgg } from './vgg.js';
import { countWideResNet, ndAdamWideResNet, type WideResNetOptions, WRN_DEFAULTS, WRN_NDADAM_DEFAULTS, wideResNet } from './wide-resnet.js';

/** A named configuration worth listing (one the papers trained, or a small CPU version). */
export interface ModelVariant<O> {
  /** Human name, e.g. `WRN-28-10`. */
  readonly label: string;
  /** Options on top of the entry's defaults. */
  readonly options: Partial<O>;
}

interface EntryBase<O> {
  /** The registry key (kebab-case). */
  readonly name: string;
  /** One line: what the model is. */
  readonly description: string;
  /** Where the definition comes from (paper, repository file, spec section). */
  readonly source: string;
  /** The options `build({})` uses. */
  readonly defaults: Readonly<O>;
  /** Configurations listed by `gapkit models` (the first is the defaults). */
  readonly variants: readonly ModelVariant<O>[];
  /** Trainable parameters of `build(opts)`, computed from shapes without allocating weights. */
  count(opts?: Partial<O>): ParameterCount;
}

/** A registry entry for an image/vector classifier (logits [N, numClasses]). */
export interface ClassifierEntry<O extends ClassifierOptions = ClassifierOptions> extends EntryBase<O> {
  readonly kind: 'classifier';
  /** Builds the model; every random draw comes from `rng`. Throws a RangeError on bad options. */
  build(opts: Partial<O>, rng: Rng): Classifier;
}

/** A registry entry for an NCF recommender (logits [N]). */
export interface RecommenderEntry<O extends NcfTableOptions = NcfTableOptions> extends EntryBase<O> {
  readonly kind: 'recommender';
  /** Builds the model; every random draw comes from `rng`. Throws a RangeError on bad options. */
  build(opts: Partial<O>, rng: Rng): Recommender;
}

/** Any registry entry. */
export type ModelEntry = ClassifierEntry | RecommenderEntry;

/** Identity with a precise type: checks an entry against its own options type. */
function classifier<O extends ClassifierOptions>(e: ClassifierEntry<O>): ClassifierEntry<O> {
  return e;
}

/** Identity with a precise type: checks an entry against its own options type. */
function recommender<O extends NcfTableOptions>(e: RecommenderEntry<O>): RecommenderEntry<O> {
  return e;
}

const KUANGLIU = 'kuangliu/pytorch-cifar as used by Padam (uclaml/Padam) and SWD';

function resnetPresetEntry(depth: 18 | 34): ClassifierEntry<ResNetPresetOptions> {
  const where = `resnet${depth}`;
  return {
    name: where,
    kind: 'classifier',
    description: `ResNet-${depth} for CIFAR: post-activation BasicBlocks, widths 64/128/256/512 (knob: baseWidth)`,
    source: `${KUANGLIU}, models/resnet.py; docs/models.md`,
    defaults: RESNET_PRESET_DEFAULTS,
    variants: [{ label: `ResNet-${depth}`, options: {} }],
    build: (opts, rng) => new ResNet(resolveResNet(resnetPreset(depth, opts), where), rng),
    count: (opts = {}) => countResNet(resnetPreset(depth, opts)),
  };
}

function vggEntry(depth: VggDepth, name: string, extra: Partial<VggOptions>, description: string, source: string): ClassifierEntry<Omit<VggOptions, 'depth'>> {
  const { depth: _reference, ...rest } = VGG_DEFAULTS;
  const defaults: Omit<VggOptions, 'depth'> = { ...rest, ...extra };
  const withDepth = (opts: Partial<Omit<VggOptions, 'depth'>>): VggOptions => ({ ...withDefaults(name, defaults, opts), depth });
  const variants: ModelVariant<Omit<VggOptions, 'depth'>>[] = [{ label: `VGG-${depth}${extra.hidden?.length ? ` + ${extra.hidden.join('-')} FC` : ''} (BN)`, options: {} }];
  if (depth === 19) variants.push({ label: 'VGG-19 (no BN)', options: { batchNorm: false } });
  return {
    name,
    kind: 'classifier',
    description,
    source,
    defaults,
    variants,
    build: (opts, rng) => vgg(withDepth(opts), rng, name),
    count: (opts = {}) => countVgg(withDepth(opts)),
  };
}

/** Every model and variant, by name. */
export const MODELS = {
  resnet18: resnetPresetEntry(18),
  resnet34: resnetPresetEntry(34),
  resnet: classifier<ResNetOptions>({
    name: 'resnet',
    kind: 'classifier',
    description: 'CIFAR ResNet with free blocks per stage and widths (default ResNet-8: [1,1,1] at 16/32/64)',
    source: `${KUANGLIU}, models/resnet.py, generalized; docs/models.md`,
    defaults: RESNET_DEFAULTS,
    variants: [
      { label: 'ResNet-8 [1,1,1] 16/32/64', options: {} },
      { label: 'ResNet-20 [3,3,3] 16/32/64', options: { blocks: [3, 3, 3] } },
    ],
    build: (opts, rng) => resnet(opts, rng),
    count: (opts = {}) => countResNet(opts),
  }),
  wrn: classifier<WideResNetOptions>({
    name: 'wrn',
    kind: 'classifier',
    description: 'Wide ResNet WRN-d-k, standard pre-activation form (depth 6n+4, widenFactor k)',
    source: 'Zagoruyko & Komodakis 2016; zj10/ND-Adam pytorch/resnet.py without its changes; docs/models.md',
    defaults: WRN_DEFAULTS,
    variants: [
      { label: 'WRN-28-10', options: {} },
      { label: 'WRN-22-7.5', options: { depth: 22, widenFactor: 7.5 } },
      { label: 'WRN-16-4', options: { depth: 16, widenFactor: 4 } },
      { label: 'WRN-10-1 (CPU size)', options: { depth: 10, widenFactor: 1 } },
    ],
    build: (opts, rng) => wideResNet(opts, rng),
    count: (opts = {}) => countWideResNet(opts),
  }),
  'wrn-ndadam': classifier<WideResNetOptions>({
    name: 'wrn-ndadam',
    kind: 'classifier',
    description: 'WRN as ND-Adam trained it: BN scale fixed to 1, classifier = bias-free 1×1 conv + global average pool',
    source: 'zj10/ND-Adam pytorch/resnet.py, main.py; docs/papers/nd-adam.md, docs/models.md',
    defaults: WRN_NDADAM_DEFAULTS,
    variants: [
      { label: 'WRN-22-7.5', options: {} },
      { label: 'WRN-28-10', options: { depth: 28, widenFactor: 10 } },
      { label: 'WRN-10-1 (CPU size)', options: { depth: 10, widenFactor: 1 } },
    ],
    build: (opts, rng) => ndAdamWideResNet(opts, rng),
    count: (opts = {}) => countWideResNet(opts, WRN_NDADAM_DEFAULTS),
  }),
  'wrn-ndadam-tf': classifier<NdAdamTfWideResNetOptions>({
    name: 'wrn-ndadam-tf',
    kind: 'classifier',
    description: 'WRN as the ND-Adam TF code trained it: leaky ReLU 0.1, avg-pool + zero-pad shortcuts, BN scale 1, 1×1-conv classifier, BN-softmax',
    source: 'zj10/ND-Adam resnet_model.py (TF ResNet of Wu 2016); ND-Adam paper Table 1; docs/papers/nd-adam.md, docs/models.md',
    defaults: WRN_NDADAM_TF_DEFAULTS,
    variants: [
      { label: 'WRN-22-7.5 + BN-softmax', options: {} },
      { label: 'WRN-10-1 (CPU size)', options: { depth: 10, widenFactor: 1 } },
    ],
    build: (opts, rng) => ndAdamTfWideResNet(opts, rng),
    count: (opts = {}) => countNdAdamTfWideResNet(opts),
  }),
  'wrn-padam': classifier<PadamWideResNetOptions>({
    name: 'wrn-padam',
    kind: 'classifier',
    description: "Padam's \"WRN-16-4\": post-activation ResNet, 64-wide stem, widths 16k/32k/64k, He fan-out init",
    source: 'uclaml/Padam models/wideresnet.py (WResNet_cifar10, depth 16, multiplier 4); docs/models.md',
    defaults: PADAM_WRN_DEFAULTS,
    variants: [
      { label: 'WRN-16-4 (Padam)', options: {} },
      { label: 'WRN-10-1 (CPU size)', options: { depth: 10, multiplier: 1 } },
    ],
    build: (opts, rng) => padamWideResNet(opts, rng),
    count: (opts = {}) => countPadamWideResNet(opts),
  }),
  vgg11: vggEntry(11, 'vgg11', {}, 'VGG-11 for CIFAR: 8 convs with BN, one FC (knob: baseWidth)', `${KUANGLIU}, models/vgg.py; docs/models.md`),
  vgg13: vggEntry(13, 'vgg13', {}, 'VGG-13 for CIFAR: 10 convs with BN, one FC (knob: baseWidth)', `${KUANGLIU}, models/vgg.py; docs/models.md`),
  vgg16: vggEntry(16, 'vgg16', {}, 'VGG-16 for CIFAR: 13 convs with BN, one FC (knob: baseWidth)', `${KUANGLIU}, models/vgg.py; docs/models.md`),
  vgg19: vggEntry(
    19,
    'vgg19',
    {},
    'VGG-19 for CIFAR: 16 convs with BN (batchNorm: false drops it), one FC (knob: baseWidth)',
    `${KUANGLIU}, models/vgg.py; LAWN's "VGG-19 with 1 fully connected final layer"; docs/models.md`,
  ),
  'vgg16-2fc': vggEntry(
    16,
    'vgg16-2fc',
    { hidden: [512, 512] },
    'VGG-16 with BN and two 512-unit ReLU FC layers before the classifier',
    'Padam paper text, footnote 6 ("two FC layers … 512 nodes"; its code has one FC); docs/models.md',
  ),
  'ncf-gmf': recommender<GmfOptions>({
    name: 'ncf-gmf',
    kind: 'recommender',
    description: 'NCF generalized matrix factorization: p_u ⊙ q_i → linear (factors 8)',
    source: 'hexiangnan/neural_collaborative_filtering GMF.py; docs/models.md',
    defaults: GMF_DEFAULTS,
    variants: [
      { label: 'MovieLens-100k, 8 factors', options: {} },
      { label: 'MovieLens-1M, 8 factors', options: { numUsers: 6040, numItems: 3706 } },
    ],
    build: (opts, rng) => gmf(opts, rng),
    count: (opts = {}) => countGmf(opts),
  }),
  'ncf-mlp': recommender<NcfMlpOptions>({
    name: 'ncf-mlp',
    kind: 'recommender',
    description: "NCF MLP over user/item embeddings (32 each), ReLU tower 32-16-8 → 1: LAWN's 3-layer MLP",
    source: 'hexiangnan/neural_collaborative_filtering MLP.py (layers [64,32,16,8]); LAWN §4.3; docs/models.md',
    defaults: NCF_MLP_DEFAULTS,
    variants: [
      { label: 'MovieLens-100k, [64,32,16,8]', options: {} },
      { label: 'MovieLens-1M, [64,32,16,8]', options: { numUsers: 6040, numItems: 3706 } },
    ],
    build: (opts, rng) => ncfMlp(opts, rng),
    count: (opts = {}) => countNcfMlp(opts),
  }),
  neumf: recommender<NeuMfOptions>({
    name: 'neumf',
    kind: 'recommender',
    description: 'NeuMF: GMF (8 factors) and MLP (32-d embeddings, tower 32-16-8) branches → one linear',
    source: 'hexiangnan/neural_collaborative_filtering NeuMF.py; docs/models.md',
    defaults: NEUMF_DEFAULTS,
    variants: [
      { label: 'MovieLens-100k', options: {} },
      { label: 'MovieLens-1M', options: { numUsers: 6040, numItems: 3706 } },
    ],
    build: (opts, rng) => neuMf(opts, rng),
    count: (opts = {}) => countNeuMf(opts),
  }),
  mlp: classifier<MlpOptions>({
    name: 'mlp',
    kind: 'classifier',
    description: 'Plain ReLU MLP for MNIST-sized demos (default 784 → 100 → 10)',
    source: 'gapkit (demo model)',
    defaults: MLP_DEFAULTS,
    variants: [{ label: '784-100-10', options: {} }],
    build: (opts, rng) => mlp(opts, rng),
    count: (opts = {}) => countMlp(opts),
  }),
} as const satisfies Record<string, ModelEntry>;

/** A registry key. */
export type ModelName = keyof typeof MODELS;

/** Registry keys in listing order. */
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

/** The entry named `name`; throws naming the known models otherwise. */
export function getModel(name: string): ModelEntry {
  if (!Object.hasOwn(MODELS, name)) {
    throw new RangeError(`unknown model '${name}' (known: ${MODEL_NAMES.join(', ')})`);
  }
  return MODELS[name as ModelName];
}
