/**
 * `auto`'s plan: `kernel:sizeClass` → backend name, the outcome of its timing as plain JSON. Given
 * back (`createBackend('auto', { plan })`) it fixes those size classes to those backends without
 * timing, so a rerun or a resumed run computes with exactly the same kernels.
 */
import { type BackendPlan, KERNEL_NAMES } from '@gapkit/autodiff';

/**
 * Checks `plan` (e.g. parsed from a run config) against the backends available here: an object whose
 * keys are `kernel:sizeClass` with a known kernel and whose values name one of `available`. Every
 * problem is listed in one error.
 */
export function checkPlan(plan: unknown, available: readonly string[]): BackendPlan {
  if (plan === null || typeof plan !== 'object' || Array.isArray(plan)) {
    throw new TypeError(`auto: plan must be an object of 'kernel:sizeClass' → backend name (as returned by plan()), got ${plan === null ? 'null' : Array.isArray(plan) ? 'an array' : typeof plan}`);
  }
  const problems: string[] = [];
  for (const [key, value] of Object.entries(plan)) {
    const kernel = key.slice(0, key.indexOf(':'));
    if (!key.includes(':') || !(KERNEL_NAMES as readonly string[]).includes(kernel)) {
      problems.push(`key '${key}' is not 'kernel:sizeClass' with a kernel among ${KERNEL_NAMES.join(', ')}`);
    } else if (typeof value !== 'string') {
      problems.push(`'${key}' must name a backend (a string), got ${typeof value}`);
    } else if (!available.includes(value)) {
      problems.push(`'${key}' names backend '${value}', which is not available here (available: ${available.join(', ')})`);
    }
  }
  if (problems.length > 0) throw new Error(`auto: the plan cannot be used here: ${problems.join('; ')}`);
  return plan as BackendPlan;
}
