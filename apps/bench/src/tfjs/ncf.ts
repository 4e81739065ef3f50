/** The NCF MLP (model-specs.ts) in TF.js, with the embedding gradient patched. */
import { NCF_SPEC } from '../model-specs.js';
import { randomData } from '../random-data.js';
import { gatherPatched } from './custom-grads.js';
import { tf } from './tf.js';

/** The network's variables and its forward pass to logits [N, 1]. */
export function buildNcf(): { variables: tf.Variable[]; forward: (users: tf.Tensor1D, items: tf.Tensor1D) => tf.Tensor2D } {
  let seed = 200;
  const emb = (rows: number) => tf.variable(tf.mul(tf.tensor2d(randomData(rows * NCF_SPEC.dim, seed++), [rows, NCF_SPEC.dim]), 0.01));
  const userE = emb(NCF_SPEC.users);
  const itemE = emb(NCF_SPEC.items);
  const widths = [2 * NCF_SPEC.dim, ...NCF_SPEC.tower, 1];
  const layers = widths.slice(1).map((out, i) => {
    const inW = widths[i];
    const bound = Math.sqrt(6 / (inW + out));
    return { w: tf.variable(tf.mul(tf.tensor2d(randomData(inW * out, seed++), [inW, out]), bound)), b: tf.variable(tf.zeros([out])) };
  });
  const variables = [userE, itemE, ...layers.flatMap((l) => [l.w, l.b])];
  const forward = (users: tf.Tensor1D, items: tf.Tensor1D): tf.Tensor2D => {
    let h: tf.Tensor2D = tf.concat([gatherPatched(userE as unknown as tf.Tensor2D, users), gatherPatched(itemE as unknown as tf.Tensor2D, items)], 1);
    layers.forEach((l, i) => {
      h = tf.add(tf.matMul(h, l.w as unknown as tf.Tensor2D), l.b);
      if (i < layers.length - 1) h = tf.relu(h);
    });
    return h;
  };
  return { variables, forward };
}
