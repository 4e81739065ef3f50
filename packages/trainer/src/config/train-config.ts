/**
 * The trainer's config: a strict zod schema. Every field has its default here, written once; the
 * resolved config (after {@link resolveTrainConfig}) also fills the model's and optimizer's own
 * defaults, so a saved config repeats a run exactly.
 */
import { z } from 'zod';

/** Data sets the trainer knows; `digits` is embedded (no download), `synthetic-implicit` is generated. */
export const DATASET_NAMES = ['digits', 'mnist', 'cifar10', 'cifar100', 'movielens-100k', 'movielens-1m', 'synthetic-implicit'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Learning-rate schedule kinds (the optimizers' `ScheduleSpec` kinds that a run can choose). */
export const SCHEDULE_NAMES = ['constant', 'step', 'multi-step', 'cosine', 'cosine-restarts', 'warmup-linear'] as const;
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];

/**
 * Per-channel normalization of image pixels: `papers` (the published constants of the papers' code,
 * `@gapkit/data` normalization.ts) or `train-statistics` (mean and population std of every pixel of the
 * whole training split as loaded, before any subset — for the shared CIFAR-10 folder, the 10,000
 * images of `data_batch_1.bin`).
 */
export const NORMALIZATION_NAMES = ['papers', 'train-statistics'] as const;
export type NormalizationName = (typeof NORMALIZATION_NAMES)[number];

/** Heads on top of a classifier (ND-Adam paper §4: BN-softmax, logit L2 penalty). */
export const HEAD_NAMES = ['none', 'bn-softmax', 'logit-l2'] as const;

const int = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}]` })
    .min(min, { error: `${name} must be an integer in [${min}, ${max === Number.MAX_SAFE_INTEGER ? '∞' : max}]` })
    .max(max, { error: `${name} must be an integer in [${min}, ${max}]` });

const positive = (name: string) => z.number({ error: `${name} must be a number` }).positive({ error: `${name} must be > 0` });

/** The schedule applied to every learning rate of the optimizer (`lr`, and ND-Adam's `lrVector`). */
export const scheduleSchema = z
  .object({
    kind: z.enum(SCHEDULE_NAMES, { error: `schedule.kind must be one of ${SCHEDULE_NAMES.join(', ')}` }),
    /** Lengths are counted in epochs (default) or steps. */
    unit: z.enum(['epoch', 'step']).default('epoch'),
    /** step: decay factor γ every `every` units; multi-step: factor at each milestone. Default 0.1 (Padam's code). */
    gamma: positive('schedule.gamma (γ)').default(0.1),
    /** step: the period (units). */
    every: int('schedule.every', 1).optional(),
    /** multi-step: the units at which the rate is multiplied by γ. */
    milestones: z.array(int('schedule.milestones[i]', 0)).optional(),
    /** cosine / warmup-linear: the schedule's length (units); default the run's length. */
    total: int('schedule.total', 1).optional(),
    /** cosine, cosine-restarts: the floor η_min. Default 0. */
    min: z.number().min(0, { error: 'schedule.min (η_min) must be ≥ 0' }).default(0),
    /** cosine-restarts: first cycle length T₀ (units) and growth T_mult ≥ 1. */
    t0: int('schedule.t0 (T₀)', 1).optional(),
    tMult: z.number().min(1, { error: 'schedule.tMult (T_mult) must be ≥ 1' }).default(1),
    /** warmup-linear: warm-up length (units). */
    warmup: int('schedule.warmup', 0).optional(),
  })
  .strict();

const optionBag = z.record(z.string(), z.unknown());

export const trainConfigSchema = z
  .object({
    model: z
      .object({
        /** A `@gapkit/model-zoo` registry name. */
        name: z.string().min(1),
        /** Options passed to the builder on top of its defaults (resolved: every option). */
        options: optionBag.default({}),
      })
      .strict(),
    dataset: z
      .object({
        name: z.enum(DATASET_NAMES, { error: `dataset.name must be one of ${DATASET_NAMES.join(', ')}` }),
        /** Class-balanced subset of the training split (images); NCF files: the first N training positives and their users' test rows. Absent = all. */
        trainSize: int('dataset.trainSize', 1).optional(),
        /** Random crop (+ flip for CIFAR) on training images. */
        augment: z.boolean().default(false),
        /** NCF: negatives per positive in training (He et al. 2017: 4). */
        numNegatives: int('dataset.numNegatives', 0, 1000).default(4),
        /** NCF: cut-off K of HR@K / NDCG@K (He et al. 2017: 10). */
        topK: int('dataset.topK', 1, 100).default(10),
        /** Image classifiers: pixel normalization; absent = `papers` (the data set's published constants). */
        normalization: z.enum(NORMALIZATION_NAMES, { error: `dataset.normalization must be one of ${NORMALIZATION_NAMES.join(', ')}` }).optional(),
      })
      .strict(),
    optimizer: z
      .object({
        /** A `@gapkit/optimizers` registry name, or `adam-lawn` / `lamb-lawn` / `sgd-lawn`. */
        name: z.string().min(1),
        /** Hyperparameters on top of the registry defaults (resolved: every hyperparameter). */
        options: optionBag.default({}),
        /** Biases and normalization parameters get no weight decay (a second group). Default true. */
        noDecayOnNorms: z.boolean().default(true),
      })
      .strict(),
    schedule: scheduleSchema.default({ kind: 'constant', unit: 'epoch', gamma: 0.1, min: 0, tMult: 1 }),
    head: z
      .object({
        kind: z.enum(HEAD_NAMES, { error: `head.kind must be one of ${HEAD_NAMES.join(', ')}` }).default('none'),
        /** bn-softmax: γ_C (2.5 CIFAR-10, 1 CIFAR-100); logit-l2: λ_C (1e-3). Absent = the paper's value. */
        scale: positive('head.scale').optional(),
      })
      .strict()
      .default({ kind: 'none' }),
    epochs: int('epochs', 1, 100000).default(3),
    /** Stop after this many optimizer steps in all (counted across resumes). */
    maxSteps: int('maxSteps', 1).optional(),
    batchSize: int('batchSize', 1, 1 << 20).default(64),
    seed: int('seed', 0, 2 ** 31 - 1).default(1),
    /** Evaluate every N steps; 0 = at the end of every epoch. */
    evalEvery: int('evalEvery', 0).default(0),
    /**
     * Image classifiers: evaluations before the last step use only the first N test images (absent =
     * all); the final evaluation uses `finalTestSize`.
     */
    evalTestSize: int('evalTestSize', 1).optional(),
    /** Image classifiers: the final evaluation uses the first N test images (absent = all). */
    finalTestSize: int('finalTestSize', 1).optional(),
    /**
     * Image classifiers: every evaluation also reports `trainGradNorm`, the norm of the full-batch
     * gradient of the mean cross-entropy (no regularizer, no head penalty) over a fixed training
     * subset — the first N images of each class in data-set order, no augmentation, eval-mode BN
     * (SWD, Xie et al., NeurIPS 2023, arXiv:2011.11152, Figs. 2 and 4). Absent = not computed.
     */
    trainGradNormPerClass: int('trainGradNormPerClass', 1).optional(),
    /** Log a metrics line every N steps. */
    logEvery: int('logEvery', 1).default(10),
    /** Write a checkpoint every K steps (0 = only at the end of each epoch and of the run). */
    checkpointEvery: int('checkpointEvery', 0).default(0),
    /** How many step checkpoints to keep (the best one is kept apart). */
    keepLast: int('keepLast', 1, 1000).default(3),
    /**
     * Anomaly mode (`detectAnomaly` of `@gapkit/autodiff`) for the whole run: every op's output and
     * every gradient is checked, and the first NaN or ±Infinity names its op. Default false: without
     * it a failed step is re-run once with anomaly mode on to name the op.
     */
    detectAnomaly: z.boolean().default(false),
    /**
     * Parameter names or layer ids whose ‖Δw‖/‖w‖ and ‖w‖ are logged in every step line (`layers`),
     * beside the per-group values. Default none.
     */
    logLayers: z.array(z.string().min(1)).default([]),
    /** Compute backend name (see `gapkit backends`). */
    backend: z.string().min(1).default('auto'),
    /** Where the run came from (written by the CLI; ignored when read back). */
    provenance: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** A config as a user writes it (every default optional). */
export type TrainConfigInput = z.input<typeof trainConfigSchema>;
/** A config after defaults. */
export type TrainConfig = z.output<typeof trainConfigSchema>;
export type ScheduleConfig = z.output<typeof scheduleSchema>;
