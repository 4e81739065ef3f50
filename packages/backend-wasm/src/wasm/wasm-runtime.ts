/**
 * The slice of the WebAssembly JS API gapkit uses, typed here because the project's lib settings
 * (ES2022 + @types/node) do not declare it. `undefined` where the runtime has no WebAssembly.
 */

/** A linear memory (shared when created with `shared: true`). */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(deltaPages: number): number;
}

/** An instantiated module's exports. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** A compiled module (opaque). */
export type WasmModule = object;

/** The constructors and helpers of the global `WebAssembly` object used by gapkit. */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
}

/** The runtime's WebAssembly API, if any. */
export const wasmApi: WasmApi | undefined = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
