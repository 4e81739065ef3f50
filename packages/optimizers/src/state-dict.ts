/**
 * The serialized optimizer state and the checks `loadStateDict` runs on it: structure (format, names,
 * shapes, groups) and values (finite buffers, non-negative second moments, integer counters), every
 * problem collected so that one error lists them all.
 */

import { show } from './errors.js';

/** One saved state value: a counter, a flag, a buffer, or an absent buffer. */
export type StateValue = number | boolean | Float32Array | null;

/** Serialized optimizer state: everything needed to continue exactly where a run stopped. */
export interface OptimizerStateDict {
  format: 'gapkit.optimizer/1';
  optimizer: string;
  /** Steps completed by the optimizer (the schedules' clock). */
  steps: number;
  /** Steps skipped for a non-finite gradient under `nonFinite: 'skip'` (absent in older dicts: 0). */
  skippedSteps?: number;
  params: { name: string; shape: number[] }[];
  groups: { params: string[]; options: Record<string, unknown> }[];
  /** Buffers are Float32Arrays from `stateDict()`, or plain number arrays after `stateDictToJSON`. */
  state: Record<string, Record<string, StateValue | number[]>>;
  /** Optimizer-specific extras (LAWN: phase and c_ℓ). */
  extra: Record<string, unknown>;
}

/** A copy of a state value (number arrays become Float32Arrays). */
export function copyValue(v: StateValue | number[]): StateValue {
  return v instanceof Float32Array ? v.slice() : Array.isArray(v) ? Float32Array.from(v) : v;
}

/** A Float32Array or a plain array of numbers. */
export function isBuffer(v: unknown): v is Float32Array | number[] {
  return v instanceof Float32Array || (Array.isArray(v) && v.every((x) => typeof x === 'number'));
}

/** A plain (non-null, non-array) object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Float32Array);
}

/** A non-negative integer (finite). */
export function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Index of the first NaN or ±Infinity in `a`, −1 when every value is finite. */
export function firstNonFinite(a: ArrayLike<number>): number {
  let acc = 0;
  for (let i = 0; i < a.length; i++) acc += a[i] * 0; // 0·x is 0 for finite x, NaN for NaN and ±∞
  if (acc === 0) return -1;
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/** `'name'.key` value problems of one saved buffer (finite, and ≥ 0 when `nonNegative`). */
export function bufferProblems(label: string, v: ArrayLike<number>, nonNegative: boolean): string[] {
  const bad = firstNonFinite(v);
  if (bad >= 0) return [`${label}[${bad}] is ${v[bad]} (buffers must be finite)`];
  if (nonNegative) {
    for (let i = 0; i < v.length; i++) if (v[i] < 0) return [`${label}[${i}] is ${v[i]} (a second moment is never negative)`];
  }
  return [];
}

/** A short description of a value for messages. */
export function describeValue(v: unknown): string {
  if (isBuffer(v) && v.length > 0) return `${v.length} values`;
  if (v === undefined) return 'missing';
  return show(v);
}

/**
 * A JSON-safe copy of a state dict (buffers as plain arrays; float32 values are exact as JSON
 * numbers). `loadStateDict` accepts it back.
 */
export function stateDictToJSON(sd: OptimizerStateDict): OptimizerStateDict {
  const state: OptimizerStateDict['state'] = {};
  for (const [n, rec] of Object.entries(sd.state)) {
    state[n] = Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, v instanceof Float32Array ? Array.from(v) : v]));
  }
  return structuredClone({ ...sd, state });
}
