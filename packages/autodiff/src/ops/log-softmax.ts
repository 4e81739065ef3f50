import { normalizeAxis, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * log softmax along `axis`: yᵢ = xᵢ − (m + ln Σⱼ e^(xⱼ−m)) with m = maxⱼ xⱼ, so no exp overflows.
 * A fused primitive (it is on every classifier's hot path).
 * d yᵢ/d xⱼ = δᵢⱼ − softmaxⱼ, so dx = dy − softmax·Σ dy along the axis.
 */
export function logSoftmax(x: Tensor, axis: number): Tensor {
  const ax = normalizeAxis('logSoftmax', axis, x.rank);
  const len = x.shape[ax];
  const inner = sizeOf(x.shape.slice(ax + 1));
  const outer = sizeOf(x.shape.slice(0, ax));
  const X = x.data;
  const Y = new Float32Array(X.length);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < inner; j++) {
      const base = o * len * inner + j;
      let m = -Infinity;
      for (let l = 0; l < len; l++) m = Math.max(m, X[base + l * inner]);
      let s = 0;
      for (let l = 0; l < len; l++) s += Math.exp(X[base + l * inner] - m);
      const lse = m + Math.log(s);
      for (let l = 0; l < len; l++) Y[base + l * inner] = X[base + l * inner] - lse;
    }
  }
  return fromOp('logSoftmax', Y, x.shape, [x], (dy) => {
    const D = dy.data;
    const g = new Float32Array(D.length);
    for (let o = 0; o < outer; o++) {
      for (let j = 0; j < inner; j++) {
        const base = o * len * inner + j;
        let s = 0;
        for (let l = 0; l < len; l++) s += D[base + l * inner];
        for (let l = 0; l < len; l++) {
          const i = base + l * inner;
          g[i] = D[i] - Math.exp(Y[i]) * s;
        }
      }
    }
    return [new Tensor(g, x.shape)];
  });
}
