/**
 * The training loop over steps and epochs, for a classifier or an NCF recommender. Deterministic
 * given the config and the data: every random draw comes from a named stream (rng-streams.ts), and
 * the state between two steps — weights, BN buffers, optimizer state, schedule clock, epoch and
 * position in it, every stream — is what `checkpoint/capture.ts` saves, so a resumed run continues
 * bit for bit. Files, clocks and printing belong to the caller (listener callbacks).
 */
import { selectImages, type ImageDataset } from '@gapkit/data';
import { AnomalyError, BatchNormBase, detectAnomaly, isAnomalyDetectionEnabled, type Module, type RngState, setAnomalyDetection, type Tensor } from '@gapkit/autodiff';
import { type AnyOptimizer, OptimizerError } from '@gapkit/optimizers';
import { buildModel, type BuiltModel } from './build-model.js';
import { buildOptimizer } from './build-optimizer.js';
import { withSchedule } from './config/lr-schedule.js';
import { type DataShape, resolveTrainConfig } from './config/resolve-config.js';
import type { TrainConfig } from './config/train-config.js';
import { evaluateClassifier } from './metrics/evaluate-classifier.js';
import { evaluateNcf } from './metrics/evaluate-ncf.js';
import { firstPerClass, fullBatchGradientNorm } from './metrics/train-gradient-norm.js';
import { LayerSteps } from './metrics/layer-steps.js';
import { type EvalRecord, type StepRecord, stepRecord } from './metrics/records.js';
import { type NonFiniteDetails, NonFiniteError, optimizerFailure } from './non-finite-error.js';
import { type RngStreams, rngStreams } from './rng-streams.js';
import { ClassifierTask } from './tasks/classifier-task.js';
import { NcfTask } from './tasks/ncf-task.js';
import type { TaskData } from './tasks/task-data.js';
import { StepSnapshot } from './step-snapshot.js';

/** What a run does with a step whose loss or gradient is not finite: the optimizer's `nonFinite`. */
export type NonFinitePolicy = 'error' | 'skip';

/** A step's forward/backward: its loss, or what was not finite. */
type Attempt = { readonly ok: true; readonly loss: number; readonly logitNorm: number } | { readonly ok: false; readonly failure: Omit<NonFiniteDetails, 'anomaly'> };

/** BatchNorm's own guard says this when a training batch has non-finite statistics. */
const BN_NON_FINITE = /non-finite statistics/;

/** Why a checkpoint is offered. */
export type CheckpointReason = 'every' | 'epoch' | 'final';

export interface TrainerListener {
  onStep?(r: StepRecord): void;
  onEval?(r: EvalRecord): void;
  /** Called between steps when a checkpoint is due; capture it with `captureCheckpoint(trainer)`. */
  onCheckpoint?(reason: CheckpointReason): void;
}

function dataShape(data: TaskData): DataShape {
  if (data.kind === 'recommender') return { kind: 'recommender', numUsers: data.numUsers, numItems: data.numItems };
  const t = data.train;
  return { kind: 'classifier', numClasses: t.classNames.length, channels: t.channels, height: t.height, width: t.width };
}

function batchesPer(examples: number, batchSize: number): number {
  return Math.ceil(examples / batchSize);
}

export class Trainer {
  /** The fully resolved config (every default spelled out). */
  readonly config: TrainConfig;
  readonly built: BuiltModel;
  readonly optimizer: AnyOptimizer;
  readonly streams: RngStreams;
  readonly task: ClassifierTask | NcfTask;
  readonly stepsPerEpoch: number;
  /** Steps this run stops after: min(maxSteps, epochs · stepsPerEpoch). */
  readonly totalSteps: number;
  /** Optimizer steps taken (across resumes). */
  step = 0;
  /** 0-based epoch in progress, and batches of it already taken. */
  epoch = 0;
  position = 0;
  /** The shuffle and negatives streams as they were when the current epoch was planned. */
  epochStart: { shuffle: RngState; negatives: RngState } | null = null;
  private plan: Int32Array[] | null = null;
  /** Wall-clock milliseconds spent in training steps (data, forward, backward, update) since the last step line. */
  private trainMsSinceLog = 0;
  private examplesSinceLog = 0;
  /** Steps skipped for a non-finite loss before the optimizer saw them (`skip`); the optimizer counts its own. */
  lossSkips = 0;
  /** `skip` skips a non-finite step and counts it; `error` stops the run (config `optimizer.options.nonFinite`). */
  readonly nonFinite: NonFinitePolicy;
  private readonly snapshot: StepSnapshot;
  private readonly layerSteps: LayerSteps;

  readonly data: TaskData;
  /** Classifiers: the test images of the evaluations before the last step, of the final one, and the gradient-norm subset. */
  private readonly evalSets: { readonly epoch: ImageDataset; readonly final: ImageDataset; readonly gradNorm: ImageDataset | null } | null;

  constructor(config: TrainConfig, data: TaskData) {
    this.data = data;
    this.streams = rngStreams(config.seed);
    const examples = data.kind === 'classifier' ? data.train.n : data.train.n * (1 + config.dataset.numNegatives);
    this.stepsPerEpoch = batchesPer(examples, config.batchSize);
    this.config = resolveTrainConfig(config, dataShape(data), this.stepsPerEpoch);
    this.totalSteps = Math.min(this.config.maxSteps ?? Number.POSITIVE_INFINITY, this.config.epochs * this.stepsPerEpoch);
    this.built = buildModel(this.config, this.streams.init);
    if (data.kind === 'classifier') {
      const logitL2 = this.config.head.kind === 'logit-l2' ? (this.config.head.scale ?? 0) : 0;
      this.task = new ClassifierTask(data, this.config.batchSize, this.config.dataset.augment, logitL2, this.streams);
    } else {
      this.task = new NcfTask(data, this.config.batchSize, this.config.dataset.numNegatives);
    }
    const s = this.config.schedule;
    const runLength = s.unit === 'epoch' ? this.config.epochs : this.config.epochs * this.stepsPerEpoch;
    const options = withSchedule(this.config.optimizer.options, s, this.stepsPerEpoch, runLength);
    this.optimizer = buildOptimizer(this.config.optimizer.name, this.model.parameters(), options, this.config.optimizer.noDecayOnNorms);
    this.nonFinite = this.config.optimizer.options.nonFinite === 'skip' ? 'skip' : 'error';
    // BatchNorm's batch guard follows the run's policy: 'error' throws naming the layer, 'skip' leaves
    // the running statistics alone and lets the step guard below skip the step.
    for (const [, m] of this.model.namedModules()) if (m instanceof BatchNormBase) m.nonFinite = this.nonFinite === 'skip' ? 'skip' : 'throw';
    this.snapshot = new StepSnapshot(this.model, this.streams.augment);
    this.layerSteps = new LayerSteps(this.config.logLayers, this.model.parameters());
    this.evalSets = data.kind === 'classifier' ? classifierEvalSets(this.config, data.train, data.test) : null;
  }

  /** Steps skipped for a non-finite loss or gradient so far (across resumes). */
  get skippedSteps(): number {
    return this.lossSkips + this.optimizer.skippedSteps;
  }

  get model(): Module {
    return this.built.model;
  }

  get done(): boolean {
    return this.step >= this.totalSteps;
  }

  /** Rebuilds the plan of the epoch in progress (after a restore). */
  replanFromEpochStart(): void {
    if (!this.epochStart) {
      this.plan = null;
      return;
    }
    this.streams.shuffle.setState(this.epochStart.shuffle);
    this.streams.negatives.setState(this.epochStart.negatives);
    this.plan = this.task.planEpoch(this.streams);
  }

  /** Trains until `totalSteps` (or `until`, if smaller), calling the listener along the way. */
  run(listener: TrainerListener = {}, until = this.totalSteps): void {
    const anomalyBefore = isAnomalyDetectionEnabled();
    if (this.config.detectAnomaly) setAnomalyDetection(true);
    try {
      this.loop(listener, until);
    } finally {
      setAnomalyDetection(anomalyBefore);
      this.optimizer.trackDiagnostics(false);
    }
  }

  private loop(listener: TrainerListener, until: number): void {
    const stop = Math.min(until, this.totalSteps);
    const logEvery = this.config.logEvery;
    const evalEvery = this.config.evalEvery;
    const ckptEvery = this.config.checkpointEvery;
    this.trainMsSinceLog = 0;
    this.examplesSinceLog = 0;
    while (this.step < stop) {
      const started = now();
      if (!this.plan) {
        this.epochStart = { shuffle: this.streams.shuffle.getState(), negatives: this.streams.negatives.getState() };
        this.plan = this.task.planEpoch(this.streams);
      }
      const indices = this.plan[this.position];
      const next = this.step + 1;
      const log = next % logEvery === 0 || next === this.totalSteps;
      this.snapshot.take();
      this.optimizer.trackDiagnostics(log);
      const r = this.attemptOrStop(indices, next);
      let layers: ReturnType<LayerSteps['after']> | undefined;
      let skipped = !r.ok;
      if (r.ok) {
        if (log && !this.layerSteps.empty) this.layerSteps.before();
        const skippedBefore = this.optimizer.skippedSteps;
        try {
          this.optimizer.step();
        } catch (e) {
          if (!(e instanceof OptimizerError)) throw e;
          this.fail(indices, next, optimizerFailure(e));
        }
        if (log && !this.layerSteps.empty) layers = this.layerSteps.after();
        if (this.optimizer.skippedSteps !== skippedBefore) {
          skipped = true;
          this.snapshot.restoreBuffers();
        }
      } else if (this.nonFinite === 'skip') {
        // Skipped: the batch is consumed, nothing of it is applied (BN statistics put back).
        this.snapshot.restoreBuffers();
        this.optimizer.zeroGrad();
        this.lossSkips++;
      } else this.fail(indices, next, r.failure);
      this.step = next;
      this.position++;
      this.examplesSinceLog += indices.length;
      this.trainMsSinceLog += now() - started;
      let epochEnded = false;
      if (this.position >= this.plan.length) {
        this.epoch++;
        this.position = 0;
        this.plan = null;
        this.epochStart = null;
        epochEnded = true;
      }
      if (log) {
        const d = this.optimizer.diagnostics();
        const seconds = Math.max(1e-9, this.trainMsSinceLog / 1000);
        const loss = r.ok ? r.loss : Number.NaN;
        const logitNorm = r.ok ? r.logitNorm : Number.NaN;
        const at = { step: next, epoch: this.step / this.stepsPerEpoch, loss, logitNorm, examplesPerSecond: this.examplesSinceLog / seconds, skippedSteps: this.skippedSteps };
        if (d) listener.onStep?.(skipped ? skippedRecord(stepRecord(d, at)) : stepRecord(d, at, layers));
        this.trainMsSinceLog = 0;
        this.examplesSinceLog = 0;
      }
      if (evalEvery > 0 ? next % evalEvery === 0 || next === this.totalSteps : epochEnded || next === this.totalSteps) {
        listener.onEval?.(this.evaluate(next === this.totalSteps));
      }
      if (next === this.totalSteps) listener.onCheckpoint?.('final');
      else if (ckptEvery > 0 && next % ckptEvery === 0) listener.onCheckpoint?.('every');
      else if (epochEnded) listener.onCheckpoint?.('epoch');
    }
  }

  /**
   * Zero the gradients, forward, loss check, backward. The gradients are checked once, by the
   * optimizer's atomic step (error naming tensor, index and step, or a counted skip). Anomaly errors
   * pass through; BatchNorm's batch guard is a failure.
   */
  private attempt(indices: Int32Array): Attempt {
    this.optimizer.zeroGrad();
    let r: { loss: number; logitNorm: number; lossTensor: Tensor };
    try {
      r = this.forwardBackward(indices);
    } catch (e) {
      if (e instanceof RangeError && BN_NON_FINITE.test(e.message)) return { ok: false, failure: { source: 'batch-norm', tensor: 'batch-norm', value: Number.NaN, cause: e.message } };
      throw e;
    }
    if (!Number.isFinite(r.loss)) return { ok: false, failure: { source: 'loss', tensor: 'loss', value: r.loss } };
    r.lossTensor.backward();
    return { ok: true, loss: r.loss, logitNorm: r.logitNorm };
  }

  /** `attempt`, where an AnomalyError (`detectAnomaly: true`) stops the run like any non-finite step. */
  private attemptOrStop(indices: Int32Array, step: number): Attempt {
    try {
      return this.attempt(indices);
    } catch (e) {
      if (!(e instanceof AnomalyError)) throw e;
      this.snapshot.restore();
      this.optimizer.zeroGrad();
      throw new NonFiniteError(step, { source: 'anomaly', tensor: e.report.op, value: e.report.value, index: e.report.index, anomaly: e.report, anomalyMessage: e.message });
    }
  }

  private forwardBackward(indices: Int32Array): { loss: number; logitNorm: number; lossTensor: Tensor } {
    if (this.built.kind === 'classifier' && this.task instanceof ClassifierTask) return this.task.forwardBackward(this.built.model, indices);
    if (this.built.kind === 'recommender' && this.task instanceof NcfTask) return this.task.forwardBackward(this.built.model, indices);
    throw new Error('Trainer: model and task kinds disagree');
  }

  /**
   * Stops the run at a failed step: undoes what its forward/backward changed (streams, BN buffers),
   * re-runs it once with anomaly mode on to name the op (unless anomaly mode already ran it), undoes
   * that too, and throws. The weights and the optimizer were never touched (its step is atomic).
   */
  private fail(indices: Int32Array, step: number, failure: Omit<NonFiniteDetails, 'anomaly'>): never {
    this.snapshot.restore();
    let anomaly: AnomalyError | null = null;
    if (!isAnomalyDetectionEnabled()) {
      try {
        detectAnomaly(() => this.attempt(indices));
      } catch (e) {
        if (!(e instanceof AnomalyError)) throw e;
        anomaly = e;
      }
      this.snapshot.restore();
    }
    this.optimizer.zeroGrad();
    throw new NonFiniteError(step, { ...failure, anomaly: anomaly?.report ?? null, anomalyMessage: anomaly?.message });
  }
  /**
   * The test-split metrics now (no training stream is touched). Classifiers: on the first
   * `finalTestSize` test images when `final` (default), else the first `evalTestSize`; with
   * `trainGradNormPerClass`, also the full-batch gradient norm over that training subset.
   */
  evaluate(final = true): EvalRecord {
    const at = { type: 'eval', step: this.step, epoch: this.step / this.stepsPerEpoch, split: 'test' } as const;
    if (this.built.kind === 'classifier' && this.data.kind === 'classifier' && this.evalSets) {
      const test = final ? this.evalSets.final : this.evalSets.epoch;
      const e = evaluateClassifier(this.built.model, test, this.data.normalization);
      const g = this.evalSets.gradNorm;
      const trainGradNorm = g ? { trainGradNorm: fullBatchGradientNorm(this.built.model, g, this.data.normalization) } : {};
      return { ...at, loss: e.loss, accuracy: e.accuracy, ece: e.ece, logitNorm: e.logitNorm, n: e.n, ...trainGradNorm };
    }
    if (this.built.kind === 'recommender' && this.data.kind === 'recommender') {
      const e = evaluateNcf(this.built.model, this.data.testSet, this.config.dataset.topK);
      return { ...at, hitRate: e.hitRate, ndcg: e.ndcg, k: e.k };
    }
    throw new Error('Trainer: model and data kinds disagree');
  }
}

/** The first N images of a split (all when N is absent or not smaller). */
function firstImages(ds: ImageDataset, n: number | undefined): ImageDataset {
  return n === undefined || n >= ds.n ? ds : selectImages(ds, Array.from({ length: n }, (_, i) => i));
}

function classifierEvalSets(c: TrainConfig, train: ImageDataset, test: ImageDataset) {
  const perClass = c.trainGradNormPerClass;
  return { epoch: firstImages(test, c.evalTestSize), final: firstImages(test, c.finalTestSize), gradNorm: perClass === undefined ? null : firstPerClass(train, perClass) };
}

/** A skipped step's line: nothing moved (effective steps 0; the optimizer's last diagnostics are of an earlier step). */
function skippedRecord(r: StepRecord): StepRecord {
  return { ...r, skipped: true, effectiveStep: r.effectiveStep.map(() => 0), gradNorm: Number.NaN };
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

