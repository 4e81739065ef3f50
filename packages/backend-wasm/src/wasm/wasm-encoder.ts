/**
 * A tiny WebAssembly binary encoder: just enough of the module format and instruction set (i32
 * arithmetic, structured control flow, f32x4 SIMD) for gapkit's generated micro-kernels. gapkit writes
 * the bytes itself, so there is no toolchain and no foreign binary.
 */

/** Value types (binary encoding). */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  const bytes = [...new TextEncoder().encode(s)];
  return [...uleb(bytes.length), ...bytes];
}

/** An instruction stream for one function body, with helpers named after the wasm mnemonics. */
export class CodeBuilder {
  readonly bytes: number[] = [];

  private op(...b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }

  private simd(sub: number, ...rest: number[]): this {
    return this.op(0xfd, ...uleb(sub), ...rest);
  }

  localGet(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  localSet(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  localTee(i: number): this {
    return this.op(0x22, ...uleb(i));
  }
  i32Const(v: number): this {
    return this.op(0x41, ...sleb(v));
  }
  i32Add(): this {
    return this.op(0x6a);
  }
  i32Sub(): this {
    return this.op(0x6b);
  }
  i32Mul(): this {
    return this.op(0x6c);
  }
  i32Eqz(): this {
    return this.op(0x45);
  }
  i32Ne(): this {
    return this.op(0x47);
  }
  i32LtS(): this {
    return this.op(0x48);
  }
  /** `block` with an empty result type. */
  block(): this {
    return this.op(0x02, 0x40);
  }
  /** `loop` with an empty result type. */
  loop(): this {
    return this.op(0x03, 0x40);
  }
  /** `if` with an empty result type. */
  if(): this {
    return this.op(0x04, 0x40);
  }
  else(): this {
    return this.op(0x05);
  }
  end(): this {
    return this.op(0x0b);
  }
  brIf(depth: number): this {
    return this.op(0x0d, ...uleb(depth));
  }
  br(depth: number): this {
    return this.op(0x0c, ...uleb(depth));
  }
  /** v128.load with a constant byte offset (alignment hint 16 bytes). */
  v128Load(offset: number): this {
    return this.simd(0x00, 4, ...uleb(offset));
  }
  /** v128.load32_splat: one f32 from memory broadcast to four lanes. */
  v128Load32Splat(offset: number): this {
    return this.simd(0x09, 2, ...uleb(offset));
  }
  v128Store(offset: number): this {
    return this.simd(0x0b, 4, ...uleb(offset));
  }
  /** v128.const with all bits zero (= f32x4 of +0). */
  v128Zero(): this {
    return this.simd(0x0c, ...new Array<number>(16).fill(0));
  }
  f32x4Add(): this {
    return this.simd(0xe4);
  }
  f32x4Mul(): this {
    return this.simd(0xe6);
  }
  /** i32.load with a constant byte offset (alignment hint 4 bytes). */
  i32Load(offset: number): this {
    return this.op(0x28, 2, ...uleb(offset));
  }
  f32Load(offset: number): this {
    return this.op(0x2a, 2, ...uleb(offset));
  }
  f32Store(offset: number): this {
    return this.op(0x38, 2, ...uleb(offset));
  }
  f32Add(): this {
    return this.op(0x92);
  }
  f32Mul(): this {
    return this.op(0x94);
  }
}

/** One exported function: parameter types, extra locals (one entry per local) and its body. */
export interface FunctionDef {
  readonly name: string;
  readonly params: readonly number[];
  readonly locals: readonly number[];
  readonly body: CodeBuilder;
}

/**
 * A module that imports its memory as `env.memory` (shared when `shared`, which then needs
 * `maximumPages`) and exports the given functions (no results).
 */
export function encodeModule(functions: readonly FunctionDef[], memory: { shared: boolean; maximumPages: number }): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0x00]);
  const limits = memory.shared ? [0x03, ...uleb(1), ...uleb(memory.maximumPages)] : [0x00, ...uleb(1)];
  const imports = [[...name('env'), ...name('memory'), 0x02, ...limits]];
  const funcIndices = functions.map((_, i) => uleb(i));
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const localGroups = f.locals.map((t) => [1, t]);
    const body = [...vec(localGroups), ...f.body.bytes, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(funcIndices)),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}
