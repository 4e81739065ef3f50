import wabt from 'wabt';
import { describe, expect, it } from 'vitest';
import { FunctionBuilder } from '../src/wasm/function-builder.js';
import { simdGemmModule } from '../src/wasm/simd-gemm-module.js';
import { simdKernelsModule, simdKernelsWat } from '../src/wasm/simd-kernels-module.js';
import { sleb, uleb } from '../src/wasm/wasm-encoder.js';
import { wasmApi } from '../src/wasm/wasm-runtime.js';
import { signature } from '../src/wasm/wasm-signature.js';

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
      expect(wasmApi!.validate(simdKernelsModule(tile, { shared: false, maximumPages: 1 }))).toBe(true);
      expect(wasmApi!.validate(simdKernelsModule(tile, { shared: true, maximumPages: 64 }))).toBe(true);
    }
  });
});

describe('WAT of the generated kernels', () => {
  it('the engines\' module (4×8 tile, shared memory) reads as the committed text', async () => {
    await expect(simdKernelsWat({ mr: 4, nrv: 2 }, { shared: true, maximumPages: 16384 })).toMatchFileSnapshot('./wat/kernels-4x8-shared.wat');
  });

  it('the printed text and the encoded bytes are the same module (both read back by wabt)', async () => {
    const w = await wabt();
    const features = { simd: true, threads: true };
    for (const tile of [{ mr: 1, nrv: 1 }, { mr: 4, nrv: 2 }, { mr: 3, nrv: 3 }]) {
      for (const memory of [{ shared: false, maximumPages: 1 }, { shared: true, maximumPages: 512 }]) {
        const fromText = w.parseWat('kernels.wat', simdKernelsWat(tile, memory), features);
        const fromBytes = w.readWasm(simdKernelsModule(tile, memory), features);
        const normal = (m: typeof fromText) => w.readWasm(m.toBinary({}).buffer, features).toText({});
        expect(normal(fromBytes)).toBe(normal(fromText));
      }
    }
  });
});

describe('FunctionBuilder', () => {
  const sig = signature('f', ['n'] as const);

  it('computes branch depths from the enclosing blocks', () => {
    const f = new FunctionBuilder(sig);
    f.block('out', (out) => {
      f.loop('again', (again) => {
        f.get(f.param.n).brIf(out); // two levels up: depth 1
        f.get(f.param.n).brIf(again); // depth 0
      });
    });
    const bytes = f.finish();
    const brIfs = bytes.flatMap((b, i) => (b === 0x0d ? [bytes[i + 1]] : []));
    expect(brIfs).toEqual([1, 0]);
    expect(f.lines).toContain('    br_if $out');
  });

  it('names what is wrong: a branch out of its block, a name used twice, a block left open', () => {
    const f = new FunctionBuilder(sig);
    let escaped: { name: string } | undefined;
    f.block('inner', (inner) => {
      escaped = inner;
    });
    expect(() => f.brIf(escaped!)).toThrow("f: branch to $inner, which is not an enclosing block");
    expect(() => f.local('i32', 'n')).toThrow('f: the name $n is used twice');
    const g = new FunctionBuilder(sig);
    expect(() =>
      g.block('b', () => {
        g.finish();
      }),
    ).toThrow('f: 1 block(s) left open');
  });
});
