/**
 * Gradient arrays recycled within one backward pass. When an op's backward has run, the gradient the
 * engine gave it (dy) is dead unless the op handed it on; if the engine owned that array, it keeps it
 * here, and the next `gradArray` of the same length returns it instead of allocating. A chain of
 * same-sized activations (conv → batch norm → relu) then backpropagates through a couple of arrays
 * instead of one new array per op, which lowers peak memory. For an op author `gradArray(n)` is just
 * `new Float32Array(n)`: a zero-filled array nobody else sees. The pool lives only during `backward()`.
 */

/** Arrays kept per length; more dead arrays than this are left to the garbage collector. */
const PER_LENGTH = 2;

let pool: Map<number, Float32Array[]> | null = null;

/** A zero-filled Float32Array of `length` that nothing else references (recycled during backward). */
export function gradArray(length: number): Float32Array {
  const a = pool?.get(length)?.pop();
  if (a === undefined) return new Float32Array(length);
  a.fill(0);
  return a;
}

/** Offers a dead array the engine owned (the caller guarantees nothing references it any more). */
export function recycle(a: Float32Array): void {
  if (pool === null || a.length === 0 || a.byteOffset !== 0 || a.byteLength !== a.buffer.byteLength) return;
  const list = pool.get(a.length);
  if (list === undefined) pool.set(a.length, [a]);
  else if (list.length < PER_LENGTH) list.push(a);
}

/** Runs `fn` with a fresh pool (the previous one back after), so nothing is kept between passes. */
export function withGradientPool<T>(fn: () => T): T {
  const prev = pool;
  pool = new Map();
  try {
    return fn();
  } finally {
    pool = prev;
  }
}
