/** ResNet-8 (model-specs.ts) in TF.js, NHWC, batch-statistics BN, conv gradients patched. */
import { RESNET8_SPEC } from '../model-specs.js';
import { randomData } from '../random-data.js';
import { conv2dPatched } from './custom-grads.js';
import { tf } from './tf.js';

type T4 = tf.Tensor4D;

interface Bn {
  gamma: tf.Variable;
  beta: tf.Variable;
}

let seed = 100;
function convVar(k: number, inC: number, outC: number): tf.Variable {
  const std = Math.sqrt(2 / (k * k * inC));
  return tf.variable(tf.mul(tf.tensor4d(randomData(k * k * inC * outC, seed++), [k, k, inC, outC]), std));
}
function bnVar(c: number): Bn {
  return { gamma: tf.variable(tf.ones([c])), beta: tf.variable(tf.zeros([c])) };
}
function bn(x: T4, p: Bn): T4 {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.batchNorm(x, mean, variance, p.beta, p.gamma, 1e-5) as T4;
}

/** The network's variables and its forward pass to logits [N, 10]. */
export function buildResNet8(): { variables: tf.Variable[]; forward: (x: T4) => tf.Tensor2D } {
  const stemW = convVar(3, 3, 16);
  const stemBn = bnVar(16);
  const blocks = RESNET8_SPEC.stages.map((s) => ({
    ...s,
    w1: convVar(3, s.inC, s.outC),
    bn1: bnVar(s.outC),
    w2: convVar(3, s.outC, s.outC),
    bn2: bnVar(s.outC),
    short: s.stride !== 1 || s.inC !== s.outC ? { w: convVar(1, s.inC, s.outC), bn: bnVar(s.outC) } : null,
  }));
  const fcW = tf.variable(tf.mul(tf.tensor2d(randomData(64 * 10, seed++), [64, 10]), 1 / 8));
  const fcB = tf.variable(tf.zeros([10]));
  const variables: tf.Variable[] = [stemW, stemBn.gamma, stemBn.beta];
  for (const b of blocks) {
    variables.push(b.w1, b.bn1.gamma, b.bn1.beta, b.w2, b.bn2.gamma, b.bn2.beta);
    if (b.short) variables.push(b.short.w, b.short.bn.gamma, b.short.bn.beta);
  }
  variables.push(fcW, fcB);
  const forward = (x: T4): tf.Tensor2D => {
    let h: T4 = tf.relu(bn(conv2dPatched(x, stemW as unknown as T4, 1, 1), stemBn));
    for (const b of blocks) {
      const y = bn(conv2dPatched(tf.relu(bn(conv2dPatched(h, b.w1 as unknown as T4, b.stride, 1), b.bn1)), b.w2 as unknown as T4, 1, 1), b.bn2);
      const s = b.short ? bn(conv2dPatched(h, b.short.w as unknown as T4, b.stride, 0), b.short.bn) : h;
      h = tf.relu(tf.add(y, s)) as T4;
    }
    const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
    return tf.add(tf.matMul(pooled, fcW as unknown as tf.Tensor2D), fcB);
  };
  return { variables, forward };
}
