/** The two training workloads' networks, defined once so every engine builds the same thing. */
import { randomData } from './random-data.js';

/**
 * ResNet-8: conv3×3 3→16 + BN + ReLU; basic blocks 16→16 (s1), 16→32 (s2), 32→64 (s2), each two
 * conv3×3 + BN with a 1×1 conv + BN shortcut where the shape changes; global average pool; linear to
 * 10. Batch-statistics BN, softmax cross-entropy, Adam(1e-3).
 */
export const RESNET8_SPEC = {
  parameters: 78_042,
  stages: [
    { inC: 16, outC: 16, stride: 1 },
    { inC: 16, outC: 32, stride: 2 },
    { inC: 32, outC: 64, stride: 2 },
  ],
  classes: 10,
} as const;

/**
 * NCF (MLP): user 6040×32 and item 3706×32 embeddings, concat (64) → 64 → ReLU → 32 → ReLU → 16 →
 * ReLU → 1, BCE-with-logits, Adam(1e-3) (dense: every parameter every step).
 */
export const NCF_SPEC = {
  parameters: 318_657,
  users: 6040,
  items: 3706,
  dim: 32,
  tower: [64, 32, 16],
  /** The same pseudo-random (user, item, label) batch in every engine. */
  batchIds(batch: number): { users: Int32Array; items: Int32Array; labels: Float32Array } {
    const r = randomData(3 * batch, 9);
    return {
      users: Int32Array.from({ length: batch }, (_, i) => Math.floor(((r[i] + 1) / 2) * 6040) % 6040),
      items: Int32Array.from({ length: batch }, (_, i) => Math.floor(((r[batch + i] + 1) / 2) * 3706) % 3706),
      labels: Float32Array.from({ length: batch }, (_, i) => (r[2 * batch + i] > 0 ? 1 : 0)),
    };
  },
} as const;
