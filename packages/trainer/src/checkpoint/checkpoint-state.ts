/**
 * A checkpoint as data: named float32 tensors (model weights and BN buffers under `model.`, optimizer
 * buffers under `optim.<param>.<key>`) for a safetensors file, and JSON for everything else — step,
 * epoch and position in it, the optimizer's counters and extras (schedule clock, LAWN's phase and
 * c_ℓ), every RNG stream (init, shuffle, augment, negatives, data, each dropout layer's), the epoch's
 * planning state, the backend and the run identity with its hash.
 */
import { Dropout, Rng, type RngState } from '@gapkit/autodiff';
import type { OptimizerStateDict, StateValue } from '@gapkit/optimizers';
import type { RunIdentity } from './config-hash.js';
import { configHash, identityDifferences, runIdentity } from './config-hash.js';
import { loadStreams, type RngStates, saveStreams } from '../rng-streams.js';
import type { Trainer } from '../trainer.js';

export interface NamedTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface CheckpointMeta {
  readonly format: 'gapkit.checkpoint/1';
  readonly step: number;
  readonly epoch: number;
  readonly position: number;
  readonly stepsPerEpoch: number;
  readonly configHash: string;
  readonly identity: RunIdentity;
  readonly backend: string;
  readonly rng: RngStates;
  readonly dropout: Record<string, RngState>;
  readonly epochStart: { shuffle: RngState; negatives: RngState } | null;
  /** The optimizer state dict with every buffer replaced by the name of its tensor. */
  readonly optimizer: Omit<OptimizerStateDict, 'state'> & { state: Record<string, Record<string, number | boolean | null | { tensor: string }>> };
}

export interface CheckpointState {
  readonly tensors: Record<string, NamedTensor>;
  readonly meta: CheckpointMeta;
}

/** A checkpoint that cannot continue this run; nothing was changed. */
export class CheckpointMismatchError extends Error {
  override name = 'CheckpointMismatchError';
}

function dropoutStreams(t: Trainer): Map<string, Rng> {
  const out = new Map<string, Rng>();
  for (const [path, m] of t.model.namedModules()) {
    if (!(m instanceof Dropout)) continue;
    const rng: unknown = Reflect.get(m, 'rng');
    if (rng instanceof Rng) out.set(path, rng);
  }
  return out;
}

export function captureCheckpoint(t: Trainer): CheckpointState {
  const tensors: Record<string, NamedTensor> = {};
  for (const [name, rec] of Object.entries(t.model.stateDict())) tensors[`model.${name}`] = { shape: rec.shape, data: rec.data };
  const sd = t.optimizer.stateDict();
  const state: CheckpointMeta['optimizer']['state'] = {};
  for (const [pname, rec] of Object.entries(sd.state)) {
    const out: Record<string, number | boolean | null | { tensor: string }> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (v instanceof Float32Array || Array.isArray(v)) {
        const key = `optim.${pname}.${k}`;
        tensors[key] = { shape: [v.length], data: v instanceof Float32Array ? v : Float32Array.from(v) };
        out[k] = { tensor: key };
      } else out[k] = v;
    }
    state[pname] = out;
  }
  const dropout: Record<string, RngState> = {};
  for (const [path, rng] of dropoutStreams(t)) dropout[path] = rng.getState();
  return {
    tensors,
    meta: {
      format: 'gapkit.checkpoint/1',
      step: t.step,
      epoch: t.epoch,
      position: t.position,
      stepsPerEpoch: t.stepsPerEpoch,
      configHash: configHash(t.config),
      identity: runIdentity(t.config),
      backend: t.config.backend,
      rng: saveStreams(t.streams),
      dropout,
      epochStart: t.epochStart,
      optimizer: { ...sd, state },
    },
  };
}

/**
 * Restores a checkpoint into a freshly built trainer of the same run. Refuses — changing nothing —
 * one of another run (naming every differing setting), or with missing or mis-shaped tensors.
 */
export function restoreCheckpoint(t: Trainer, c: CheckpointState, where: string): void {
  const m = c.meta;
  if (m.format !== 'gapkit.checkpoint/1') throw new CheckpointMismatchError(`${where}: unknown checkpoint format '${String(m.format)}'`);
  const hash = configHash(t.config);
  if (m.configHash !== hash) {
    const diffs = identityDifferences(m.identity, runIdentity(t.config));
    throw new CheckpointMismatchError(`${where} is for another run (config hash ${m.configHash}, this run ${hash}): ${diffs.join('; ')}`);
  }
  if (m.stepsPerEpoch !== t.stepsPerEpoch) {
    throw new CheckpointMismatchError(`${where}: ${m.stepsPerEpoch} steps per epoch in the checkpoint, ${t.stepsPerEpoch} with this data (the data changed)`);
  }
  const model: Record<string, { shape: number[]; data: Float32Array }> = {};
  for (const [k, v] of Object.entries(c.tensors)) if (k.startsWith('model.')) model[k.slice(6)] = { shape: [...v.shape], data: v.data };
  const state: Record<string, Record<string, StateValue>> = {};
  for (const [pname, rec] of Object.entries(m.optimizer.state)) {
    const out: Record<string, StateValue> = {};
    for (const [k, v] of Object.entries(rec)) {
      if (v !== null && typeof v === 'object') {
        const tensor = c.tensors[v.tensor];
        if (!tensor) throw new CheckpointMismatchError(`${where}: optimizer tensor '${v.tensor}' is missing`);
        out[k] = tensor.data;
      } else out[k] = v;
    }
    state[pname] = out;
  }
  const dropout = dropoutStreams(t);
  const savedDropout = Object.keys(m.dropout);
  if (savedDropout.length !== dropout.size || savedDropout.some((k) => !dropout.has(k))) {
    throw new CheckpointMismatchError(`${where}: dropout layers [${savedDropout.join(', ')}] in the checkpoint, [${[...dropout.keys()].join(', ')}] here`);
  }
  // Validate both loads before applying either: Module.loadStateDict and Optimizer.loadStateDict refuse without changing anything.
  const before = t.model.stateDict();
  try {
    t.model.loadStateDict(model);
  } catch (e) {
    throw new CheckpointMismatchError(`${where}: ${(e as Error).message}`);
  }
  try {
    t.optimizer.loadStateDict({ ...m.optimizer, state: state as OptimizerStateDict['state'] });
  } catch (e) {
    t.model.loadStateDict(before);
    throw new CheckpointMismatchError(`${where}: ${(e as Error).message}`);
  }
  loadStreams(t.streams, m.rng);
  for (const [path, rng] of dropout) rng.setState(m.dropout[path]);
  t.step = m.step;
  t.epoch = m.epoch;
  t.position = m.position;
  t.epochStart = m.epochStart;
  t.replanFromEpochStart();
}
