/** matmul on any `PackedGemm` engine: pack both operands (transposes are free here), run, copy C out. */
import type { MatmulOptions } from '../backend.js';
import { type PackedGemm, panels } from './packed-gemm.js';
import { packA, packB, unpackC } from './pack.js';

/** C [m, n] = op(A) [m, k] · op(B) [k, n] on `engine`. */
export function matmulPacked(
  engine: PackedGemm,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
  opts: MatmulOptions = {},
): Float32Array {
  if (m === 0 || n === 0) return new Float32Array(m * n);
  const { mr, nr } = engine;
  const mP = panels(m, mr);
  const nP = panels(n, nr);
  const buf = engine.buffers(mP * mr * k, nP * nr * k, mP * mr * nP * nr);
  packA(a, m, k, opts.transA ?? false, mr, buf.a);
  packB(b, k, n, opts.transB ?? false, nr, buf.b);
  engine.run(mP, nP, k, false);
  // No padding columns: C's first m rows are the result, copied out in one go (no zero fill first).
  if (nP * nr === n) return buf.c.slice(0, m * n);
  const out = new Float32Array(m * n);
  unpackC(buf.c, nP * nr, m, n, out);
  return out;
}
