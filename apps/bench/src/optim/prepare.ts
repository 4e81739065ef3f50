/**
 * gapkit's side of the optimizer workloads: ResNet-18's parameters (built once per process, never
 * trained), a fixed random gradient for each, and either the registry optimizer's `step()` with its
 * defaults or the bandwidth probe over the arrays that step reads and writes.
 */
import { Rng, Tensor, type Parameter } from '@gapkit/autodiff';
import { resnet, resnetPreset } from '@gapkit/model-zoo';
import { registryEntry } from '@gapkit/optimizers';
import type { Prepared } from '../engine.js';
import { randomData } from '../random-data.js';
import { streamOnce } from './bandwidth-probe.js';
import { BENCH_OPTIONS, type OptimizerWorkload, RESNET18_PARAMETERS } from './workloads.js';

let cached: Parameter[] | null = null;

/** ResNet-18's parameters with gradients uniform in [−0.01, 0.01) (the same in every process). */
export function resnet18Parameters(): Parameter[] {
  if (cached) return cached;
  const params = resnet(resnetPreset(18), new Rng(18)).parameters();
  const count = params.reduce((s, p) => s + p.size, 0);
  if (count !== RESNET18_PARAMETERS) throw new Error(`ResNet-18 has ${count} parameters, expected ${RESNET18_PARAMETERS}`);
  params.forEach((p, k) => {
    const g = randomData(p.size, 1000 + k);
    for (let i = 0; i < g.length; i++) g[i] *= 0.01;
    p.grad = new Tensor(g, p.shape);
  });
  cached = params;
  return params;
}

/** The state's element-wise buffers of a tensor of `size` elements (one level of nesting, e.g. LAWN's base state). */
export function elementwiseBuffers(state: unknown, size: number): Float32Array[] {
  const out: Float32Array[] = [];
  if (typeof state !== 'object' || state === null) return out;
  for (const v of Object.values(state)) {
    if (v instanceof Float32Array && v.length === size) out.push(v);
    else if (typeof v === 'object' && v !== null && !(v instanceof Float32Array)) out.push(...elementwiseBuffers(v, size));
  }
  return out;
}

/** Read-write arrays of the probe for `optimizer`, after one real step made its state: weights + state buffers. */
export function probeArrays(optimizer: string): { g: Float32Array; rw: Float32Array[] }[] {
  const params = resnet18Parameters();
  const saved = params.map((p) => p.data.slice());
  const opt = registryEntry(optimizer).create(params, BENCH_OPTIONS[optimizer] ?? {});
  opt.step();
  for (const [k, p] of params.entries()) p.data.set(saved[k]);
  return params.map((p) => {
    const s = elementwiseBuffers(opt.stateOf(p.meta.name ?? ''), p.size);
    // Distinct copies, so the probe never aliases (AMSGrad's max starts as a copy of v anyway).
    return { g: p.grad!.data, rw: [p.data.slice(), ...s.map((b) => b.slice())] };
  });
}

/** The prepared workload: one step (warm-up is the runner's), or one probe pass. */
export function prepareOptimizer(w: OptimizerWorkload): Prepared {
  if (w.part === 'probe') {
    const arrays = probeArrays(w.optimizer);
    const first = arrays[0].rw.length;
    return {
      describe: () => ({ probe: `reads k=${first + 1} arrays (gradient, weights, ${first - 1} state), writes j=${first} (first tensor; per-unit state of ND-Adam is not element-wise)` }),
      run() {
        let sum = 0;
        for (const { g, rw } of arrays) sum += streamOnce(g, rw);
        if (!Number.isFinite(sum)) throw new Error(`bandwidth-${w.optimizer}: probe checksum is not finite`);
      },
      dispose() {},
    };
  }
  const params = resnet18Parameters();
  const opt = registryEntry(w.optimizer).create(params, BENCH_OPTIONS[w.optimizer] ?? {});
  return {
    run() {
      opt.step();
    },
    dispose() {},
  };
}
