/**
 * The active backend and per-kernel dispatch: a kernel the backend leaves out runs on `cpu`, and one
 * `cpu` leaves out on the reference loops (`describeBackend()` says which).
 */
import { type Backend, KERNEL_NAMES, type KernelName, type Kernels } from './backend.js';
import { cpuBackend } from './cpu/index.js';
import { referenceKernels } from './cpu/reference-kernels.js';

let active: Backend = cpuBackend;
let resolved: Kernels = resolve(active);

function resolve(b: Backend): Kernels {
  const out: Partial<Record<KernelName, unknown>> = {};
  for (const name of KERNEL_NAMES) out[name] = b.kernels[name] ?? cpuBackend.kernels[name] ?? referenceKernels[name];
  return out as Kernels;
}

/** Which implementation serves `name` when `b` leaves it out. */
function fallbackName(name: KernelName): string {
  return cpuBackend.kernels[name] ? 'cpu (fallback)' : 'cpu-reference (fallback)';
}

/** Makes `b` the backend for every later op. Returns the previous one (not disposed). */
export function setBackend(b: Backend): Backend {
  const prev = active;
  active = b;
  resolved = resolve(b);
  return prev;
}

export function getBackend(): Backend {
  return active;
}

/** The kernels ops call: the active backend's, with fallbacks filled in. */
export function kernels(): Kernels {
  return resolved;
}

/** Which implementation serves each kernel right now, plus the backend's own facts. */
export function describeBackend(): Record<string, string> {
  const out: Record<string, string> = { backend: active.name, ...active.describe() };
  for (const name of KERNEL_NAMES) {
    if (out[`kernel.${name}`] === undefined) out[`kernel.${name}`] = active.kernels[name] ? active.name : fallbackName(name);
  }
  return out;
}

/** Runs `fn` with `b` active, restoring the previous backend afterwards. */
export function withBackend<T>(b: Backend, fn: () => T): T {
  const prev = setBackend(b);
  try {
    return fn();
  } finally {
    setBackend(prev);
  }
}
