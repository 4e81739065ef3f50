/**
 * gapkit as a benchmark engine: kernels are called directly for matmul and conv; training steps run
 * the model-zoo ResNet-8 / NCF through the autodiff engine with Adam from @gapkit/optimizers.
 */
import { type Backend, bceWithLogits, crossEntropy, describeBackend, kernels, Rng, setBackend, Tensor } from '@gapkit/autodiff';
import { createBackend, isBackendName } from '@gapkit/backend-wasm/node';
import { ncfMlp, resnet } from '@gapkit/model-zoo';
import { Adam } from '@gapkit/optimizers';
import type { Engine, Prepared } from './engine.js';
import { prepareEpoch } from './epoch.js';
import { NCF_SPEC, RESNET8_SPEC } from './model-specs.js';
import { prepareOptimizer } from './optim/prepare.js';
import { randomData } from './random-data.js';
import type { ConvWorkload, TrainWorkload, Workload } from './workloads.js';

function convGeometry(w: ConvWorkload) {
  return {
    batch: w.batch, inChannels: w.inChannels, inHeight: w.size, inWidth: w.size, outChannels: w.outChannels,
    kernelH: 3, kernelW: 3, strideH: 1, strideW: 1, padH: 1, padW: 1, outHeight: w.size, outWidth: w.size,
  };
}

function prepareTrain(w: TrainWorkload): Prepared {
  const rng = new Rng(42);
  if (w.model === 'resnet8') {
    const model = resnet({}, rng).train();
    const params = model.parameters();
    const count = params.reduce((s, p) => s + p.size, 0);
    if (count !== RESNET8_SPEC.parameters) throw new Error(`gapkit ResNet-8 has ${count} parameters, expected ${RESNET8_SPEC.parameters}`);
    const opt = new Adam(params, { lr: 1e-3 });
    const x = new Tensor(randomData(w.batch * 3 * 32 * 32, 1), [w.batch, 3, 32, 32]);
    const labels = Int32Array.from({ length: w.batch }, (_, i) => (i * 7) % 10);
    return {
      run() {
        model.zeroGrad();
        const loss = crossEntropy(model.forward(x), labels);
        loss.backward();
        opt.step();
        if (!Number.isFinite(loss.item())) throw new Error('ResNet-8 loss is not finite');
      },
      dispose() {},
    };
  }
  const model = ncfMlp({ numUsers: NCF_SPEC.users, numItems: NCF_SPEC.items, embeddingDim: NCF_SPEC.dim, tower: NCF_SPEC.tower }, rng).train();
  const params = model.parameters();
  const count = params.reduce((s, p) => s + p.size, 0);
  if (count !== NCF_SPEC.parameters) throw new Error(`gapkit NCF has ${count} parameters, expected ${NCF_SPEC.parameters}`);
  const opt = new Adam(params, { lr: 1e-3 });
  const ids = NCF_SPEC.batchIds(w.batch);
  return {
    run() {
      model.zeroGrad();
      const loss = bceWithLogits(model.forward(ids.users, ids.items), ids.labels);
      loss.backward();
      opt.step();
      if (!Number.isFinite(loss.item())) throw new Error('NCF loss is not finite');
    },
    dispose() {},
  };
}

/** The gapkit engine for `gapkit-<backend>`. */
export async function createGapkitEngine(name: string): Promise<Engine> {
  const backendName = name.slice('gapkit-'.length);
  // Built-in backends come from @gapkit/backend-wasm; gpu.js (and auto, which probes gpu.js) are loaded
  // only when asked for, so the other engines' peak RSS does not include gpu.js.
  let backend: Backend;
  if (backendName !== 'auto' && isBackendName(backendName)) {
    backend = createBackend(backendName);
  } else {
    const gpujs = await import('@gapkit/backend-gpujs');
    backend = gpujs.createBackend(backendName as Parameters<typeof gpujs.createBackend>[0]);
  }
  setBackend(backend);
  return {
    name,
    describe: () => describeBackend(),
    async prepare(w: Workload): Promise<Prepared> {
      if (w.kind === 'matmul') {
        const a = randomData(w.n * w.n, 1);
        const b = randomData(w.n * w.n, 2);
        const mm = kernels().matmul;
        return { run: () => void mm(a, b, w.n, w.n, w.n), dispose() {} };
      }
      if (w.kind === 'conv') {
        const g = convGeometry(w);
        const x = randomData(w.batch * w.inChannels * w.size * w.size, 3);
        const wt = randomData(w.outChannels * w.inChannels * 9, 4);
        const dy = randomData(w.batch * w.outChannels * w.size * w.size, 5);
        // Through the registry: a kernel the backend lacks runs on the cpu backend, as in training.
        const kk = kernels();
        return {
          run() {
            kk.conv2d(x, wt, g);
            if (w.backward) {
              kk.conv2dBackpropInput(dy, wt, g);
              kk.conv2dBackpropFilter(x, dy, g);
            }
          },
          dispose() {},
        };
      }
      if (w.kind === 'optimizer') return prepareOptimizer(w);
      if (w.kind === 'epoch') return prepareEpoch(w);
      return prepareTrain(w);
    },
    dispose: () => backend.dispose(),
  };
}
