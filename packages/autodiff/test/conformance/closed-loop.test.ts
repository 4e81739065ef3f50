/**
 * Closed-loop conformance cases (/work/shared/conformance, format in its README): at the initial
 * parameters, our forward pass must reproduce `losses[0]` and our backward pass `grad0` within the
 * case's `tolerance_by_field`; with BatchNorm, the running statistics after that one training forward
 * must match `expected_buffers[0]`. Optimizer steps are the optimizers package's business.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchNorm, conv2d, crossEntropy, globalAvgPool2d, linear, ones, relu, type Tensor, tensor, zeros } from '../../src/index.js';
import { expectClose } from '../testing.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const conformanceDir = resolve(packageDir, '../../../shared/conformance');
const REQUIRED = ['mlp_sgd_momentum.json', 'cnn_sgd_momentum.json'];

interface Tol {
  rtol: number;
  atol: number;
}
interface LayerSpec {
  op: string;
  weight?: string;
  bias?: string | null;
  stride?: number;
  padding?: number;
  eps?: number;
  momentum?: number;
  mode?: string;
}
interface ClosedLoopCase {
  format_version: number;
  name: string;
  kind: string;
  params: Array<{ name: string; shape: number[]; init: number[] }>;
  model: { input_shape: number[]; layers: LayerSpec[]; loss: { op: string } };
  inputs: number[];
  labels: number[];
  losses: number[];
  grad0: Record<string, number[]>;
  expected_buffers?: Array<Record<string, number[]>>;
  tolerance_by_field: Record<string, Tol>;
}

/** Forward pass of the case's model; BatchNorm buffers are returned by layer prefix (e.g. `bn`). */
function forward(c: ClosedLoopCase, params: Map<string, Tensor>): { loss: Tensor; buffers: Record<string, Tensor> } {
  const p = (name: string | null | undefined): Tensor | null => {
    if (name === null || name === undefined) return null;
    const t = params.get(name);
    if (!t) throw new Error(`${c.name}: layer refers to unknown parameter '${name}'`);
    return t;
  };
  const buffers: Record<string, Tensor> = {};
  let x = tensor(Float32Array.from(c.inputs, Math.fround), c.model.input_shape);
  for (const layer of c.model.layers) {
    switch (layer.op) {
      case 'linear':
        x = linear(x, p(layer.weight)!, p(layer.bias));
        break;
      case 'relu':
        x = relu(x);
        break;
      case 'conv2d':
        x = conv2d(x, p(layer.weight)!, p(layer.bias), { stride: layer.stride ?? 1, padding: layer.padding ?? 0 });
        break;
      case 'batchnorm2d': {
        if (layer.mode !== 'training') throw new Error(`${c.name}: batchnorm2d mode '${layer.mode}' is not supported here`);
        const prefix = layer.weight!.replace(/\.weight$/, '');
        const channels = x.shape[1];
        buffers[`${prefix}.running_mean`] = zeros([channels]);
        buffers[`${prefix}.running_var`] = ones([channels]);
        x = batchNorm(x, {
          gamma: p(layer.weight),
          beta: p(layer.bias),
          runningMean: buffers[`${prefix}.running_mean`],
          runningVar: buffers[`${prefix}.running_var`],
          training: true,
          momentum: layer.momentum!,
          eps: layer.eps!,
        });
        break;
      }
      case 'global_avg_pool':
        x = globalAvgPool2d(x);
        break;
      default:
        throw new Error(`${c.name}: unknown layer op '${layer.op}'`);
    }
  }
  if (c.model.loss.op !== 'softmax_cross_entropy') throw new Error(`${c.name}: unknown loss '${c.model.loss.op}'`);
  return { loss: crossEntropy(x, Int32Array.from(c.labels), { reduction: 'mean' }), buffers };
}

for (const file of REQUIRED) {
  if (!existsSync(join(conformanceDir, file))) {
    console.warn(`conformance: skipping ${file}: not found in ${conformanceDir} (the shared/ directory beside the repo is absent)`);
  }
}

const files = existsSync(conformanceDir) ? readdirSync(conformanceDir).filter((f) => f.endsWith('.json')) : [];
const cases = files
  .map((f) => JSON.parse(readFileSync(join(conformanceDir, f), 'utf8')) as ClosedLoopCase)
  .filter((c) => c.kind === 'closed-loop');

describe('closed-loop conformance: loss and gradient at the initial parameters', () => {
  it.skipIf(files.length === 0)('finds the two required cases', () => {
    for (const f of REQUIRED) expect(files).toContain(f);
  });

  for (const c of cases) {
    it(c.name, () => {
      expect(c.format_version).toBe(1);
      const params = new Map(c.params.map((s) => [s.name, tensor(Float32Array.from(s.init, Math.fround), s.shape, { requiresGrad: true })]));
      const { loss, buffers } = forward(c, params);
      expectClose(loss, c.losses[0], { ...c.tolerance_by_field.losses, what: `${c.name} losses[0]` });
      loss.backward();
      for (const [name, expected] of Object.entries(c.grad0)) {
        const g = params.get(name)?.grad;
        if (!g) throw new Error(`${c.name}: no gradient for '${name}'`);
        expectClose(g, expected, { ...c.tolerance_by_field.grad0, what: `${c.name} grad0 ${name}` });
      }
      for (const [name, expected] of Object.entries(c.expected_buffers?.[0] ?? {})) {
        expectClose(buffers[name], expected, { ...c.tolerance_by_field.expected_buffers, what: `${c.name} buffer ${name}` });
      }
    });
  }
});
