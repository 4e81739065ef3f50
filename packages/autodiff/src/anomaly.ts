/**
 * Anomaly mode, like PyTorch's `torch.autograd.detect_anomaly`: while it is on, every op's forward output
 * and every gradient of the backward pass is scanned, and the first NaN or ±Infinity throws an
 * `AnomalyError` naming the op, its input shapes, the first bad index, the phase, and where the op was
 * created (a short stack captured at creation, only in this mode). Off by default; when off the engine
 * reads one boolean per op and scans nothing.
 */
import { type Shape, shapeToString } from './shape.js';

let enabled = false;

/**
 * Runs `fn` with anomaly detection on (restoring the previous setting after, also when it throws). `fn`
 * must be synchronous: for work that spans awaits use `setAnomalyDetection(true)` around it instead.
 */
export function detectAnomaly<T>(fn: () => T): T {
  const prev = enabled;
  enabled = true;
  try {
    const out = fn();
    if (typeof (out as { then?: unknown } | null)?.then === 'function') {
      throw new TypeError('detectAnomaly: fn returned a promise; it must be synchronous (use setAnomalyDetection(true) around async work)');
    }
    return out;
  } finally {
    enabled = prev;
  }
}

/** Turns anomaly detection on or off globally (a trainer's `--detect-anomaly`). */
export function setAnomalyDetection(on: boolean): void {
  if (typeof on !== 'boolean') throw new TypeError(`setAnomalyDetection: on must be a boolean, got ${typeof on}`);
  enabled = on;
}

/** Whether anomaly detection is on. */
export function isAnomalyDetectionEnabled(): boolean {
  return enabled;
}

/** Where in an anomaly check the bad value was found. */
export type AnomalyPhase = 'forward' | 'backward';

/** What an anomaly check found: the first non-finite value, in which op, phase and array. */
export interface AnomalyReport {
  readonly op: string;
  readonly phase: AnomalyPhase;
  /** Shapes of the op's inputs. */
  readonly inputShapes: readonly Shape[];
  /** Backward only: the input whose gradient held the value (-1: the gradient flowing into the op's output). */
  readonly input: number;
  readonly index: number;
  readonly value: number;
  /** Short stack of where the op was created, or null when it was created outside anomaly mode. */
  readonly createdAt: string | null;
  /**
   * Forward only: the first input that already held a non-finite value (a leaf such as data or a
   * parameter, or a tensor made outside anomaly mode), or null when the op itself made it.
   */
  readonly badInput?: { readonly input: number; readonly index: number; readonly value: number } | null;
}

/** Thrown in anomaly mode at the first non-finite forward output or gradient. */
export class AnomalyError extends Error {
  readonly report: AnomalyReport;

  constructor(report: AnomalyReport) {
    super(describe(report));
    this.name = 'AnomalyError';
    this.report = report;
  }
}

function describe(r: AnomalyReport): string {
  const inputs = r.inputShapes.map(shapeToString).join(', ');
  const where =
    r.phase === 'forward'
      ? 'its forward output'
      : r.input < 0
        ? 'the gradient flowing into its output (the seed given to backward(), or a sum of its consumers’ gradients that overflowed)'
        : `the gradient its backward returned for input ${r.input}`;
  const from = r.badInput
    ? `; input ${r.badInput.input} already held ${r.badInput.value} at index ${r.badInput.index} (a leaf — data, a parameter — or a tensor made outside anomaly mode), so the value came in from there`
    : '';
  const site = r.createdAt ?? '    (created outside anomaly mode: run the forward pass inside detectAnomaly too to see where)';
  return `anomaly (${r.phase}): op '${r.op}' with inputs (${inputs}) has ${r.value} at index ${r.index} of ${where}${from}; the op was created at:\n${site}`;
}

/** Index of the first NaN or ±Infinity in `data`, or -1. */
export function firstNonFinite(data: Float32Array): number {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) return i; // NaN − NaN and ∞ − ∞ are NaN; every finite v gives 0
  }
  return -1;
}

const OWN_FRAME = /[\\/]autodiff[\\/](src|dist)[\\/]/;
const SITE_FRAMES = 4;

/** A short stack of the caller outside the engine (frames inside `@gapkit/autodiff` are dropped). */
export function captureCreationSite(): string {
  const lines = (new Error().stack ?? '').split('\n').slice(1);
  const outside = lines.filter((l) => !OWN_FRAME.test(l));
  return (outside.length > 0 ? outside : lines).slice(0, SITE_FRAMES).join('\n');
}

/** Throws an AnomalyError if `data` holds a non-finite value. */
export function checkFinite(data: Float32Array, report: Omit<AnomalyReport, 'index' | 'value'>): void {
  const i = firstNonFinite(data);
  if (i >= 0) throw new AnomalyError({ ...report, index: i, value: data[i] });
}

/** Forward check of an op's output; on failure also finds whether an input was already non-finite. */
export function checkForward(op: string, out: Float32Array, inputs: readonly { readonly shape: Shape; readonly data: Float32Array }[], createdAt: string): void {
  const index = firstNonFinite(out);
  if (index < 0) return;
  let badInput: AnomalyReport['badInput'] = null;
  for (let k = 0; k < inputs.length && badInput === null; k++) {
    const j = firstNonFinite(inputs[k].data);
    if (j >= 0) badInput = { input: k, index: j, value: inputs[k].data[j] };
  }
  throw new AnomalyError({ op, phase: 'forward', inputShapes: inputs.map((t) => t.shape), input: -1, index, value: out[index], createdAt, badInput });
}
