/**
 * The optimizer workloads: `optimizer-step-<name>` (one `step()` of a registry optimizer over
 * ResNet-18's parameter shapes) and beside each `bandwidth-<name>` (streaming the same arrays once).
 */
import { REGISTRY } from '@gapkit/optimizers';

/** One optimizer step, or the bandwidth probe of the same arrays. */
export interface OptimizerWorkload {
  readonly kind: 'optimizer';
  readonly name: string;
  /** Registry name, e.g. `padam`. */
  readonly optimizer: string;
  /** `step`: the optimizer's `step()`; `probe`: the bandwidth probe of its arrays. */
  readonly part: 'step' | 'probe';
}

/** ResNet-18 (CIFAR-10, base width 64), the model whose parameter shapes every optimizer workload steps. */
export const RESNET18_PARAMETERS = 11_173_962;

/** Both workloads of every registry entry, step then probe, in the registry's order. */
export const OPTIMIZER_WORKLOADS: readonly OptimizerWorkload[] = [...REGISTRY.keys()].flatMap((optimizer): OptimizerWorkload[] => [
  { kind: 'optimizer', name: `optimizer-step-${optimizer}`, optimizer, part: 'step' },
  { kind: 'optimizer', name: `bandwidth-${optimizer}`, optimizer, part: 'probe' },
]);

/**
 * Options the bench gives on top of the registry defaults: LAWN needs its free phase's length, and 0
 * puts every timed step in the constrained phase (its slower, projected update).
 */
export const BENCH_OPTIONS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'adam-lawn': { freeSteps: 0 },
  'lamb-lawn': { freeSteps: 0 },
  'sgd-lawn': { freeSteps: 0 },
};

/** The PyTorch peers (they run only optimizer steps). */
export const TORCH_ENGINES = ['torch', 'torch-foreach'] as const;
