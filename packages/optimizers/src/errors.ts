/**
 * The one error class the optimizers throw for bad input (options, gradients, state dicts, schedules),
 * so callers and the robustness tests can tell a library error from a runtime `TypeError`.
 */
export class OptimizerError extends Error {
  override readonly name = 'OptimizerError';
}
