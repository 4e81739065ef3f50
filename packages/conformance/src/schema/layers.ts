/**
 * The closed-loop `model` of a case: ordered layers (`linear`, `relu`, `conv2d`, `batchnorm2d`,
 * `global_avg_pool`) and the `softmax_cross_entropy` loss (docs/conformance/README.md "Closed-loop
 * layers"). Layers keep informational fields such as `formula` and `running_stats`.
 */
import { z } from 'zod';

const size = z.int().min(1);
const pair = z.union([z.int().min(0), z.tuple([z.int().min(0), z.int().min(0)])]);
const paramName = z.string().describe('a parameter name');
const optionalParam = paramName.nullable().optional().describe('a parameter name, or null for none');

export const linearLayer = z.looseObject({ op: z.literal('linear'), in_features: size, out_features: size, weight: paramName, bias: optionalParam });
export const reluLayer = z.looseObject({ op: z.literal('relu') });
export const conv2dLayer = z.looseObject({
  op: z.literal('conv2d'),
  in_channels: size,
  out_channels: size,
  kernel_size: z.union([size, z.tuple([size, size])]).describe('[kh, kw]'),
  stride: pair.optional().describe('default 1'),
  padding: pair.optional().describe('zero padding, default 0'),
  weight: paramName,
  bias: optionalParam,
});
export const batchNorm2dLayer = z.looseObject({
  op: z.literal('batchnorm2d'),
  num_features: size,
  eps: z.number().min(0).optional().describe('default 1e-5 (PyTorch)'),
  momentum: z.number().min(0).max(1).optional().describe('running-statistics rate, default 0.1 (PyTorch)'),
  mode: z.literal('training').optional(),
  weight: optionalParam,
  bias: optionalParam,
});
export const globalAvgPoolLayer = z.looseObject({ op: z.literal('global_avg_pool'), over: z.string().optional(), output_shape: z.array(size).optional() });

const LAYERS = [linearLayer, reluLayer, conv2dLayer, batchNorm2dLayer, globalAvgPoolLayer] as const;
/** Layer ops a case may use. */
export const LAYER_OPS = LAYERS.map((l) => l.shape.op.value);

export const layerSchema = z.discriminatedUnion('op', LAYERS, {
  error: (iss) => (iss.code === 'invalid_union' ? `is unknown (known: ${LAYER_OPS.join(', ')})` : undefined),
});
export type CaseLayer = z.output<typeof layerSchema>;

export const modelSchema = z.object({
  input_shape: z.array(size).min(1).describe('shape of `inputs`, NCHW for images'),
  input_layout: z.string().optional().describe('informational'),
  layers: z.array(layerSchema).min(1),
  loss: z.looseObject({ op: z.literal('softmax_cross_entropy'), reduction: z.string().optional().describe('mean over the batch') }),
});
export type CaseModelSpec = z.output<typeof modelSchema>;
