/** The active backend and per-kernel dispatch (a missing kernel runs on the CPU backend, and says so). */
import { type Backend, KERNEL_NAMES, type KernelName, type Kernels } from './backend.js';
import { cpuBackend } from './cpu/index.js';

let active: Backend = cpuBackend;
let resolved: Kernels = resolve(active);

function resolve(b: Backend): Kernels {
  const out = {} as Record<KernelName, unknown>;
  for (const name of KERNEL_NAMES) out[name] = b.kernels[name] ?? cpuBackend.kernels[name];
  return out as Kernels;
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

/** The kernels ops call: the active backend's, with CPU fallbacks filled in. */
export function kernels(): Kernels {
  return resolved;
}

/** Which implementation serves each kernel right now, plus the backend's own facts. */
export function describeBackend(): Record<string, string> {
  const out: Record<string, string> = { backend: active.name, ...active.describe() };
  for (const name of KERNEL_NAMES) {
    if (out[`kernel.${name}`] === undefined) out[`kernel.${name}`] = active.kernels[name] ? active.name : 'cpu (fallback)';
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
