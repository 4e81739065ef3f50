/**
 * The one closed-loop interpreter: builds the model of a case from the engine's ops — `linear`,
 * `relu`, `conv2d`, `batchnorm2d` (training mode, with running statistics), `global_avg_pool` — and
 * the `softmax_cross_entropy` loss (mean over the batch). Layer fields were checked by the schema
 * (src/schema/layers.ts); here parameter names and shapes are checked against the case's parameters.
 */
import { batchNormTraining, conv2d, crossEntropy, globalAvgPool2d, linear, type Parameter, relu, type Tensor } from '@gapkit/autodiff';
import { CaseError } from './case-error.js';
import type { Case } from './schema/case.js';
import type { CaseLayer } from './schema/layers.js';

/** A built model: forward to the mean loss; BatchNorm running statistics by buffer name. */
export interface CaseModel {
  /** Mean softmax cross-entropy of the batch; `updateStats` = update BatchNorm running statistics. */
  loss(x: Tensor, labels: Int32Array, updateStats: boolean): Tensor;
  /** `<prefix>.running_mean` / `<prefix>.running_var` of every BatchNorm layer, float64. */
  buffers: Map<string, Float64Array>;
}

type Layer = (x: Tensor, updateStats: boolean) => Tensor;

/** Builds the model of a closed-loop case over its parameters. */
export function buildModel(c: Case, params: Map<string, Parameter>): CaseModel {
  const m = c.model;
  if (!m) throw new CaseError(`${c.file}: field 'model' is missing (a closed-loop case describes its model)`);
  const buffers = new Map<string, Float64Array>();
  const fail = (j: number, field: string, msg: string): never => {
    throw new CaseError(`${c.file}: field 'model.layers[${j}].${field}' ${msg}`);
  };
  const param = (j: number, field: string, name: string | null | undefined, shape: number[]): Parameter | null => {
    if (name === null || name === undefined) return null;
    const p = params.get(name) ?? fail(j, field, `names unknown parameter '${name}'`);
    if (p.shape.length !== shape.length || p.shape.some((d, i) => d !== shape[i])) fail(j, field, `'${name}' has shape [${p.shape}], the layer needs [${shape}]`);
    return p;
  };
  const build = (l: CaseLayer, j: number): Layer => {
    switch (l.op) {
      case 'linear': {
        const w = param(j, 'weight', l.weight, [l.out_features, l.in_features]) as Parameter;
        const b = param(j, 'bias', l.bias, [l.out_features]);
        return (x) => linear(x.rank === 2 ? x : fail(j, 'op', `linear needs a [N, ${l.in_features}] input, got rank ${x.rank}`), w, b);
      }
      case 'relu':
        return (x) => relu(x);
      case 'conv2d': {
        const [kh, kw] = typeof l.kernel_size === 'number' ? [l.kernel_size, l.kernel_size] : l.kernel_size;
        const w = param(j, 'weight', l.weight, [l.out_channels, l.in_channels, kh, kw]) as Parameter;
        const b = param(j, 'bias', l.bias, [l.out_channels]);
        const opts = { stride: l.stride ?? 1, padding: l.padding ?? 0 };
        return (x) => conv2d(x, w, b, opts);
      }
      case 'batchnorm2d': {
        const nf = l.num_features;
        // PyTorch's BatchNorm2d defaults when a field is absent
        const eps = l.eps ?? 1e-5;
        const momentum = l.momentum ?? 0.1;
        const w = param(j, 'weight', l.weight, [nf]);
        const b = param(j, 'bias', l.bias, [nf]);
        const named = l.weight ?? l.bias ?? `layers.${j}.weight`;
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
              rv[ch] = (1 - momentum) * rv[ch] + momentum * ((r.varBiased[ch] * r.count) / (r.count - 1)); // unbiased
            }
          }
          return r.y;
        };
      }
      case 'global_avg_pool':
        return (x) => globalAvgPool2d(x);
    }
  };
  const layers = m.layers.map(build);
  return {
    buffers,
    loss(x, labels, updateStats) {
      let h = x;
      for (const f of layers) h = f(h, updateStats);
      return crossEntropy(h, labels, { reduction: 'mean' });
    },
  };
}
