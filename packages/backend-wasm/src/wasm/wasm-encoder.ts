/**
 * A tiny WebAssembly binary encoder: the module format (types, the imported memory, exports, code)
 * and LEB128 — just enough for gapkit's generated micro-kernels. gapkit writes the bytes itself, so
 * there is no toolchain and no foreign binary. Function bodies come from `FunctionBuilder`
 * (`function-builder.ts`), which also prints them as WAT (`wat-printer.ts`).
 */
import type { FunctionBuilder } from './function-builder.js';

/** Value types and their binary encoding. */
export type ValueType = 'i32' | 'f32' | 'v128';
export const VALUE_TYPE_CODE: Readonly<Record<ValueType, number>> = { i32: 0x7f, f32: 0x7d, v128: 0x7b };

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

/** The memory every module imports as `env.memory` (shared memories need a maximum). */
export interface MemoryImport {
  readonly shared: boolean;
  readonly maximumPages: number;
}

/** A module that imports its memory and exports the given functions (i32 parameters, no results). */
export function encodeModule(functions: readonly FunctionBuilder[], memory: MemoryImport): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.signature.params.map(() => [VALUE_TYPE_CODE.i32])), 0x00]);
  const limits = memory.shared ? [0x03, ...uleb(1), ...uleb(memory.maximumPages)] : [0x00, ...uleb(1)];
  const imports = [[...name('env'), ...name('memory'), 0x02, ...limits]];
  const funcIndices = functions.map((_, i) => uleb(i));
  const exports = functions.map((f, i) => [...name(f.signature.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const localGroups = f.locals.map((l) => [1, VALUE_TYPE_CODE[l.type]]);
    const body = [...vec(localGroups), ...f.finish(), 0x0b];
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
