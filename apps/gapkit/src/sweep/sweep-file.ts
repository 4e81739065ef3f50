/**
 * A sweep file (YAML): a base run config — exactly what `gapkit train --config` accepts, checked by the
 * trainer's own schema — axes (any config path, e.g. `optimizer.options.p`, `model.options.hidden`,
 * `dataset.trainSize`, or a whole `optimizer` preset), seeds, and the final metrics to aggregate.
 * Strict: an unknown key, a bad path or an axis over a hyperparameter the optimizer does not have is
 * an error naming it (with the closest valid name), before anything runs or is enqueued.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { assertKnownKeys, describeUnknown } from '@gapkit/autodiff';
import { parse } from 'yaml';
import { UsageError } from '../command.js';
import { readConfigFile } from '../train/config-file.js';

/** Final metrics a sweep can aggregate: the last evaluation's, and the last logged training loss. */
export const SWEEP_METRICS = ['accuracy', 'loss', 'ece', 'logitNorm', 'hitRate', 'ndcg', 'trainLoss'] as const;
export type SweepMetric = (typeof SWEEP_METRICS)[number];

/**
 * The backend a sweep's runs use unless the base config names one: `wasm`, gapkit's WebAssembly SIMD
 * kernels on ONE thread (`wasm-2t` and `auto` may take two threads; gpu.js may take more), so N
 * parallel runs on N cores do not fight over them.
 */
export const SWEEP_DEFAULT_BACKEND = 'wasm';

const TOP_KEYS = ['name', 'base', 'axes', 'seeds', 'metrics'] as const;

export interface Axis {
  /** A dotted config path, e.g. `optimizer.options.p`. */
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface SweepFile {
  /** Absolute path of the file. */
  readonly file: string;
  readonly name: string;
  /** The base config (before axes and seeds), with the sweep's default backend filled in. */
  readonly base: Record<string, unknown>;
  readonly axes: readonly Axis[];
  readonly seeds: readonly number[];
  readonly metrics: readonly SweepMetric[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(file: string, message: string): never {
  throw new UsageError(`sweep file ${file}: ${message}`);
}

/** Reads and checks the file's own structure; the runs it expands to are checked by `expandSweep`. */
export function readSweepFile(path: string): SweepFile {
  if (!existsSync(path)) throw new UsageError(`sweep file: no such file '${path}'`);
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(path, `not valid YAML: ${(e as Error).message}`);
  }
  if (!isRecord(raw)) fail(path, `expected a mapping with keys ${TOP_KEYS.join(', ')}, got ${Array.isArray(raw) ? 'a list' : JSON.stringify(raw)}`);
  try {
    assertKnownKeys('top level', raw, TOP_KEYS);
  } catch (e) {
    fail(path, (e as Error).message);
  }
  const name = raw.name ?? basename(path, extname(path));
  if (typeof name !== 'string' || !/^[\w.-]+$/.test(name)) fail(path, `name must be a word of letters, digits, '.', '-', '_', got ${JSON.stringify(raw.name)}`);

  let base: Record<string, unknown>;
  if (typeof raw.base === 'string') {
    const p = resolve(dirname(path), raw.base);
    if (!existsSync(p)) fail(path, `base: no such config file '${p}'`);
    base = readConfigFile(p);
  }
  else if (isRecord(raw.base)) base = structuredClone(raw.base);
  else fail(path, `base must be a run config (what \`gapkit train --config\` accepts) or the path of one, got ${JSON.stringify(raw.base)}`);
  if (base.seed !== undefined) fail(path, 'base.seed: give the seeds as the sweep\'s `seeds:` list, not in the base config');
  if (base.backend === undefined) base.backend = SWEEP_DEFAULT_BACKEND;

  const axes: Axis[] = [];
  if (raw.axes !== undefined) {
    if (!isRecord(raw.axes)) fail(path, `axes must map a config path to a list of values, e.g. 'optimizer.options.p: [0.25, 0.125]', got ${JSON.stringify(raw.axes)}`);
    for (const [p, values] of Object.entries(raw.axes)) {
      if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(p)) fail(path, `axes: '${p}' is not a dotted config path like optimizer.options.p`);
      if (p === 'seed') fail(path, 'axes: seed is not an axis; list the seeds under `seeds:`');
      if (!Array.isArray(values) || values.length === 0) fail(path, `axes.${p} must be a non-empty list of values, got ${JSON.stringify(values)}`);
      axes.push({ path: p, values });
    }
  }

  const seeds = raw.seeds ?? [1];
  if (!Array.isArray(seeds) || seeds.length === 0 || !seeds.every((s) => Number.isInteger(s) && s >= 0 && s < 2 ** 31)) {
    fail(path, `seeds must be a non-empty list of integers in [0, 2^31), got ${JSON.stringify(raw.seeds)}`);
  }
  if (new Set(seeds).size !== seeds.length) fail(path, `seeds: ${JSON.stringify(seeds)} lists a seed twice`);

  const metrics = raw.metrics ?? defaultMetrics(base);
  if (!Array.isArray(metrics) || metrics.length === 0) fail(path, `metrics must be a non-empty list of ${SWEEP_METRICS.join(', ')}, got ${JSON.stringify(raw.metrics)}`);
  for (const m of metrics) {
    if (typeof m !== 'string' || !(SWEEP_METRICS as readonly string[]).includes(m)) {
      fail(path, `metrics: unknown metric ${describeUnknown(String(m), SWEEP_METRICS)}; valid: ${SWEEP_METRICS.join(', ')}`);
    }
  }
  return { file: resolve(path), name, base, axes, seeds: seeds as number[], metrics: metrics as SweepMetric[] };
}

function defaultMetrics(base: Record<string, unknown>): SweepMetric[] {
  const dataset = isRecord(base.dataset) ? base.dataset.name : undefined;
  const ncf = typeof dataset === 'string' && (dataset.startsWith('movielens') || dataset === 'synthetic-implicit');
  return ncf ? ['hitRate', 'ndcg', 'trainLoss'] : ['accuracy', 'loss', 'trainLoss'];
}
