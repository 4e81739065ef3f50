/**
 * Neural collaborative filtering (He et al. 2017; hexiangnan/neural_collaborative_filtering
 * `GMF.py`, `MLP.py`, `NeuMF.py`; docs/models.md#ncf): GMF, the MLP model and NeuMF, over user and item id
 * embeddings. Every model maps `(users, items)` (equal-length Int32Arrays of 0-based ids) to logits
 * of shape **[N]** (the reference's final `Dense(1, sigmoid)` without the sigmoid: train with
 * `bceWithLogits` against 0/1 labels, rank by the logit).
 *
 * - GMF: p_u ⊙ q_i → linear(factors → 1).
 * - MLP: [p_u, q_i] (each `embeddingDim`, looked up straight into the joined rows by `embedConcat`)
 *   → ReLU linear layers `tower` → linear(→ 1). The reference tower for layers [64, 32, 16, 8] is
 *   embeddingDim 32, tower [32, 16, 8]: three hidden layers, the "3-layer MLP over user and item
 *   embeddings" LAWN trained.
 * - NeuMF: GMF and MLP branches with separate embeddings, their last vectors concatenated →
 *   linear(factors + tower[last] → 1).
 *
 * Init as the reference (Keras): embeddings N(0, 0.01²); tower weights Glorot uniform, biases 0;
 * prediction weight LeCun uniform U(±√(3/fan_in)), bias 0.
 *
 * Tags: the weights of the tower and of `predict` are final-homogeneous (a ReLU network on the
 * embeddings, no normalization anywhere; for GMF only `predict`); `predict.*` carries `classifier`.
 * Embeddings have role `embedding` and no unit axes; linear weights have unitAxes [1].
 */
import { concat, Embedding, embedConcat, Linear, Module, mul, type Rng, relu, reshape, type Tensor, uniformInit, xavierUniform } from '@gapkit/autodiff';
import { finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import { positiveInt, positiveIntList, withDefaults } from './validate.js';

/** Table sizes shared by every NCF model (defaults: MovieLens-100k, 943 users × 1,682 items). */
export interface NcfTableOptions {
  /** Rows of the user embedding tables (ids 0..numUsers−1). */
  readonly numUsers: number;
  /** Rows of the item embedding tables (ids 0..numItems−1). */
  readonly numItems: number;
}

/** GMF options. */
export interface GmfOptions extends NcfTableOptions {
  /** Latent factors (embedding size) of the GMF branch (reference: 8). */
  readonly factors: number;
}

/** NCF MLP options. */
export interface NcfMlpOptions extends NcfTableOptions {
  /** Embedding size of users and of items (reference: 32, i.e. layers[0]/2 = 64/2). */
  readonly embeddingDim: number;
  /** Hidden ReLU layer widths (reference: [32, 16, 8]). */
  readonly tower: readonly number[];
}

/** NeuMF options: both branches. */
export interface NeuMfOptions extends GmfOptions, NcfMlpOptions {}

const TABLES: NcfTableOptions = { numUsers: 943, numItems: 1682 };
/** GMF reference configuration (MovieLens-100k sizes). */
export const GMF_DEFAULTS: GmfOptions = { ...TABLES, factors: 8 };
/** MLP reference configuration, layers [64, 32, 16, 8] (MovieLens-100k sizes). */
export const NCF_MLP_DEFAULTS: NcfMlpOptions = { ...TABLES, embeddingDim: 32, tower: [32, 16, 8] };
/** NeuMF reference configuration (MovieLens-100k sizes). */
export const NEUMF_DEFAULTS: NeuMfOptions = { ...TABLES, factors: 8, embeddingDim: 32, tower: [32, 16, 8] };

function resolve<O extends NcfTableOptions>(where: string, defaults: O, opts: Partial<O>): O {
  const o = withDefaults(where, defaults, opts);
  positiveInt(where, 'numUsers', o.numUsers);
  positiveInt(where, 'numItems', o.numItems);
  if ('factors' in o) positiveInt(where, 'factors', o.factors as number);
  if ('embeddingDim' in o) positiveInt(where, 'embeddingDim', o.embeddingDim as number);
  if ('tower' in o) positiveIntList(where, 'tower', o.tower as readonly number[], true);
  return o;
}

/** Checks a batch of (user, item) ids: equal lengths, at least one pair. Range is checked by the embedding. */
function checkBatch(where: string, users: Int32Array, items: Int32Array): number {
  if (users.length !== items.length) {
    throw new RangeError(`${where}: users and items must have the same length, got ${users.length} users and ${items.length} items`);
  }
  if (users.length === 0) throw new RangeError(`${where}: users must hold at least one id, got an empty batch`);
  return users.length;
}

function embedding(rows: number, dim: number, rng: Rng): Embedding {
  return new Embedding(rows, dim, rng, { std: 0.01 });
}

/** Keras defaults: Glorot-uniform weight, zero bias. */
function denseGlorot(inF: number, outF: number, rng: Rng): Linear {
  return new Linear(inF, outF, rng, { bias: true, init: (shape, r) => xavierUniform(shape, r), biasInit: 'zeros' });
}

/** The reference prediction layer: LeCun-uniform weight, zero bias. */
function predictLayer(inF: number, rng: Rng): Linear {
  const bound = Math.sqrt(3 / inF);
  return new Linear(inF, 1, rng, { bias: true, init: (shape, r) => uniformInit(shape, -bound, bound, r), biasInit: 'zeros' });
}

/** The ReLU tower of the MLP branch (a field `tower`, so its layers are `tower.0`, `tower.1`, …). */
function makeTower(inF: number, widths: readonly number[], rng: Rng): Linear[] {
  return widths.map((w) => {
    const fc = denseGlorot(inF, w, rng);
    inF = w;
    return fc;
  });
}

function runTower(tower: readonly Linear[], x: Tensor): Tensor {
  for (const fc of tower) x = relu(fc.forward(x));
  return x;
}

/** Generalized matrix factorization. */
export class Gmf extends Module {
  readonly userEmbedding: Embedding;
  readonly itemEmbedding: Embedding;
  readonly predict: Linear;

  constructor(o: GmfOptions, rng: Rng) {
    super();
    this.userEmbedding = embedding(o.numUsers, o.factors, rng);
    this.itemEmbedding = embedding(o.numItems, o.factors, rng);
    this.predict = predictLayer(o.factors, rng);
    markFinalHomogeneous(this.predict);
    markClassifier(this.predict);
    finalizeNames(this);
  }

  /** (users, items) of length N → logits [N]. */
  forward(users: Int32Array, items: Int32Array): Tensor {
    const n = checkBatch('ncf-gmf', users, items);
    const v = mul(this.userEmbedding.forward(users), this.itemEmbedding.forward(items));
    return reshape(this.predict.forward(v), [n]);
  }
}

/** The NCF multilayer perceptron. */
export class NcfMlp extends Module {
  readonly userEmbedding: Embedding;
  readonly itemEmbedding: Embedding;
  readonly tower: Linear[];
  readonly predict: Linear;

  constructor(o: NcfMlpOptions, rng: Rng) {
    super();
    this.userEmbedding = embedding(o.numUsers, o.embeddingDim, rng);
    this.itemEmbedding = embedding(o.numItems, o.embeddingDim, rng);
    this.tower = makeTower(2 * o.embeddingDim, o.tower, rng);
    this.predict = predictLayer(o.tower.length > 0 ? o.tower[o.tower.length - 1] : 2 * o.embeddingDim, rng);
    markFinalHomogeneous(...this.tower, this.predict);
    markClassifier(this.predict);
    finalizeNames(this);
  }

  /** (users, items) of length N → logits [N]. */
  forward(users: Int32Array, items: Int32Array): Tensor {
    const n = checkBatch('ncf-mlp', users, items);
    const h = runTower(this.tower, embedConcat([this.userEmbedding, this.itemEmbedding], [users, items]));
    return reshape(this.predict.forward(h), [n]);
  }
}

/** NeuMF: GMF and MLP branches fused by one prediction layer. */
export class NeuMf extends Module {
  readonly mfUserEmbedding: Embedding;
  readonly mfItemEmbedding: Embedding;
  readonly mlpUserEmbedding: Embedding;
  readonly mlpItemEmbedding: Embedding;
  readonly tower: Linear[];
  readonly predict: Linear;

  constructor(o: NeuMfOptions, rng: Rng) {
    super();
    this.mfUserEmbedding = embedding(o.numUsers, o.factors, rng);
    this.mfItemEmbedding = embedding(o.numItems, o.factors, rng);
    this.mlpUserEmbedding = embedding(o.numUsers, o.embeddingDim, rng);
    this.mlpItemEmbedding = embedding(o.numItems, o.embeddingDim, rng);
    this.tower = makeTower(2 * o.embeddingDim, o.tower, rng);
    const mlpOut = o.tower.length > 0 ? o.tower[o.tower.length - 1] : 2 * o.embeddingDim;
    this.predict = predictLayer(o.factors + mlpOut, rng);
    markFinalHomogeneous(...this.tower, this.predict);
    markClassifier(this.predict);
    finalizeNames(this);
  }

  /** (users, items) of length N → logits [N]. */
  forward(users: Int32Array, items: Int32Array): Tensor {
    const n = checkBatch('neumf', users, items);
    const mf = mul(this.mfUserEmbedding.forward(users), this.mfItemEmbedding.forward(items));
    const mlp = runTower(this.tower, embedConcat([this.mlpUserEmbedding, this.mlpItemEmbedding], [users, items]));
    return reshape(this.predict.forward(concat([mf, mlp], 1)), [n]);
  }
}

/** Builds GMF (defaults: 8 factors, MovieLens-100k sizes). */
export function gmf(opts: Partial<GmfOptions>, rng: Rng): Gmf {
  return new Gmf(resolve('ncf-gmf', GMF_DEFAULTS, opts), rng);
}

/** Builds the NCF MLP (defaults: embeddings 32, tower [32, 16, 8], MovieLens-100k sizes). */
export function ncfMlp(opts: Partial<NcfMlpOptions>, rng: Rng): NcfMlp {
  return new NcfMlp(resolve('ncf-mlp', NCF_MLP_DEFAULTS, opts), rng);
}

/** Builds NeuMF (defaults: factors 8, embeddings 32, tower [32, 16, 8], MovieLens-100k sizes). */
export function neuMf(opts: Partial<NeuMfOptions>, rng: Rng): NeuMf {
  return new NeuMf(resolve('neumf', NEUMF_DEFAULTS, opts), rng);
}

function tallyTower(t: ParameterTally, inF: number, tower: readonly number[]): number {
  for (const w of tower) {
    t.linear(inF, w, true);
    inF = w;
  }
  return inF;
}

/** Parameter count of `gmf(opts)` from shapes alone. */
export function countGmf(opts: Partial<GmfOptions> = {}): ParameterCount {
  const o = resolve('ncf-gmf', GMF_DEFAULTS, opts);
  return new ParameterTally().embedding(o.numUsers, o.factors).embedding(o.numItems, o.factors).linear(o.factors, 1, true).result();
}

/** Parameter count of `ncfMlp(opts)` from shapes alone. */
export function countNcfMlp(opts: Partial<NcfMlpOptions> = {}): ParameterCount {
  const o = resolve('ncf-mlp', NCF_MLP_DEFAULTS, opts);
  const t = new ParameterTally().embedding(o.numUsers, o.embeddingDim).embedding(o.numItems, o.embeddingDim);
  return t.linear(tallyTower(t, 2 * o.embeddingDim, o.tower), 1, true).result();
}

/** Parameter count of `neuMf(opts)` from shapes alone. */
export function countNeuMf(opts: Partial<NeuMfOptions> = {}): ParameterCount {
  const o = resolve('neumf', NEUMF_DEFAULTS, opts);
  const t = new ParameterTally().embedding(o.numUsers, o.factors).embedding(o.numItems, o.factors);
  t.embedding(o.numUsers, o.embeddingDim).embedding(o.numItems, o.embeddingDim);
  return t.linear(o.factors + tallyTower(t, 2 * o.embeddingDim, o.tower), 1, true).result();
}
