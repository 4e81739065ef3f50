import { assertIndices, gather } from '../ops/gather.js';
import { gatherConcat } from '../ops/gather-concat.js';
import type { Rng } from '../random.js';
import type { Tensor } from '../tensor.js';
import { normalInit, type WeightInit } from './init.js';
import { drawWeight } from './layer-init.js';
import { Module } from './module.js';
import { Parameter } from './parameter.js';

export interface EmbeddingOptions {
  /** Standard deviation of the N(0, std²) init (default 0.01, as NCF). */
  std?: number;
  /** Draws the table [numEmbeddings, dim] instead of N(0, std²) (called once); excludes `std`. */
  init?: WeightInit;
}

/** A lookup table [numEmbeddings, dim] (role 'embedding'); forward maps indices to rows. */
export class Embedding extends Module {
  readonly weight: Parameter;
  readonly numEmbeddings: number;
  readonly dim: number;

  constructor(numEmbeddings: number, dim: number, rng: Rng, options: EmbeddingOptions = {}) {
    super();
    for (const [name, v] of [['numEmbeddings', numEmbeddings], ['dim', dim]] as const) {
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`Embedding: ${name} must be a positive integer, got ${v}`);
    }
    this.numEmbeddings = numEmbeddings;
    this.dim = dim;
    if (options.init !== undefined && options.std !== undefined) {
      throw new RangeError(`Embedding: give std or init, not both (got std ${options.std} and an init function)`);
    }
    const shape = [numEmbeddings, dim];
    const std = options.std ?? 0.01;
    this.weight = new Parameter(drawWeight('Embedding', shape, rng, options.init ?? ((s, r) => normalInit(s, std, r))), shape, { role: 'embedding' });
  }

  /** Rows of the table for each index: [indices.length, dim]. Throws on an index outside the table. */
  forward(indices: Int32Array): Tensor {
    assertIndices(`Embedding(${this.numEmbeddings}, ${this.dim})`, indices, this.numEmbeddings);
    return gather(this.weight, indices);
  }
}

/**
 * `concat(embeddings.map((e, k) => e.forward(ids[k])), 1)` as one `gatherConcat`: the same values and
 * gradients, bit for bit, without copying the looked-up rows into the joined tensor (NCF's MLP input).
 */
export function embedConcat(embeddings: readonly Embedding[], ids: readonly Int32Array[]): Tensor {
  if (ids.length !== embeddings.length) throw new RangeError(`embedConcat: need one index array per embedding, got ${ids.length} for ${embeddings.length}`);
  embeddings.forEach((e, k) => {
    assertIndices(`Embedding(${e.numEmbeddings}, ${e.dim})`, ids[k], e.numEmbeddings);
  });
  return gatherConcat(
    embeddings.map((e) => e.weight),
    ids,
  );
}
