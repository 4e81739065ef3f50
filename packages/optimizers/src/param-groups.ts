/**
 * Building parameter groups from metadata (the optimizer never knows the model's classes).
 */
import type { Parameter } from '@gapkit/autodiff';

/** Roles that conventionally get no weight decay. */
export const NO_DECAY_ROLES: readonly string[] = ['bias', 'norm-scale', 'norm-shift'];

/** True for biases, normalization scales/shifts and anything tagged `no-decay`. */
export function isNoDecay(p: Parameter): boolean {
  return NO_DECAY_ROLES.includes(p.meta.role) || p.meta.tags.has('no-decay');
}

/**
 * Splits parameters into two groups: the first keeps the optimizer's weight decay, the second
 * (biases, normalization parameters, `no-decay` tags) gets `weightDecay: 0`. Empty groups are dropped.
 * Parameters tagged `frozen` are left out entirely.
 */
export function noDecayGroups(params: readonly Parameter[]): Array<{ params: Parameter[]; weightDecay?: number }> {
  const live = params.filter((p) => !p.meta.tags.has('frozen'));
  const decay = live.filter((p) => !isNoDecay(p));
  const noDecay = live.filter(isNoDecay);
  const out: Array<{ params: Parameter[]; weightDecay?: number }> = [];
  if (decay.length > 0) out.push({ params: decay });
  if (noDecay.length > 0) out.push({ params: noDecay, weightDecay: 0 });
  return out;
}
