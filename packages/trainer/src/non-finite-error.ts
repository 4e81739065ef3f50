/** A non-finite loss or gradient: the run stops at once, naming the step and the tensor. */
export class NonFiniteError extends Error {
  override name = 'NonFiniteError';
  /** 1-based index of the step that failed (it was not applied). */
  readonly step: number;
  /** `loss`, or the parameter whose gradient held the first non-finite value. */
  readonly tensor: string;
  readonly value: number;
  constructor(step: number, tensor: string, value: number) {
    super(`step ${step}: ${tensor === 'loss' ? 'the training loss' : `the gradient of '${tensor}'`} became ${value}; the step was not applied`);
    this.step = step;
    this.tensor = tensor;
    this.value = value;
  }
}
