import { gradArray } from '../gradient-pool.js';
import { shapeToString } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';

/**
 * Mean over H and W of x [N, C, H, W], giving [N, C] (float64 accumulation).
 * d/dx[n,c,i,j] = dy[n,c] / (H·W).
 */
export function globalAvgPool2d(x: Tensor): Tensor {
  if (x.rank !== 4) throw new RangeError(`globalAvgPool2d: input must be [N, C, H, W], got ${shapeToString(x.shape)}`);
  const [n, c, h, w] = x.shape;
  const plane = h * w;
  const X = x.data;
  const Y = new Float32Array(n * c);
  for (let p = 0; p < n * c; p++) {
    let s = 0;
    const base = p * plane;
    for (let i = 0; i < plane; i++) s += X[base + i];
    Y[p] = s / plane;
  }
  const xShape = x.shape;
  const xSize = X.length;
  return fromOp('globalAvgPool2d', Y, [n, c], [x], (dy) => {
    const D = dy.data;
    const dx = gradArray(xSize);
    for (let p = 0; p < n * c; p++) dx.fill(D[p] / plane, p * plane, (p + 1) * plane);
    return [new Tensor(dx, xShape)];
  });
}
