/**
 * Analytic parameter counts, computed from a model's resolved configuration without allocating a
 * single weight. Each builder walks the same resolved configuration twice: once to build modules,
 * once to tally shapes here, and the tests check the two agree on real builds.
 */

/** Trainable parameter elements of a model. */
export interface ParameterCount {
  /** Every trainable element. */
  readonly total: number;
  /**
   * Elements of tensors that carry `unitAxes` (conv kernels and linear weights: ND-Adam's vector
   * set θ^v); `total − vector` is the scalar set θ^s (biases, normalization parameters, embeddings).
   */
  readonly vector: number;
}

/** Accumulates layer shapes into a {@link ParameterCount}. Methods chain. */
export class ParameterTally {
  private total = 0;
  private vector = 0;

  /** A conv kernel [out, in, kh, kw] (vector) plus an optional bias [out] (scalar). */
  conv(inChannels: number, outChannels: number, kernelSize: number, bias: boolean): this {
    this.vector += outChannels * inChannels * kernelSize * kernelSize;
    this.total += outChannels * inChannels * kernelSize * kernelSize + (bias ? outChannels : 0);
    return this;
  }

  /** A linear weight [out, in] (vector) plus an optional bias [out] (scalar). */
  linear(inFeatures: number, outFeatures: number, bias: boolean): this {
    this.vector += outFeatures * inFeatures;
    this.total += outFeatures * inFeatures + (bias ? outFeatures : 0);
    return this;
  }

  /** Batch norm over `features` channels: scale and shift, or the shift only when the scale is fixed. */
  batchNorm(features: number, fixedScale: boolean): this {
    this.total += fixedScale ? features : 2 * features;
    return this;
  }

  /** An embedding table [rows, dim] (scalar: embeddings carry no unit axes). */
  embedding(rows: number, dim: number): this {
    this.total += rows * dim;
    return this;
  }

  /** The count so far. */
  result(): ParameterCount {
    return { total: this.total, vector: this.vector };
  }
}
