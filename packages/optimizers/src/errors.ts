/**
 * The one error class the optimizers throw for bad input (options, gradients, state dicts, schedules),
 * so callers and the robustness tests can tell a library error from a runtime `TypeError`.
 */
export class OptimizerError extends Error {
  override readonly name = 'OptimizerError';
}

/**
 * A value as it appears in an error message: numbers as written (NaN, Infinity), strings quoted,
 * objects as (shortened) JSON — never throwing, even for cyclic or prototype-less objects.
 */
export function show(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'undefined';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol' || typeof v === 'bigint') return v.toString();
  try {
    const json = JSON.stringify(v);
    if (json !== undefined) return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    // cyclic: fall through
  }
  return Object.prototype.toString.call(v);
}
