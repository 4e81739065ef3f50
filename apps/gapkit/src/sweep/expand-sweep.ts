/**
 * A sweep's runs: every combination of the axes' values (the grid points) × every seed, each a full
 * run config checked by the trainer's schema and its resolution (unknown keys, hyperparameters the
 * optimizer does not have, out-of-range values), and keyed by the hash of its resolved config.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, ConfigError, parseTrainConfig, resolveTrainConfig, type DataShape, type TrainConfig } from '@gapkit/trainer';
import { UsageError } from '../command.js';
import type { SweepFile } from './sweep-file.js';

/** One run of a sweep: what a worker needs to train it. */
export interface RunSpec {
  /** Hash of the resolved config: the run's folder name and its queue job id. */
  readonly key: string;
  /** The grid point, e.g. `p=0.125` (axes' last path segments and values); `base` with no axes. */
  readonly point: string;
  readonly seed: number;
  /** The run config, as `gapkit train --config` takes it. */
  readonly input: Record<string, unknown>;
}

/**
 * The shape resolution needs from the data, fixed per data set kind: only the optimizer's, model's and
 * head's own defaults matter for checking and hashing (the real run resolves against its data).
 */
function placeholderShape(config: TrainConfig): DataShape {
  const n = config.dataset.name;
  return n.startsWith('movielens') || n === 'synthetic-implicit'
    ? { kind: 'recommender', numUsers: 1, numItems: 1 }
    : { kind: 'classifier', numClasses: n === 'cifar100' ? 100 : 10, channels: 1, height: 1, width: 1 };
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = obj;
  for (const [i, k] of parts.slice(0, -1).entries()) {
    const next = cur[k];
    if (next === undefined) cur[k] = {};
    else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new UsageError(`axis '${path}': '${parts.slice(0, i + 1).join('.')}' is ${JSON.stringify(next)} in the base config, not a section`);
    }
    cur = cur[k] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1]] = structuredClone(value);
}

function valueLabel(v: unknown): string {
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
    const o = v as { name: string; options?: unknown };
    return o.options && Object.keys(o.options).length > 0 ? `${o.name}${JSON.stringify(o.options)}` : o.name;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function pointLabel(sweep: SweepFile, values: readonly unknown[]): string {
  if (sweep.axes.length === 0) return 'base';
  return sweep.axes.map((a, i) => `${a.path.split('.').at(-1)}=${valueLabel(values[i])}`).join(' ');
}

/** Checks one run config as the trainer will; returns the resolved config. */
function checkRun(sweep: SweepFile, input: Record<string, unknown>, what: string): TrainConfig {
  try {
    const parsed = parseTrainConfig(input, `${sweep.file}: ${what}`);
    return resolveTrainConfig(parsed, placeholderShape(parsed), 1);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    if (e instanceof Error) throw new UsageError(`${sweep.file}: ${what}: ${e.message}`);
    throw e;
  }
}

export function runKey(resolved: TrainConfig): string {
  const { provenance: _, ...rest } = resolved;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex').slice(0, 12);
}

/** Every run, grid point by grid point, seed by seed; throws a {@link UsageError} naming the first bad one. */
export function expandSweep(sweep: SweepFile): RunSpec[] {
  checkRun(sweep, { ...sweep.base, seed: sweep.seeds[0] }, 'base');
  let points: unknown[][] = [[]];
  for (const a of sweep.axes) points = points.flatMap((p) => a.values.map((v) => [...p, v]));
  const runs: RunSpec[] = [];
  const seen = new Map<string, string>();
  for (const values of points) {
    const point = pointLabel(sweep, values);
    for (const seed of sweep.seeds) {
      const input = structuredClone(sweep.base);
      for (const [i, a] of sweep.axes.entries()) setPath(input, a.path, values[i]);
      input.seed = seed;
      const what = sweep.axes.length === 0 ? `seed ${seed}` : `axes ${sweep.axes.map((a, i) => `${a.path} = ${JSON.stringify(values[i])}`).join(', ')} (seed ${seed})`;
      const key = runKey(checkRun(sweep, input, what));
      const other = seen.get(key);
      if (other !== undefined) throw new UsageError(`${sweep.file}: ${what} is the same run as ${other} (same resolved config); drop the duplicate value`);
      seen.set(key, what);
      runs.push({ key, point, seed, input });
    }
  }
  return runs;
}
