/**
 * AMSGrad's running max of v when the `amsgrad` (AMSBound: `amsbound`) option changes between steps —
 * one rule for Adam, AMSGrad, Padam, AdamS and AdaBound: the max starts at the current v when switched
 * on, and is dropped (plain v again) when switched off.
 */
export function runningMaxFor(current: Float32Array | null, v: Float32Array, on: boolean): Float32Array | null {
  return on ? (current ?? v.slice()) : null;
}
