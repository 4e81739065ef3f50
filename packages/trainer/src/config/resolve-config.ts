/**
 * Filling a parsed config with everything the data, the model and the optimizer default to, so the
 * saved config names every value a run used. Unknown model / optimizer names and option keys are
 * errors naming them with the closest match.
 */
import { assertKnownKeys, describeUnknown } from '@gapkit/autodiff';
import { BN_SOFTMAX_GAMMA, LOGIT_L2_DEFAULT, MODELS, type ModelEntry } from '@gapkit/model-zoo';
import { defaultsOf, isSchedule } from '@gapkit/optimizers';
import { lookupOptimizer } from './optimizer-names.js';
import type { TrainConfig } from './train-config.js';

/** What the data tell the model: classes and input shape, or table sizes. */
export type DataShape =
  | { readonly kind: 'classifier'; readonly numClasses: number; readonly channels: number; readonly height: number; readonly width: number }
  | { readonly kind: 'recommender'; readonly numUsers: number; readonly numItems: number };

export function modelEntry(name: string): ModelEntry {
  const models = MODELS as Record<string, ModelEntry>;
  const e = models[name];
  if (!e) throw new RangeError(`unknown model ${describeUnknown(name, Object.keys(models))}; valid: ${Object.keys(models).join(', ')}`);
  return e;
}

function dataOptions(entry: ModelEntry, shape: DataShape): Record<string, unknown> {
  const defaults = entry.defaults as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  if (shape.kind === 'classifier') {
    out.numClasses = shape.numClasses;
    if ('inChannels' in defaults) out.inChannels = shape.channels;
    if ('inFeatures' in defaults) out.inFeatures = shape.channels * shape.height * shape.width;
  } else {
    out.numUsers = shape.numUsers;
    out.numItems = shape.numItems;
  }
  return out;
}

/** Every option of the model, the optimizer and the head spelled out. Idempotent. */
export function resolveTrainConfig(config: TrainConfig, shape: DataShape, stepsPerEpoch: number): TrainConfig {
  const entry = modelEntry(config.model.name);
  const wantKind = shape.kind;
  if (entry.kind !== wantKind) {
    throw new RangeError(
      `model '${config.model.name}' is a ${entry.kind}, but dataset '${config.dataset.name}' needs a ${wantKind} (${wantKind === 'recommender' ? 'ncf-gmf, ncf-mlp, neumf' : 'e.g. mlp, resnet, wrn'})`,
    );
  }
  const modelDefaults = entry.defaults as Record<string, unknown>;
  assertKnownKeys(`model '${entry.name}' options`, config.model.options, Object.keys(modelDefaults));
  const modelOptions = { ...structuredClone(modelDefaults), ...config.model.options, ...dataOptions(entry, shape) };

  const { entry: opt } = lookupOptimizer(config.optimizer.name);
  const optDefaults = defaultsOf(opt);
  assertKnownKeys(
    `optimizer '${config.optimizer.name}' hyperparameters`,
    config.optimizer.options,
    opt.hyperparameters.map((h) => h.key),
  );
  for (const [k, v] of Object.entries(config.optimizer.options)) {
    if (isSchedule(v)) throw new RangeError(`optimizer.options.${k}: give schedules with --schedule (the config's schedule section), not as a hyperparameter`);
    if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`optimizer.options.${k} must be finite, got ${v}`);
  }
  const optOptions: Record<string, unknown> = { ...structuredClone(optDefaults), ...config.optimizer.options };
  if (opt.name.endsWith('-lawn') && optOptions.freeSteps === undefined) optOptions.stepsPerEpoch = stepsPerEpoch;

  const head = { ...config.head };
  if (head.kind !== 'none' && shape.kind !== 'classifier') throw new RangeError(`head '${head.kind}' is for classifiers, not '${config.model.name}'`);
  if (head.kind === 'bn-softmax' && head.scale === undefined) {
    head.scale = shape.kind === 'classifier' && shape.numClasses >= 100 ? BN_SOFTMAX_GAMMA.cifar100 : BN_SOFTMAX_GAMMA.cifar10;
  }
  if (head.kind === 'logit-l2' && head.scale === undefined) head.scale = LOGIT_L2_DEFAULT;

  return { ...config, model: { name: entry.name, options: modelOptions }, optimizer: { ...config.optimizer, options: optOptions }, head };
}
