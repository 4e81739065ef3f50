/**
 * The `auto` backend: for every kernel and size class it times each candidate backend on the first
 * real calls (calibration reuses the real inputs, and one candidate's result is returned), then sends
 * that size class to the fastest. Choices and their timings are listed by `describe()`.
 */
import type { Backend, Conv2dGeometry, KernelName, Kernels, MatmulOptions } from '../backend.js';
import { KERNEL_NAMES } from '../backend.js';
import { probeCandidates } from './candidate-probe.js';

/** Calls per size class that time every candidate before the choice is fixed. */
const CALIBRATION_ROUNDS = 3;
/** A candidate whose best time is this many times the best after two rounds is not timed again. */
const HOPELESS = 8;

interface SizeClass {
  readonly times: Map<number, number>; // candidate index → best ms
  rounds: number;
  chosen: number; // candidate index, −1 while calibrating
}

/** Power-of-two bucket of a dimension, so similar sizes share one decision. */
function bucket(n: number): number {
  return n <= 1 ? n : 2 ** Math.round(Math.log2(n));
}

function convKey(g: Conv2dGeometry): string {
  return [g.batch, g.inChannels, g.inHeight, g.inWidth, g.outChannels, g.kernelH, g.kernelW, g.strideH, g.strideW]
    .map(bucket)
    .join('x');
}

export interface AutoBackendOptions {
  /** Fixed choices by `kernel:sizeKey` (as printed by describe()), skipping calibration for them. */
  readonly table?: Readonly<Record<string, string>>;
  /** Extra facts for describe() (e.g. why a backend was left out of the candidates). */
  readonly notes?: Readonly<Record<string, string>>;
  /**
   * Probe every candidate once at creation (`candidate-probe.ts`) and calibrate only those within 2×
   * of the best on a small matmul or conv; the others are disposed. Default true.
   */
  readonly probe?: boolean;
}

/** An `auto` backend over `candidates` (the first is the default when a kernel is missing elsewhere). */
export function createAutoBackend(all: readonly Backend[], options: AutoBackendOptions = {}): Backend {
  if (all.length === 0) throw new Error('createAutoBackend: no candidate backends');
  let candidates = all;
  let probeNotes: Record<string, string> = {};
  if ((options.probe ?? true) && all.length > 1) {
    const p = probeCandidates(all);
    for (const b of p.dropped) b.dispose();
    candidates = p.kept;
    probeNotes = p.notes;
  }
  // The first candidate serves kernels other candidates lack; it is calibrated only if the probe kept it on merit.
  const calibrated = candidates.map((b, i) => i > 0 || !probeNotes[`probe.${b.name}`]?.startsWith('kept (fallback'));
  if (!calibrated.some((c) => c)) calibrated[0] = true;
  const classes = new Map<string, SizeClass>();

  function pick<A extends unknown[]>(name: KernelName, key: string, args: A): Float32Array {
    const id = `${name}:${key}`;
    let cls = classes.get(id);
    if (cls === undefined) {
      const fixed = options.table?.[id];
      const idx = fixed === undefined ? -1 : candidates.findIndex((c) => c.name === fixed);
      const only = calibrated.filter((c) => c).length === 1 ? calibrated.indexOf(true) : -1;
      cls = { times: new Map(), rounds: 0, chosen: idx >= 0 ? idx : only };
      classes.set(id, cls);
    }
    const fnOf = (i: number): ((...a: A) => Float32Array) =>
      (candidates[i].kernels[name] ?? candidates[0].kernels[name]) as unknown as (...a: A) => Float32Array;
    if (cls.chosen >= 0) return fnOf(cls.chosen)(...args);
    let result: Float32Array | null = null;
    const best = Math.min(...cls.times.values());
    for (let i = 0; i < candidates.length; i++) {
      const prev = cls.times.get(i);
      if (!calibrated[i] || (cls.rounds > 0 && prev === undefined) || (cls.rounds > 1 && prev! > HOPELESS * best)) continue;
      const t0 = performance.now();
      const out = fnOf(i)(...args);
      const ms = performance.now() - t0;
      cls.times.set(i, Math.min(ms, prev ?? Number.POSITIVE_INFINITY));
      result ??= out;
    }
    cls.rounds++;
    if (cls.rounds >= CALIBRATION_ROUNDS) {
      let bestI = 0;
      for (const [i, t] of cls.times) if (t < (cls.times.get(bestI) ?? Number.POSITIVE_INFINITY)) bestI = i;
      cls.chosen = bestI;
    }
    return result!;
  }

  const kernels: Kernels = {
    matmul: (a, b, m, k, n, opts?: MatmulOptions) =>
      pick('matmul', `${bucket(m)}x${bucket(k)}x${bucket(n)}${opts?.transA ? 'tA' : ''}${opts?.transB ? 'tB' : ''}`, [a, b, m, k, n, opts]),
    conv2d: (x, w, g) => pick('conv2d', convKey(g), [x, w, g]),
    conv2dBackpropInput: (dy, w, g) => pick('conv2dBackpropInput', convKey(g), [dy, w, g]),
    conv2dBackpropFilter: (x, dy, g) => pick('conv2dBackpropFilter', convKey(g), [x, dy, g]),
  };

  return {
    name: 'auto',
    kernels,
    describe: () => {
      const out: Record<string, string> = { candidates: candidates.map((c) => c.name).join(', '), ...probeNotes, ...options.notes };
      for (const c of candidates) for (const [k, v] of Object.entries(c.describe())) out[`${c.name}.${k}`] = v;
      for (const name of KERNEL_NAMES) out[`kernel.${name}`] = 'auto (per size class, see choice.*)';
      for (const [id, cls] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
        const timings = [...cls.times].map(([i, t]) => `${candidates[i].name} ${t.toFixed(2)} ms`).join(', ');
        out[`choice.${id}`] = cls.chosen >= 0 ? `${candidates[cls.chosen].name}${timings ? ` (${timings})` : ' (fixed)'}` : `calibrating (${timings})`;
      }
      return out;
    },
    dispose: () => {
      for (const c of candidates) c.dispose();
    },
  };
}
