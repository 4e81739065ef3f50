/** The benchmark's workloads: names (as written to JSON), sizes and FLOP counts. */
import { OPTIMIZER_WORKLOADS, type OptimizerWorkload, RESNET18_PARAMETERS, TORCH_ENGINES } from './optim/workloads.js';
import { TORCH_OPTIMIZERS } from './torch/torch-optimizers.js';
import { COMPILED_SUFFIX, COMPILED_WORKLOAD } from './compiled.js';

export type { OptimizerWorkload };

/** A square matmul C = A·B of size n. */
export interface MatmulWorkload {
  readonly kind: 'matmul';
  readonly name: string;
  readonly n: number;
}

/** A 3×3, stride 1, pad 1 convolution at batch 32, forward only or forward + both gradients. */
export interface ConvWorkload {
  readonly kind: 'conv';
  readonly name: string;
  readonly batch: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly size: number;
  readonly backward: boolean;
}

/** One training step (forward, backward, Adam) of a model, run in its own child process. */
export interface TrainWorkload {
  readonly kind: 'train';
  readonly name: string;
  readonly model: 'resnet8' | 'ncf';
  readonly batch: number;
}

/**
 * One epoch of the CIFAR experiments' recipe (docs/experiments/index.md): ResNet-8 width 16 on the
 * class-balanced 5,000-image subset of CIFAR-10's data_batch_1.bin, batch 128 (40 steps, the last one
 * partial), zero-pad-4 crop + flip, Adam lr 1e-3 — training only, no evaluation. Real data, read from
 * `--data-dir` (`cifar10/`); skipped with its reason when absent. A fresh child process per round.
 */
export interface EpochWorkload {
  readonly kind: 'epoch';
  readonly name: string;
  readonly batch: number;
  readonly trainSize: number;
}

export type Workload = MatmulWorkload | ConvWorkload | TrainWorkload | EpochWorkload | OptimizerWorkload;

/** The epoch workload (the only one). */
export const EPOCH_WORKLOAD: EpochWorkload = { kind: 'epoch', name: 'epoch-resnet8-cifar5k-b128', batch: 128, trainSize: 5000 };

const conv = (inC: number, outC: number, size: number, backward: boolean): ConvWorkload => ({
  kind: 'conv',
  name: `conv-${inC}to${outC}-${size}px-${backward ? 'fwdbwd' : 'fwd'}`,
  batch: 32,
  inChannels: inC,
  outChannels: outC,
  size,
  backward,
});

/** Every workload, in the order they run and print. */
export const WORKLOADS: readonly Workload[] = [
  ...[128, 256, 512, 1024].map((n): MatmulWorkload => ({ kind: 'matmul', name: `matmul-${n}`, n })),
  conv(16, 32, 32, false),
  conv(16, 32, 32, true),
  conv(64, 64, 16, false),
  conv(64, 64, 16, true),
  { kind: 'train', name: 'train-resnet8-b64', model: 'resnet8', batch: 64 },
  { kind: 'train', name: 'train-ncf-b1024', model: 'ncf', batch: 1024 },
  EPOCH_WORKLOAD,
  ...OPTIMIZER_WORKLOADS,
];

/** The workload called `name`. */
export function workloadByName(name: string): Workload {
  const w = WORKLOADS.find((x) => x.name === name);
  if (w === undefined) throw new Error(`unknown workload '${name}' (expected one of ${WORKLOADS.map((x) => x.name).join(', ')})`);
  return w;
}

/** Floating-point operations of one repetition (multiply-add = 2; fwd+bwd = 3× forward), or null. */
export function flopsOf(w: Workload): number | null {
  if (w.kind === 'matmul') return 2 * w.n ** 3;
  if (w.kind === 'conv') return (w.backward ? 3 : 1) * 2 * w.batch * w.outChannels * w.size * w.size * w.inChannels * 9;
  return null;
}

/** Items processed per repetition (images or samples) for training workloads. */
export function itemsOf(w: Workload): number | null {
  if (w.kind === 'epoch') return w.trainSize;
  return w.kind === 'train' ? w.batch : null;
}

/** Whether each round of `w` runs in a fresh child process (training: its peak RSS is its own). */
export function freshProcess(w: Workload): boolean {
  return w.kind === 'train' || w.kind === 'epoch';
}

/** Parameters an optimizer workload updates (or streams), or null. */
export function parametersOf(w: Workload): number | null {
  return w.kind === 'optimizer' ? RESNET18_PARAMETERS : null;
}

/**
 * Whether `engine` runs `w`: optimizer workloads on gapkit-cpu, their steps also on torch where
 * torch.optim has them; the training steps on every engine (PyTorch as `torch`: foreach changes only
 * the optimizer); the epoch on `gapkit-auto` (what the experiments run) and `torch` only (a minute an
 * epoch on 2 cores: the other backends' speed shows in the step rows; TF.js has no such recipe
 * here); kernels on gapkit and TF.js.
 */
export function runsOn(w: Workload, engine: string): boolean {
  if (engine.endsWith(COMPILED_SUFFIX)) return w.name === COMPILED_WORKLOAD;
  const torch = (TORCH_ENGINES as readonly string[]).includes(engine);
  if (w.kind === 'optimizer') {
    if (engine === 'gapkit-cpu') return true;
    return torch && w.part === 'step' && TORCH_OPTIMIZERS.includes(w.optimizer);
  }
  if (w.kind === 'train') return !torch || engine === 'torch';
  if (w.kind === 'epoch') return engine === 'gapkit-auto' || engine === 'torch';
  return !torch;
}
