/**
 * A seeded synthetic implicit-feedback data set with known low-rank structure — the recommendation default
 * that needs no download. Users and items get latent factors p_u, q_i ~ N(0, I_rank) and items a popularity
 * bias b_i ~ N(0, popularity²). User u's preference logit for item i is
 *
 *     s(u, i) = sharpness · (p_u · q_i) / √rank + b_i
 *
 * and each user interacts with m_u ∈ [minPerUser, maxPerUser] distinct items drawn without replacement with
 * probability ∝ exp(s(u, i)) (Gumbel-top-k). Interactions get increasing timestamps in random order, so
 * leave-one-out holds out a random one of them. The output has the same form as the MovieLens and NCF
 * loaders ({@link Interactions}, ratings all 1), so the NCF protocol and training code run unchanged.
 */
import type { Rng } from '@gapkit/autodiff';
import type { Interactions } from './interactions.js';

/** Options of {@link syntheticImplicit}; every field has a small-and-fast default. */
export interface SyntheticImplicitOptions {
  /** Default 300. */
  readonly numUsers?: number;
  /** Default 500. */
  readonly numItems?: number;
  /** Latent dimension. Default 8. */
  readonly rank?: number;
  /** Default 20 (MovieLens-100k's minimum per user). */
  readonly minPerUser?: number;
  /** Default 60. */
  readonly maxPerUser?: number;
  /** Scale of the latent term of the logit. Default 2. */
  readonly sharpness?: number;
  /** Standard deviation of the item popularity bias. Default 1. */
  readonly popularity?: number;
}

/** The generated interactions and the ground truth that produced them. */
export interface SyntheticImplicit {
  readonly interactions: Interactions;
  readonly rank: number;
  readonly sharpness: number;
  /** `numUsers * rank`, row u = p_u. */
  readonly userFactors: Float32Array;
  /** `numItems * rank`, row i = q_i. */
  readonly itemFactors: Float32Array;
  /** `numItems` popularity biases b_i. */
  readonly itemBias: Float32Array;
}

/** First timestamp of the generated clock (2001-09-09, an arbitrary fixed epoch). */
const EPOCH = 1_000_000_000;

/**
 * Generates the data set; the same options and seed give the same output.
 * @throws RangeError on inconsistent sizes (e.g. maxPerUser > numItems).
 */
export function syntheticImplicit(rng: Rng, options: SyntheticImplicitOptions = {}): SyntheticImplicit {
  const numUsers = options.numUsers ?? 300;
  const numItems = options.numItems ?? 500;
  const rank = options.rank ?? 8;
  const minPerUser = options.minPerUser ?? 20;
  const maxPerUser = options.maxPerUser ?? 60;
  const sharpness = options.sharpness ?? 2;
  const popularity = options.popularity ?? 1;
  for (const [name, v] of Object.entries({ numUsers, numItems, rank, minPerUser, maxPerUser })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`syntheticImplicit: ${name} must be a positive integer, got ${v}`);
  }
  if (minPerUser > maxPerUser || maxPerUser > numItems) {
    throw new RangeError(`syntheticImplicit: need minPerUser ≤ maxPerUser ≤ numItems, got ${minPerUser}, ${maxPerUser}, ${numItems}`);
  }
  const userFactors = Float32Array.from({ length: numUsers * rank }, () => rng.normal());
  const itemFactors = Float32Array.from({ length: numItems * rank }, () => rng.normal());
  const itemBias = Float32Array.from({ length: numItems }, () => popularity * rng.normal());

  const users: number[] = [];
  const items: number[] = [];
  const timestamps: number[] = [];
  const keys = new Float64Array(numItems);
  const order = new Int32Array(numItems);
  for (let u = 0; u < numUsers; u++) {
    const m = minPerUser + rng.int(maxPerUser - minPerUser + 1);
    for (let i = 0; i < numItems; i++) {
      let uniform = rng.uniform();
      while (uniform === 0) uniform = rng.uniform();
      keys[i] = preferenceLogit(userFactors, itemFactors, itemBias, rank, sharpness, u, i) - Math.log(-Math.log(uniform));
      order[i] = i;
    }
    order.sort((a, b) => keys[b] - keys[a] || a - b);
    const chosen = rng.shuffle(order.slice(0, m));
    let t = EPOCH + rng.int(10_000_000);
    for (const i of chosen) {
      t += 1 + rng.int(86_400);
      users.push(u);
      items.push(i);
      timestamps.push(t);
    }
  }
  const n = users.length;
  return {
    interactions: {
      n,
      users: Int32Array.from(users),
      items: Int32Array.from(items),
      ratings: new Float32Array(n).fill(1),
      timestamps: Float64Array.from(timestamps),
      numUsers,
      numItems,
    },
    rank,
    sharpness,
    userFactors,
    itemFactors,
    itemBias,
  };
}

/** The true preference logit s(u, i) of a generated data set (the oracle score). */
export function syntheticPreference(truth: SyntheticImplicit, u: number, i: number): number {
  return preferenceLogit(truth.userFactors, truth.itemFactors, truth.itemBias, truth.rank, truth.sharpness, u, i);
}

function preferenceLogit(
  p: Float32Array,
  q: Float32Array,
  bias: Float32Array,
  rank: number,
  sharpness: number,
  u: number,
  i: number,
): number {
  let dot = 0;
  for (let d = 0; d < rank; d++) dot += p[u * rank + d] * q[i * rank + d];
  return (sharpness * dot) / Math.sqrt(rank) + bias[i];
}
