/**
 * One training run into a run folder — what `gapkit train` does and what `compare` does per preset:
 * parse the config strictly, load the data, build the trainer, resume from the newest checkpoint or
 * start a fresh folder, train with metrics, checkpoints (the last K and the best) and progress, then
 * write `metrics.csv`, `summary.md` and the figures. A non-finite loss or gradient stops at once,
 * naming the step, the tensor and the last good checkpoint; nothing of the failed step is written.
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  captureCheckpoint,
  ConfigError,
  configHash,
  type MetricsRecord,
  NonFiniteError,
  type StepRecord,
  parseTrainConfig,
  recordsToCsv,
  restoreCheckpoint,
  Trainer,
  type TrainConfig,
} from '@gapkit/trainer';
import { UsageError } from '../command.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { ProgressBar } from '../report/progress.js';
import { readBackendPlan, saveBackendPlan, useBackend } from './backend-plan.js';
import { listStepCheckpoints, pruneCheckpoints, readCheckpoint, stepCheckpointName, writeCheckpoint } from './checkpoint-files.js';
import { configYaml } from './config-file.js';
import { writeFigures } from './figures.js';
import { type LoadedData, loadData } from './load-data.js';
import { gapkitVersion, gitRevision } from './provenance.js';
import { appendMetric, prepareNewRunFolder, readMetrics, truncateMetrics } from './run-folder.js';
import { summaryMarkdown } from './summary.js';

export interface RunRequest {
  /** The config object (file overlaid with flags). */
  readonly input: Record<string, unknown>;
  /** Where the config came from, for messages. */
  readonly where: string;
  readonly out: string;
  readonly resume: boolean;
  readonly force: boolean;
  readonly dataDir: string;
  readonly quiet: boolean;
  /** Data already loaded (compare shares one load across presets). */
  readonly loaded?: LoadedData;
  /** Prefix of progress lines. */
  readonly label?: string;
  /** Called after each logged step with the trainer (tests use it to inject a NaN mid-run). */
  readonly afterStep?: (trainer: Trainer, r: StepRecord) => void;
}

export interface RunResult {
  readonly config: TrainConfig;
  readonly records: MetricsRecord[];
  readonly out: string;
  readonly files: string[];
  /** Steps skipped for a non-finite loss or gradient (`--non-finite skip`), across resumes. */
  readonly skippedSteps: number;
}

export function parseConfigOrUsage(input: unknown, where: string): TrainConfig {
  try {
    return parseTrainConfig(input, where);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

export async function runTraining(req: RunRequest): Promise<RunResult> {
  const parsed = parseConfigOrUsage(req.input, req.where);
  const out = req.out;
  const clearedEarly = !req.resume && existsSync(out);
  if (clearedEarly) prepareNewRunFolder(out, req.force); // refuses early, before any work
  const say = (s: string) => {
    if (!req.quiet) console.log(s);
  };
  const backend = await useBackend(parsed.backend, req.resume ? readBackendPlan(out) : undefined);
  try {
    const loaded = req.loaded ?? loadData(parsed.dataset.name, req.dataDir, parsed.seed, parsed.dataset.trainSize, parsed.dataset.normalization);
    const trainer = new Trainer(parsed, loaded.data);
    const config = trainer.config;
    let lastGood: string | null = null;
    if (req.resume) {
      const ckpts = listStepCheckpoints(out);
      const newest = ckpts.at(-1);
      if (!newest) throw new UsageError(`--resume ${out}: no checkpoint (ckpt-*.json with its .safetensors) in that folder`);
      const state = readCheckpoint(out, newest.name);
      restoreCheckpoint(trainer, state, join(out, `${newest.name}.json`)); // throws before anything is written
      truncateMetrics(out, trainer.step);
      lastGood = join(out, `${newest.name}.safetensors`);
      say(`resuming ${out} at step ${trainer.step} (epoch ${trainer.epoch}, batch ${trainer.position} of it)`);
    } else if (!clearedEarly) prepareNewRunFolder(out, req.force);
    const provenance = {
      gapkitVersion: gapkitVersion(),
      gitRevision: gitRevision(),
      node: process.version,
      configHash: configHash(config),
      backend: backend.description,
      stepsPerEpoch: trainer.stepsPerEpoch,
      dataDir: resolve(req.dataDir),
      dataFiles: loaded.files.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
    };
    writeFileAtomic(join(out, 'config.yaml'), configYaml({ ...config, provenance }, `gapkit train --config ${join(out, 'config.yaml')} repeats this run`));
    say(`${req.label ?? 'train'}: ${loaded.description}`);
    say(`  model ${config.model.name} (${trainer.model.numParameters().toLocaleString('en-US')} parameters), optimizer ${config.optimizer.name}, ${trainer.totalSteps} steps (${trainer.stepsPerEpoch}/epoch), ${backend.summary}`);

    const records = readMetrics(out);
    let best = Number.NEGATIVE_INFINITY;
    for (const r of records) if (r.type === 'eval') best = Math.max(best, r.accuracy ?? r.hitRate ?? best);
    const progress = req.quiet ? null : new ProgressBar({ label: `  ${(req.label ?? config.optimizer.name).padEnd(10)}`, total: trainer.totalSteps, itemName: 'steps', plainEvery: trainer.stepsPerEpoch });
    let lastLoss = Number.NaN;
    const saveStep = () => {
      saveBackendPlan(out, backend);
      lastGood = writeCheckpoint(out, stepCheckpointName(trainer.step), captureCheckpoint(trainer));
      pruneCheckpoints(out, config.keepLast);
    };
    try {
      trainer.run({
        onStep: (r) => {
          records.push(r);
          appendMetric(out, r);
          lastLoss = r.loss;
          progress?.update(r.step, { loss: r.loss, note: `epoch ${Math.max(1, Math.ceil(r.epoch))}/${config.epochs}` });
          req.afterStep?.(trainer, r);
        },
        onEval: (r) => {
          records.push(r);
          appendMetric(out, r);
          const score = r.accuracy ?? r.hitRate;
          const text = r.accuracy !== undefined ? `test accuracy ${(100 * r.accuracy).toFixed(2)}%, loss ${r.loss?.toFixed(4)}` : `HR@${r.k} ${r.hitRate?.toFixed(4)}, NDCG@${r.k} ${r.ndcg?.toFixed(4)}`;
          if (!req.quiet && !process.stderr.isTTY) console.log(`  step ${r.step} (epoch ${r.epoch.toFixed(2)}): train loss ${lastLoss.toFixed(4)}, ${text}`);
          if (score !== undefined && score > best) {
            best = score;
            saveBackendPlan(out, backend);
            writeCheckpoint(out, 'best', captureCheckpoint(trainer));
          }
        },
        onCheckpoint: () => saveStep(),
      });
    } catch (e) {
      if (e instanceof NonFiniteError) {
        const op = e.op === null ? '' : ` (op '${e.op}')`;
        throw new Error(
          `Stopped at step ${e.step}${op}; last good checkpoint: ${lastGood ?? 'none (no checkpoint was written before this step)'}; nothing of step ${e.step} was written (--non-finite skip skips such steps, --detect-anomaly checks every op).\n${e.message}`,
        );
      }
      throw e;
    }
    progress?.finish();
    saveBackendPlan(out, backend);
    writeFileAtomic(join(out, 'metrics.csv'), recordsToCsv(records));
    const figures = await writeFigures(out, [{ name: config.optimizer.name, records }]);
    const files = ['config.yaml', 'metrics.jsonl', 'metrics.csv', 'summary.md', ...figures.map((f) => basename(f))];
    writeFileAtomic(join(out, 'summary.md'), summaryMarkdown(config, records, files, trainer.skippedSteps));
    return { config, records, out, files, skippedSteps: trainer.skippedSteps };
  } finally {
    backend.dispose();
  }
}
