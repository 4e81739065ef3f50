/**
 * `@gapkit/backend-gpujs/names`: every backend name gapkit accepts, without loading gpu.js — the one
 * list the CLI's `--backend`, `gapkit backends` and the bench read (built from @gapkit/backend-wasm's
 * `BACKEND_NAMES` plus the gpu.js modes).
 */
import { BACKEND_NAMES as WASM_PACKAGE_BACKEND_NAMES } from '@gapkit/backend-wasm';

/** gpu.js modes this package exposes. `gpu` lets gpu.js pick (headlessgl → webgl2 → webgl → webasm). */
export type GpuJsMode = 'cpu' | 'webasm' | 'headlessgl' | 'gpu';
export const GPUJS_MODES: readonly GpuJsMode[] = ['cpu', 'webasm', 'headlessgl', 'gpu'];

/** The gpu.js backend names: `gpujs` (= `gpujs-webasm`) and `gpujs-<mode>`. */
export type GpuJsBackendName = 'gpujs' | `gpujs-${GpuJsMode}`;
export const GPUJS_BACKEND_NAMES: readonly GpuJsBackendName[] = ['gpujs', ...GPUJS_MODES.map((m) => `gpujs-${m}` as const)];

/** Every backend name: @gapkit/backend-wasm's (auto, cpu, cpu-reference, wasm, wasm-2t), then gpu.js's. */
export type BackendName = (typeof WASM_PACKAGE_BACKEND_NAMES)[number] | GpuJsBackendName;
export const BACKEND_NAMES: readonly BackendName[] = [...WASM_PACKAGE_BACKEND_NAMES, ...GPUJS_BACKEND_NAMES];
