/**
 * One signature object per generated export: its name and parameter names, from which come both the
 * wasm parameters (all i32: sizes, flags and byte pointers) and the TypeScript type of the export.
 */

export interface Signature<P extends readonly string[] = readonly string[]> {
  readonly name: string;
  readonly params: P;
}

type Numbers<P extends readonly string[]> = { -readonly [K in keyof P]: number };

/** The TypeScript type of an export with signature `S`: one number per parameter, no result. */
export type ExportFn<S extends Signature> = S extends Signature<infer P> ? (...args: Numbers<P>) => void : never;

export function signature<const P extends readonly string[]>(name: string, params: P): Signature<P> {
  return { name, params };
}
