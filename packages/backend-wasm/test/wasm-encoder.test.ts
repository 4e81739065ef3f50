import { describe, expect, it } from 'vitest';
import { simdGemmModule } from '../src/wasm/simd-gemm-module.js';
import { sleb, uleb } from '../src/wasm/wasm-encoder.js';
import { wasmApi } from '../src/wasm/wasm-runtime.js';

describe('wasm encoder', () => {
  it('LEB128 matches the spec examples', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(sleb(-1)).toEqual([0x7f]);
  });

  it('emits valid modules for several tiles, plain and shared memory', () => {
    for (const tile of [{ mr: 1, nrv: 1 }, { mr: 4, nrv: 2 }, { mr: 6, nrv: 3 }]) {
      expect(wasmApi!.validate(simdGemmModule(tile, { shared: false, maximumPages: 1 }))).toBe(true);
      expect(wasmApi!.validate(simdGemmModule(tile, { shared: true, maximumPages: 1024 }))).toBe(true);
    }
  });
});

describe('implicit convolution module', () => {
  it('validates with plain and shared memory', async () => {
    const { simdKernelsModule } = await import('../src/wasm/simd-kernels-module.js');
    expect(wasmApi!.validate(simdKernelsModule({ mr: 4, nrv: 2 }, { shared: false, maximumPages: 1 }))).toBe(true);
    expect(wasmApi!.validate(simdKernelsModule({ mr: 4, nrv: 2 }, { shared: true, maximumPages: 64 }))).toBe(true);
  });
});
