/**
 * Which registry optimizers have a `torch.optim` counterpart, and its constructor arguments from the
 * registry defaults (the same hyperparameters gapkit's step uses). The others (Padam, ND-Adam, AdamS,
 * SGDS, LAWN, LAMB, AdaBound, Yogi) are not in torch.optim: their torch rows say so.
 */
import { defaultsOf, registryEntry } from '@gapkit/optimizers';

/** Registry names with a torch.optim counterpart. */
export const TORCH_OPTIMIZERS: readonly string[] = ['sgd', 'adam', 'adamw', 'amsgrad', 'radam'];

/** A torch.optim class name and its keyword arguments. */
export interface TorchOptimizer {
  readonly cls: string;
  readonly kwargs: Record<string, number | boolean | number[]>;
}

function num(d: Record<string, unknown>, key: string): number {
  const v = d[key];
  if (typeof v !== 'number') throw new Error(`registry default '${key}' is not a number: ${String(v)}`);
  return v;
}

/** The torch counterpart of registry optimizer `name` with `foreach` set, or null when torch.optim has none. */
export function torchOptimizer(name: string, foreach: boolean): TorchOptimizer | null {
  const d = defaultsOf(registryEntry(name));
  const adamLike = () => ({ lr: num(d, 'lr'), betas: [num(d, 'beta1'), num(d, 'beta2')], eps: num(d, 'eps'), weight_decay: num(d, 'weightDecay'), foreach });
  switch (name) {
    case 'sgd':
      return { cls: 'SGD', kwargs: { lr: num(d, 'lr'), momentum: num(d, 'momentum'), dampening: num(d, 'dampening'), weight_decay: num(d, 'weightDecay'), nesterov: d.nesterov === true, foreach } };
    case 'adam':
    case 'amsgrad':
      return { cls: 'Adam', kwargs: { ...adamLike(), amsgrad: d.amsgrad === true } };
    case 'adamw':
      return { cls: 'AdamW', kwargs: { ...adamLike(), amsgrad: d.amsgrad === true } };
    case 'radam':
      return { cls: 'RAdam', kwargs: adamLike() };
    default:
      return null;
  }
}
