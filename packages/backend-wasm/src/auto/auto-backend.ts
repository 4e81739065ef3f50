/**
 * The `auto` backend: for every kernel and size class it times each candidate backend on the first
 * call of that class (all calibration rounds on those real inputs, back to back), fixes the fastest,
 * and returns that candidate's result — so every call, the first included, is served by the backend
 * the plan records, and a run given its own plan back (`options.plan`) computes the same bits without
 * timing anything. `plan()` returns the choices as JSON; `describe()` prints them with their timings.
 */
import { type Backend, type BackendPlan, KERNEL_NAMES, type KernelName, type Kernels, referenceKernels } from '@gapkit/autodiff';
import { probeCandidates } from './candidate-probe.js';
import { checkPlan } from './plan.js';
import { sizeClassKey } from './size-class.js';

/** Timed calls of every candidate before a size class's choice is fixed. */
const CALIBRATION_ROUNDS = 3;
/** A candidate whose best time is this many times the best after two rounds is not timed again. */
const HOPELESS = 8;

interface SizeClass {
  /** candidate index → best ms (empty when the choice came from the plan). */
  readonly times: Map<number, number>;
  readonly chosen: number;
}

export interface AutoBackendOptions {
  /**
   * Choices from an earlier `plan()`: those size classes use those backends, untimed (a class missing
   * from it is calibrated as usual). Skips the startup probe. A plan naming a backend that is not
   * among the candidates here is an error.
   */
  readonly plan?: BackendPlan;
  /** Extra facts for describe() (e.g. why a backend was left out of the candidates). */
  readonly notes?: Readonly<Record<string, string>>;
  /**
   * Probe every candidate once at creation (`candidate-probe.ts`) and calibrate only those within 2×
   * of the best on a small matmul or conv; the others are disposed. Default true (false with a plan).
   */
  readonly probe?: boolean;
}

type KernelFn = (...args: unknown[]) => Float32Array;

/** An `auto` backend over `candidates` (the first serves a kernel another candidate lacks). */
export function createAutoBackend(all: readonly Backend[], options: AutoBackendOptions = {}): Backend {
  if (all.length === 0) throw new Error('createAutoBackend: no candidate backends');
  const given = options.plan === undefined ? undefined : checkPlan(options.plan, all.map((b) => b.name));
  let candidates = all;
  let probeNotes: Record<string, string> = {};
  if ((options.probe ?? given === undefined) && all.length > 1) {
    const p = probeCandidates(all);
    for (const b of p.dropped) b.dispose();
    candidates = p.kept;
    probeNotes = p.notes;
  }
  // The first candidate serves kernels other candidates lack; it is calibrated only if the probe kept it on merit.
  const calibrated = candidates.map((b, i) => i > 0 || !probeNotes[`probe.${b.name}`]?.startsWith('kept (fallback'));
  if (!calibrated.some((c) => c)) calibrated[0] = true;
  const classes = new Map<string, SizeClass>();

  const fnOf = (i: number, name: KernelName): KernelFn =>
    (candidates[i].kernels[name] ?? candidates[0].kernels[name] ?? referenceKernels[name]) as unknown as KernelFn;

  /** Times the calibrated candidates on `args`; returns the chosen index and the chosen's result. */
  function calibrate(name: KernelName, args: unknown[]): { cls: SizeClass; out: Float32Array } {
    const times = new Map<number, number>();
    const outs = new Map<number, Float32Array>();
    const timed = calibrated.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
    if (timed.length === 1) return { cls: { times, chosen: timed[0] }, out: fnOf(timed[0], name)(...args) };
    for (let round = 0; round < CALIBRATION_ROUNDS; round++) {
      const best = Math.min(...times.values());
      for (const i of timed) {
        const prev = times.get(i);
        if (round > 1 && prev !== undefined && prev > HOPELESS * best) continue;
        const t0 = performance.now();
        const out = fnOf(i, name)(...args);
        const ms = performance.now() - t0;
        times.set(i, Math.min(ms, prev ?? Number.POSITIVE_INFINITY));
        outs.set(i, out);
      }
    }
    let chosen = timed[0];
    for (const [i, t] of times) if (t < (times.get(chosen) ?? Number.POSITIVE_INFINITY)) chosen = i;
    return { cls: { times, chosen }, out: outs.get(chosen)! };
  }

  function call(name: KernelName, args: unknown[]): Float32Array {
    const id = `${name}:${sizeClassKey(name, args)}`;
    const cls = classes.get(id);
    if (cls !== undefined) return fnOf(cls.chosen, name)(...args);
    const fixed = given?.[id];
    if (fixed !== undefined) {
      const chosen = candidates.findIndex((c) => c.name === fixed);
      if (chosen < 0) throw new Error(`auto: the plan names '${fixed}' for ${id}, but the startup probe left it out`);
      classes.set(id, { times: new Map(), chosen });
      return fnOf(chosen, name)(...args);
    }
    const { cls: decided, out } = calibrate(name, args);
    classes.set(id, decided);
    return out;
  }

  const kernels: Partial<Record<KernelName, KernelFn>> = {};
  for (const name of KERNEL_NAMES) kernels[name] = (...args: unknown[]) => call(name, args);

  const plan = (): BackendPlan => {
    const out: Record<string, string> = {};
    for (const id of [...classes.keys()].sort()) out[id] = candidates[classes.get(id)!.chosen].name;
    return out;
  };

  return {
    name: 'auto',
    kernels: kernels as unknown as Kernels,
    plan,
    describe: () => {
      const out: Record<string, string> = { candidates: candidates.map((c) => c.name).join(', '), ...probeNotes, ...options.notes };
      for (const c of candidates) for (const [k, v] of Object.entries(c.describe())) out[`${c.name}.${k}`] = v;
      for (const name of KERNEL_NAMES) out[`kernel.${name}`] = 'auto (per size class, see choice.*)';
      for (const [id, cls] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
        const timings = [...cls.times].map(([i, t]) => `${candidates[i].name} ${t.toFixed(2)} ms`).join(', ');
        out[`choice.${id}`] = `${candidates[cls.chosen].name} (${timings || 'from the plan'})`;
      }
      out.plan = JSON.stringify(plan());
      if (given !== undefined) out['plan.given'] = `${Object.keys(given).length} size classes`;
      return out;
    },
    dispose: () => {
      for (const c of candidates) c.dispose();
    },
  };
}
