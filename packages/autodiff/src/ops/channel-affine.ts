import { gradArray } from '../gradient-pool.js';
import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * Per-channel affine map of x [N, C, ...] (channel = axis 1): y = x·scale_c + shift_c, with scale and
 * shift of shape [C]. One pass instead of two broadcast ops; eval-mode batch norm runs on it.
 * dy/dx = scale_c, dy/dscale_c = Σ dy·x over the channel, dy/dshift_c = Σ dy over the channel.
 */
export function channelAffine(x: Tensor, scale: Tensor, shift: Tensor): Tensor {
  const c = x.rank >= 2 ? x.shape[1] : -1;
  for (const [name, t] of [['scale', scale], ['shift', shift]] as const) {
    if (c < 0 || t.rank !== 1 || t.shape[0] !== c) {
      throw new RangeError(`channelAffine: ${name} ${shapeToString(t.shape)} must be [C] for input ${shapeToString(x.shape)} of shape [N, C, ...]`);
    }
  }
  const n = x.shape[0];
  const inner = sizeOf(x.shape.slice(2));
  const X = x.data;
  const S = scale.data;
  const B = shift.data;
  const Y = new Float32Array(X.length);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * inner;
      const s = S[ch];
      const t = B[ch];
      for (let i = 0; i < inner; i++) Y[base + i] = X[base + i] * s + t;
    }
  }
  return fromOp('channelAffine', Y, x.shape, [x, scale, shift], (dy) => {
    const D = dy.data;
    const dx = gradArray(X.length);
    const dScale = new Float64Array(c);
    const dShift = new Float64Array(c);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const base = (b * c + ch) * inner;
        const s = S[ch];
        let ps = 0;
        let pt = 0;
        for (let i = 0; i < inner; i++) {
          const d = D[base + i];
          dx[base + i] = d * s;
          ps += d * X[base + i];
          pt += d;
        }
        dScale[ch] += ps;
        dShift[ch] += pt;
      }
    }
    return [new Tensor(dx, x.shape), new Tensor(Float32Array.from(dScale), scale.shape), new Tensor(Float32Array.from(dShift), shift.shape)];
  });
}
