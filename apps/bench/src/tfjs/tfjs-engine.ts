/** TF.js (`tfjs-backend-cpu` or `tfjs-backend-wasm`) as a benchmark engine. */
import type { Engine, Prepared } from '../engine.js';
import { NCF_SPEC, RESNET8_SPEC } from '../model-specs.js';
import { randomData } from '../random-data.js';
import type { Workload } from '../workloads.js';
import { conv2dPatched } from './custom-grads.js';
import { buildNcf } from './ncf.js';
import { buildResNet8 } from './resnet8.js';
import { initTf, tf } from './tf.js';

function countParams(vars: tf.Variable[]): number {
  return vars.reduce((s, v) => s + v.size, 0);
}

async function prepare(w: Workload): Promise<Prepared> {
  if (w.kind === 'matmul') {
    const a = tf.tensor2d(randomData(w.n * w.n, 1), [w.n, w.n]);
    const b = tf.tensor2d(randomData(w.n * w.n, 2), [w.n, w.n]);
    return {
      run() {
        const c = tf.matMul(a, b);
        c.dataSync();
        c.dispose();
      },
      dispose: () => tf.dispose([a, b]),
    };
  }
  if (w.kind === 'conv') {
    const x = tf.tensor4d(randomData(w.batch * w.inChannels * w.size * w.size, 3), [w.batch, w.size, w.size, w.inChannels]);
    const wt = tf.tensor4d(randomData(w.outChannels * w.inChannels * 9, 4), [3, 3, w.inChannels, w.outChannels]);
    const dy = tf.tensor4d(randomData(w.batch * w.outChannels * w.size * w.size, 5), [w.batch, w.size, w.size, w.outChannels]);
    const grads = tf.grads((xi: tf.Tensor, wi: tf.Tensor) => tf.sum(tf.mul(conv2dPatched(xi as tf.Tensor4D, wi as tf.Tensor4D, 1, 1), dy)));
    return {
      run() {
        if (w.backward) {
          const [dx, dw] = grads([x, wt]);
          dx.dataSync();
          dw.dataSync();
          tf.dispose([dx, dw]);
        } else {
          const y = tf.conv2d(x, wt, 1, 1);
          y.dataSync();
          y.dispose();
        }
      },
      dispose: () => tf.dispose([x, wt, dy]),
    };
  }
  if (w.kind === 'optimizer') throw new Error(`${w.name}: optimizer workloads run on gapkit-cpu and torch only`);
  if (w.kind === 'epoch') throw new Error(`${w.name}: the epoch runs on gapkit and torch only`);
  const opt = tf.train.adam(1e-3);
  if (w.model === 'resnet8') {
    const net = buildResNet8();
    if (countParams(net.variables) !== RESNET8_SPEC.parameters) throw new Error(`tfjs ResNet-8 has ${countParams(net.variables)} parameters`);
    const x = tf.tensor4d(randomData(w.batch * 3 * 32 * 32, 1), [w.batch, 32, 32, 3]);
    const labels = tf.oneHot(tf.tensor1d(Int32Array.from({ length: w.batch }, (_, i) => (i * 7) % 10), 'int32'), 10);
    return {
      run() {
        const cost = opt.minimize(() => tf.losses.softmaxCrossEntropy(labels, net.forward(x)) as tf.Scalar, true, net.variables);
        if (!Number.isFinite(cost!.dataSync()[0])) throw new Error('tfjs ResNet-8 loss is not finite');
        cost!.dispose();
      },
      dispose: () => tf.dispose([x, labels, ...net.variables]),
    };
  }
  const net = buildNcf();
  if (countParams(net.variables) !== NCF_SPEC.parameters) throw new Error(`tfjs NCF has ${countParams(net.variables)} parameters`);
  const ids = NCF_SPEC.batchIds(w.batch);
  const users = tf.tensor1d(ids.users, 'int32');
  const items = tf.tensor1d(ids.items, 'int32');
  const labels = tf.tensor2d(ids.labels, [w.batch, 1]);
  return {
    run() {
      const cost = opt.minimize(() => tf.losses.sigmoidCrossEntropy(labels, net.forward(users, items)) as tf.Scalar, true, net.variables);
      if (!Number.isFinite(cost!.dataSync()[0])) throw new Error('tfjs NCF loss is not finite');
      cost!.dispose();
    },
    dispose: () => tf.dispose([users, items, labels, ...net.variables]),
  };
}

/** The engine for `tfjs-cpu` / `tfjs-wasm`. */
export async function createTfjsEngine(name: 'tfjs-cpu' | 'tfjs-wasm'): Promise<Engine> {
  const backend = name === 'tfjs-cpu' ? 'cpu' : 'wasm';
  await initTf(backend);
  return {
    name,
    describe: () => ({
      backend: tf.getBackend(),
      version: tf.version_core,
      'wasm.simd': backend === 'wasm' ? String(tf.env().getBool('WASM_HAS_SIMD_SUPPORT')) : 'n/a',
      'wasm.threads': backend === 'wasm' ? String(tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')) : 'n/a',
      workarounds: 'customGrad: conv2d dW = transpose(im2col(x))·dy, gather grad = scatterND',
    }),
    prepare,
    dispose() {},
  };
}
