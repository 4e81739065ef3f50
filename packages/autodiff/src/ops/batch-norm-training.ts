import { gradArray, recycle } from '../gradient-pool.js';
import { shapeToString, sizeOf } from '../shape.js';
import { fromOp, Tensor } from '../tensor.js';
import { channelMoments } from './channel-moments.js';

/** The normalized output and the batch statistics it used (per channel, float64). */
export interface BatchNormTrainingResult {
  readonly y: Tensor;
  readonly mean: Float64Array;
  /** Biased (divisor M = N·∏spatial) batch variance, the one used to normalize. */
  readonly varBiased: Float64Array;
  /** Elements per channel, M. */
  readonly count: number;
}

/**
 * Training-mode batch normalization over every axis but 1 (channels) of x [N, C, ...]:
 * x̂ = (x − μ_c)/√(σ²_c + eps), y = γ_c·x̂ + β_c, with μ, σ² the batch mean and biased variance.
 * `gamma` is a per-channel Tensor, a fixed number, or null (1); `beta` a Tensor or null (0).
 * A fused primitive (the composite takes ~10 passes and is on every CNN's hot path). With M values
 * per channel: dβ = Σ dy, dγ = Σ dy·x̂, dx = (γ/√(σ²+eps))·(dy − Σdy/M − x̂·Σ(dy·x̂)/M).
 * `relu`: y = max(γ·x̂ + β, 0) in the same pass (the op is then `batchNormRelu`), with the bits of
 * `relu(batchNormTraining(…).y)` — one activation array and one graph node fewer; backward masks dy by
 * y > 0 first, as relu's backward does.
 */
export function batchNormTraining(x: Tensor, gamma: Tensor | number | null, beta: Tensor | null, eps: number, relu = false): BatchNormTrainingResult {
  if (x.rank < 2) throw new RangeError(`batchNorm: input must be [N, C, ...], got ${shapeToString(x.shape)}`);
  const [n, c] = x.shape;
  for (const [name, t] of [['gamma', gamma], ['beta', beta]] as const) {
    if (t instanceof Tensor && (t.rank !== 1 || t.shape[0] !== c)) {
      throw new RangeError(`batchNorm: ${name} ${shapeToString(t.shape)} must be [${c}] for input ${shapeToString(x.shape)}`);
    }
  }
  const inner = sizeOf(x.shape.slice(2));
  const count = n * inner;
  const X = x.data;
  const { mean, varBiased } = channelMoments(X, n, c, inner);
  const invStd = varBiased.map((v) => 1 / Math.sqrt(v + eps));
  const G = gamma instanceof Tensor ? gamma.data : null;
  const fixedScale = typeof gamma === 'number' ? gamma : 1;
  const scaleOf = (ch: number): number => (G ? G[ch] : fixedScale);
  const Y = new Float32Array(X.length);
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const base = (b * c + ch) * inner;
      const k = scaleOf(ch) * invStd[ch];
      const shift = (beta ? beta.data[ch] : 0) - mean[ch] * k;
      if (!relu) for (let i = 0; i < inner; i++) Y[base + i] = X[base + i] * k + shift;
      else {
        for (let i = 0; i < inner; i++) {
          const v = X[base + i] * k + shift;
          // biome-ignore lint/complexity/useMathMinMax: the bits of Math.max(v, 0) (NaN kept), faster (see relu.ts)
          Y[base + i] = v <= 0 ? 0 : v;
        }
      }
    }
  }
  const inputs: Tensor[] = [x];
  if (gamma instanceof Tensor) inputs.push(gamma);
  if (beta) inputs.push(beta);
  const y = fromOp(relu ? 'batchNormRelu' : 'batchNorm', Y, x.shape, inputs, (dy) => {
    const D0 = dy.data;
    const D = relu ? gradArray(D0.length) : D0;
    if (relu) for (let i = 0; i < D.length; i++) D[i] = Y[i] > 0 ? D0[i] : 0;
    const sumDy = new Float64Array(c);
    const sumDyXhat = new Float64Array(c);
    for (let b = 0; b < n; b++) {
      for (let ch = 0; ch < c; ch++) {
        const base = (b * c + ch) * inner;
        const mu = mean[ch];
        const is = invStd[ch];
        let s = 0;
        let t = 0;
        for (let i = 0; i < inner; i++) {
          s += D[base + i];
          t += D[base + i] * (X[base + i] - mu) * is;
        }
        sumDy[ch] += s;
        sumDyXhat[ch] += t;
      }
    }
    const grads: Array<Tensor | null> = [null];
    if (x.requiresGrad) {
      const dx = gradArray(X.length);
      for (let b = 0; b < n; b++) {
        for (let ch = 0; ch < c; ch++) {
          const base = (b * c + ch) * inner;
          const mu = mean[ch];
          const is = invStd[ch];
          const k = scaleOf(ch) * is;
          const mDy = sumDy[ch] / count;
          const mDyXhat = sumDyXhat[ch] / count;
          for (let i = 0; i < inner; i++) dx[base + i] = k * (D[base + i] - mDy - (X[base + i] - mu) * is * mDyXhat);
        }
      }
      grads[0] = new Tensor(dx, x.shape);
    }
    if (gamma instanceof Tensor) grads.push(new Tensor(Float32Array.from(sumDyXhat), gamma.shape));
    if (beta) grads.push(new Tensor(Float32Array.from(sumDy), beta.shape));
    if (relu) recycle(D);
    return grads;
  });
  return { y, mean, varBiased, count };
}
