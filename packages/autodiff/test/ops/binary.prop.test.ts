import fc from 'fast-check';
import { describe, it } from 'vitest';
import { add, div, mul, sub, type Tensor, tensor } from '../../src/index.js';
import { broadcastPairArb, gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

const size = (s: number[]) => s.reduce((p, d) => p * d, 1);

/** Broadcast pairs of tensors; b's values keep |b| ≥ 0.5 so division stays well-conditioned. */
const pairArb = broadcastPairArb({ maxRank: 3, maxDim: 3 }).chain(([sa, sb]) =>
  fc.tuple(fc.constant(sa), fc.constant(sb), valuesArb(size(sa)), valuesArb(size(sb), { min: -2, max: 2, avoid: [0], margin: 0.5 })),
);

const ops: Array<[string, (a: Tensor, b: Tensor) => Tensor]> = [
  ['add', add],
  ['sub', sub],
  ['mul', mul],
  ['div', div],
];

describe('elementwise binary ops: gradcheck on random broadcasting pairs', () => {
  for (const [name, op] of ops) {
    it(name, () => {
      fc.assert(
        fc.property(pairArb, ([sa, sb, va, vb]) => {
          gradcheck(op, [tensor(va, sa), tensor(vb, sb)]);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });
  }
});
