/**
 * The bandwidth probe: one pass over the arrays an update reads and writes. It reads the gradient and
 * k − 1 other arrays (weights and element-wise state) and writes those k − 1 back (j = k − 1), each
 * element once, with a multiply-add per array so the loop cannot be elided. One hand-written loop per
 * k (a loop over an array of arrays would measure the indirection, not the memory).
 */

/** Streams `g` (read) and every array of `rw` (read and written in place) once; returns a checksum. */
export function streamOnce(g: Float32Array, rw: readonly Float32Array[]): number {
  const n = g.length;
  for (const a of rw) if (a.length !== n) throw new Error(`bandwidth probe: arrays must have the gradient's ${n} elements, got ${a.length}`);
  const c = 0.5;
  let sum = 0;
  switch (rw.length) {
    case 1: {
      const [a] = rw;
      for (let i = 0; i < n; i++) {
        const x = g[i];
        a[i] = a[i] * c + x;
      }
      break;
    }
    case 2: {
      const [a, b] = rw;
      for (let i = 0; i < n; i++) {
        const x = g[i];
        a[i] = a[i] * c + x;
        b[i] = b[i] * c + x;
      }
      break;
    }
    case 3: {
      const [a, b, d] = rw;
      for (let i = 0; i < n; i++) {
        const x = g[i];
        a[i] = a[i] * c + x;
        b[i] = b[i] * c + x;
        d[i] = d[i] * c + x;
      }
      break;
    }
    case 4: {
      const [a, b, d, e] = rw;
      for (let i = 0; i < n; i++) {
        const x = g[i];
        a[i] = a[i] * c + x;
        b[i] = b[i] * c + x;
        d[i] = d[i] * c + x;
        e[i] = e[i] * c + x;
      }
      break;
    }
    case 5: {
      const [a, b, d, e, f] = rw;
      for (let i = 0; i < n; i++) {
        const x = g[i];
        a[i] = a[i] * c + x;
        b[i] = b[i] * c + x;
        d[i] = d[i] * c + x;
        e[i] = e[i] * c + x;
        f[i] = f[i] * c + x;
      }
      break;
    }
    default:
      throw new Error(`bandwidth probe: 1 to 5 read-write arrays, got ${rw.length}`);
  }
  for (const a of rw) sum += a[n - 1];
  return sum;
}
