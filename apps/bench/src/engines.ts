/** Engine names and how to build each one (loaded lazily, so a process only loads its own engine). */
import { BACKEND_NAMES } from '@gapkit/backend-gpujs/names';
import type { Engine } from './engine.js';
import { TORCH_ENGINES } from './optim/workloads.js';

/**
 * gapkit backends benchmarked, as `gapkit-<backend>[-<mode>]`: every name of the one backend list but
 * the slow reference loops, the `gpujs` alias and gpu.js's self-choosing `gpu` mode.
 */
export const GAPKIT_ENGINES: readonly string[] = BACKEND_NAMES.filter((n) => !['cpu-reference', 'gpujs', 'gpujs-gpu'].includes(n)).map((n) => `gapkit-${n}`);
/** TF.js peers. */
export const TFJS_ENGINES = ['tfjs-cpu', 'tfjs-wasm'] as const;
/** PyTorch peers (optimizer steps), when a Python with torch is found. */
export { TORCH_ENGINES } from './optim/workloads.js';
export const ALL_ENGINES: readonly string[] = [...GAPKIT_ENGINES, ...TFJS_ENGINES, ...TORCH_ENGINES];

/** Why an engine cannot run here, or null when it can. */
export async function unavailableReason(name: string): Promise<string | null> {
  if (name === 'gapkit-gpujs-headlessgl') {
    const { modeSupport } = await import('@gapkit/backend-gpujs');
    const s = modeSupport('headlessgl');
    return s.supported ? null : s.reason;
  }
  if (name === 'gapkit-wasm') {
    const { isWasmSimdSupported } = await import('@gapkit/backend-wasm/node');
    return isWasmSimdSupported() ? null : 'no WebAssembly SIMD in this runtime';
  }
  if (name === 'gapkit-wasm-2t') {
    const { isThreadedWasmSupported } = await import('@gapkit/backend-wasm/node');
    return isThreadedWasmSupported() ? null : 'no shared WebAssembly memory / worker threads in this runtime';
  }
  if ((TORCH_ENGINES as readonly string[]).includes(name)) {
    const { findTorchPython } = await import('./torch/find-python.js');
    const found = findTorchPython();
    return 'reason' in found ? found.reason : null;
  }
  return ALL_ENGINES.includes(name) ? null : `unknown engine '${name}'`;
}

/** Builds the engine `name` in this process. */
export async function createEngine(name: string): Promise<Engine> {
  if (name.startsWith('gapkit-')) {
    const { createGapkitEngine } = await import('./gapkit-engine.js');
    return createGapkitEngine(name);
  }
  if (name === 'tfjs-cpu' || name === 'tfjs-wasm') {
    const { createTfjsEngine } = await import('./tfjs/tfjs-engine.js');
    return createTfjsEngine(name);
  }
  if ((TORCH_ENGINES as readonly string[]).includes(name)) {
    const { createTorchEngine } = await import('./torch/torch-engine.js');
    return createTorchEngine(name);
  }
  throw new Error(`unknown engine '${name}'`);
}
