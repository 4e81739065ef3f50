/**
 * The closed-loop model of a case, built from the engine's ops: `linear`, `relu`, `conv2d`,
 * `batchnorm2d` (training mode, with running statistics), `global_avg_pool`, and the
 * `softmax_cross_entropy` loss (mean over the batch). An unknown op is an error naming file and layer.
 */
import {
  batchNormTraining,
  conv2d,
  crossEntropy,
  globalAvgPool2d,
  linear,
  type Parameter,
  relu,
  type Tensor,
} from '@gapkit/autodiff';
import { CaseError, type CaseLayer, type ConformanceCase } from './case.js';

/** Layer ops a case may use. */
export const LAYER_OPS: readonly string[] = ['linear', 'relu', 'conv2d', 'batchnorm2d', 'global_avg_pool'];

/** A built model: forward to the mean loss; BatchNorm running statistics by buffer name. */
export interface CaseModel {
  /** Mean softmax cross-entropy of the case's batch; `updateStats` = update BN running statistics. */
  loss(x: Tensor, labels: Int32Array, updateStats: boolean): Tensor;
  buffers: Map<string, Float64Array>;
}

type Layer = (x: Tensor, updateStats: boolean) => Tensor;

/** Builds the model of a closed-loop case over its parameters. */
export function buildModel(c: ConformanceCase, params: Map<string, Parameter>): CaseModel {
  const m = c.model!;
  const buffers = new Map<string, Float64Array>();
  const fail = (j: number, field: string, msg: string): never => {
    throw new CaseError(`${c.file}: field 'model.layers[${j}].${field}' ${msg}`);
  };
  const num = (l: CaseLayer, j: number, field: string): number => {
    const v = l[field];
    if (typeof v !== 'number') return fail(j, field, `must be a number, got ${JSON.stringify(v)}`);
    return v;
  };
  const param = (l: CaseLayer, j: number, field: string, shape: number[] | null, nullable: boolean): Parameter | null => {
    const v = l[field];
    if ((v === null || v === undefined) && nullable) return null;
    if (typeof v !== 'string') return fail(j, field, `must name a parameter${nullable ? ' or be null' : ''}`);
    const p = params.get(v);
    if (!p) return fail(j, field, `names unknown parameter '${v}'`);
    if (shape && (p.shape.length !== shape.length || p.shape.some((d, i) => d !== shape[i]))) {
      fail(j, field, `'${v}' has shape [${p.shape}], the layer needs [${shape}]`);
    }
    return p;
  };
  const layers: Layer[] = m.layers.map((l, j): Layer => {
    switch (l.op) {
      case 'linear': {
        const i = num(l, j, 'in_features');
        const o = num(l, j, 'out_features');
        const w = param(l, j, 'weight', [o, i], false)!;
        const b = param(l, j, 'bias', [o], true);
        return (x) => linear(x.rank === 2 ? x : fail(j, 'op', `linear needs a [N, ${i}] input, got rank ${x.rank}`), w, b);
      }
      case 'relu':
        return (x) => relu(x);
      case 'conv2d': {
        const ci = num(l, j, 'in_channels');
        const co = num(l, j, 'out_channels');
        const k = l.kernel_size;
        const [kh, kw] = Array.isArray(k) ? (k as number[]) : typeof k === 'number' ? [k, k] : fail(j, 'kernel_size', 'must be [kh, kw]');
        const w = param(l, j, 'weight', [co, ci, kh, kw], false)!;
        const b = param(l, j, 'bias', [co], true);
        const stride = (l.stride ?? 1) as number | [number, number];
        const padding = (l.padding ?? 0) as number | [number, number];
        return (x) => conv2d(x, w, b, { stride, padding });
      }
      case 'batchnorm2d': {
        const nf = num(l, j, 'num_features');
        // PyTorch's BatchNorm2d defaults when a field is absent
        const eps = l.eps === undefined ? 1e-5 : num(l, j, 'eps');
        const momentum = l.momentum === undefined ? 0.1 : num(l, j, 'momentum');
        if (l.mode !== undefined && l.mode !== 'training') fail(j, 'mode', `must be "training", got ${JSON.stringify(l.mode)}`);
        const w = param(l, j, 'weight', [nf], true);
        const b = param(l, j, 'bias', [nf], true);
        const named = (w ?? b)?.meta.name ?? `layers.${j}.weight`;
        const prefix = named.slice(0, named.lastIndexOf('.'));
        const rm = new Float64Array(nf);
        const rv = new Float64Array(nf).fill(1);
        buffers.set(`${prefix}.running_mean`, rm);
        buffers.set(`${prefix}.running_var`, rv);
        return (x, updateStats) => {
          const r = batchNormTraining(x, w, b, eps);
          if (updateStats) {
            for (let ch = 0; ch < nf; ch++) {
              rm[ch] = (1 - momentum) * rm[ch] + momentum * r.mean[ch];
              rv[ch] = (1 - momentum) * rv[ch] + momentum * ((r.varBiased[ch] * r.count) / (r.count - 1));
            }
          }
          return r.y;
        };
      }
      case 'global_avg_pool':
        return (x) => globalAvgPool2d(x);
      default:
        return fail(j, 'op', `is unknown: '${l.op}' (known: ${LAYER_OPS.join(', ')})`);
    }
  });
  if (m.loss.op !== 'softmax_cross_entropy') {
    throw new CaseError(`${c.file}: field 'model.loss.op' is unknown: '${m.loss.op}' (known: softmax_cross_entropy)`);
  }
  return {
    buffers,
    loss(x, labels, updateStats) {
      let h = x;
      for (const f of layers) h = f(h, updateStats);
      return crossEntropy(h, labels, { reduction: 'mean' });
    },
  };
}
