/**
 * The WebAssembly SIMD engine behind the `PackedGemm` contract: one wasm instance, one linear memory
 * holding the packed A, packed B and C buffers, grown on demand (wasm memory never shrinks, so the
 * drivers chunk large convolutions to keep it small).
 */
import type { PackedBuffers, PackedGemm } from '@gapkit/autodiff';
import { type SimdTile, simdGemmModule } from './simd-gemm-module.js';
import { type BlockFn, type ConvFn, simdKernelsModule } from './simd-kernels-module.js';
import { type WasmMemory, wasmApi } from './wasm-runtime.js';

const PAGE = 65536;

/** True when this runtime can compile the generated SIMD module. */
export function isWasmSimdSupported(): boolean {
  try {
    return wasmApi?.validate(simdGemmModule({ mr: 4, nrv: 2 }, { shared: false, maximumPages: 1 })) === true;
  } catch {
    return false;
  }
}

export interface SimdGemmOptions {
  readonly tile?: SimdTile;
  /** Reduction block length (k steps per pass over C). */
  readonly kc?: number;
}

/** A `PackedGemm` running the generated f32x4 micro-kernel. */
export class SimdGemm implements PackedGemm {
  readonly mr: number;
  readonly nr: number;
  readonly description: string;
  private readonly memory: WasmMemory;
  /** The generated GEMM export. */
  readonly block: BlockFn;
  /** The generated implicit-convolution export (stride-1 convolutions, see `implicit-conv.ts`). */
  readonly conv: ConvFn;
  /** Reduction block length. */
  readonly kc: number;
  private aPtr = 0;
  private bPtr = 0;
  private cPtr = 0;

  constructor(options: SimdGemmOptions = {}) {
    const tile = options.tile ?? { mr: 4, nrv: 2 };
    this.mr = tile.mr;
    this.nr = 4 * tile.nrv;
    this.kc = options.kc ?? 256;
    if (wasmApi === undefined) throw new Error('SimdGemm: this runtime has no WebAssembly');
    this.memory = new wasmApi.Memory({ initial: 16 });
    const module = new wasmApi.Module(simdKernelsModule(tile, { shared: false, maximumPages: 1 }));
    const instance = new wasmApi.Instance(module, { env: { memory: this.memory } });
    this.block = instance.exports.block as unknown as BlockFn;
    this.conv = instance.exports.conv as unknown as ConvFn;
    this.description = `wasm-simd f32x4 ${this.mr}x${this.nr} tile, kc=${this.kc}`;
  }

  buffers(aLength: number, bLength: number, cLength: number): PackedBuffers {
    const align = (n: number): number => Math.ceil(n / 16) * 16; // floats → 64-byte alignment
    this.aPtr = 0;
    this.bPtr = align(aLength) * 4;
    this.cPtr = this.bPtr + align(bLength) * 4;
    const bytes = this.cPtr + align(cLength) * 4;
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
    const buf = this.memory.buffer;
    return {
      a: new Float32Array(buf, this.aPtr, aLength),
      b: new Float32Array(buf, this.bPtr, bLength),
      c: new Float32Array(buf, this.cPtr, cLength),
    };
  }

  run(mPanels: number, nPanels: number, k: number, accumulate: boolean): void {
    const ldc = nPanels * this.nr;
    const { mr, nr, kc: KC } = this;
    if (k === 0) {
      if (!accumulate) new Float32Array(this.memory.buffer, this.cPtr, mPanels * mr * ldc).fill(0);
      return;
    }
    for (let k0 = 0; k0 < k; k0 += KC) {
      const kc = Math.min(KC, k - k0);
      this.block(this.aPtr + k0 * mr * 4, this.bPtr + k0 * nr * 4, this.cPtr, mPanels, 0, nPanels, k, kc, ldc, accumulate || k0 > 0 ? 1 : 0);
    }
  }

  /**
   * Consecutive scratch regions of the given lengths (floats, 64-byte aligned) from the start of
   * memory, for drivers that bring their own layout; returns byte pointers. Invalidates `buffers()`.
   */
  scratch(lengths: readonly number[]): number[] {
    const ptrs: number[] = [];
    let top = 0;
    for (const n of lengths) {
      ptrs.push(top);
      top += Math.ceil(n / 16) * 64;
    }
    const have = this.memory.buffer.byteLength;
    if (top > have) this.memory.grow(Math.ceil((top - have) / PAGE));
    return ptrs;
  }

  /** A view of the whole memory (re-take it after `scratch`/`buffers`, which may grow memory). */
  f32(): Float32Array {
    return new Float32Array(this.memory.buffer);
  }

  /** Bytes of wasm memory currently reserved (it only grows). */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }
}
