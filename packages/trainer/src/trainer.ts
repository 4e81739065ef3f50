/**
 * The training loop over steps and epochs, for a classifier or an NCF recommender. Deterministic
 * given the config and the data: every random draw comes from a named stream (rng-streams.ts), and
 * the state between two steps — weights, BN buffers, optimizer state, schedule clock, epoch and
 * position in it, every stream — is what `checkpoint/capture.ts` saves, so a resumed run continues
 * bit for bit. Files, clocks and printing belong to the caller (listener callbacks).
 */
import type { Module, Parameter, RngState } from '@gapkit/autodiff';
import type { AnyOptimizer } from '@gapkit/optimizers';
import { buildModel, type BuiltModel } from './build-model.js';
import { buildOptimizer } from './build-optimizer.js';
import { withSchedule } from './config/lr-schedule.js';
import { type DataShape, resolveTrainConfig } from './config/resolve-config.js';
import type { TrainConfig } from './config/train-config.js';
import { evaluateClassifier } from './metrics/evaluate-classifier.js';
import { evaluateNcf } from './metrics/evaluate-ncf.js';
import { type EvalRecord, type StepRecord, stepRecord } from './metrics/records.js';
import { NonFiniteError } from './non-finite-error.js';
import { type RngStreams, rngStreams } from './rng-streams.js';
import { ClassifierTask } from './tasks/classifier-task.js';
import { NcfTask } from './tasks/ncf-task.js';
import type { TaskData } from './tasks/task-data.js';

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

  readonly data: TaskData;

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
      this.optimizer.trackDiagnostics(log);
      this.optimizer.zeroGrad();
      const r =
        this.built.kind === 'classifier' && this.task instanceof ClassifierTask
          ? this.task.forwardBackward(this.built.model, indices)
          : this.built.kind === 'recommender' && this.task instanceof NcfTask
            ? this.task.forwardBackward(this.built.model, indices)
            : null;
      if (!r) throw new Error('Trainer: model and task kinds disagree');
      if (!Number.isFinite(r.loss)) throw new NonFiniteError(next, 'loss', r.loss);
      r.lossTensor.backward();
      checkGradients(next, this.model.parameters());
      this.optimizer.step();
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
        if (d) listener.onStep?.(stepRecord(d, { step: next, epoch: this.step / this.stepsPerEpoch, loss: r.loss, logitNorm: r.logitNorm, examplesPerSecond: this.examplesSinceLog / seconds }));
        this.trainMsSinceLog = 0;
        this.examplesSinceLog = 0;
      }
      if (evalEvery > 0 ? next % evalEvery === 0 || next === this.totalSteps : epochEnded || next === this.totalSteps) {
        listener.onEval?.(this.evaluate());
      }
      if (next === this.totalSteps) listener.onCheckpoint?.('final');
      else if (ckptEvery > 0 && next % ckptEvery === 0) listener.onCheckpoint?.('every');
      else if (epochEnded) listener.onCheckpoint?.('epoch');
    }
    this.optimizer.trackDiagnostics(false);
  }

  /** The test-split metrics now (no training stream is touched). */
  evaluate(): EvalRecord {
    const at = { type: 'eval', step: this.step, epoch: this.step / this.stepsPerEpoch, split: 'test' } as const;
    if (this.built.kind === 'classifier' && this.data.kind === 'classifier') {
      const e = evaluateClassifier(this.built.model, this.data.test, this.data.normalization);
      return { ...at, loss: e.loss, accuracy: e.accuracy, ece: e.ece, logitNorm: e.logitNorm };
    }
    if (this.built.kind === 'recommender' && this.data.kind === 'recommender') {
      const e = evaluateNcf(this.built.model, this.data.testSet, this.config.dataset.topK);
      return { ...at, hitRate: e.hitRate, ndcg: e.ndcg, k: e.k };
    }
    throw new Error('Trainer: model and data kinds disagree');
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function checkGradients(step: number, params: readonly Parameter[]): void {
  for (const p of params) {
    const g = p.grad?.data;
    if (!g) continue;
    for (let i = 0; i < g.length; i++) {
      const v = g[i];
      if (v - v !== 0) throw new NonFiniteError(step, p.meta.name, v);
    }
  }
}
