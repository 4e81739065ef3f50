import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channelAffine, tensor } from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, valuesArb } from '../testing.js';

describe('channelAffine', () => {
  it('golden values on [N=2, C=2, 2]', () => {
    // channel 0 (scale 2, shift 1): [1, 2] → [3, 5] and [5, 6] → [11, 13]
    // channel 1 (scale −1, shift 0): [3, 4] → [−3, −4] and [7, 8] → [−7, −8]
    const y = channelAffine(tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]), tensor([2, -1], [2]), tensor([1, 0], [2]));
    expect(Array.from(y.data)).toEqual([3, 5, -3, -4, 11, 13, -7, -8]);
  });

  it('names the shapes on a mismatch', () => {
    expect(() => channelAffine(tensor([1, 2], [1, 2]), tensor([1], [1]), tensor([0, 0], [2]))).toThrow(
      /channelAffine: scale \[1\] must be \[C\] for input \[1, 2\] of shape \[N, C, ...\]/,
    );
  });

  it('gradcheck for x, scale and shift on [N, C] and [N, C, H, W]', () => {
    const arb = fc.constantFrom<number[]>([3, 2], [2, 3, 2, 2], [1, 1, 3]).chain((s) =>
      fc.tuple(
        valuesArb(s.reduce((p, d) => p * d, 1)).map((v) => tensor(v, s)),
        valuesArb(s[1]).map((v) => tensor(v, [s[1]])),
        valuesArb(s[1]).map((v) => tensor(v, [s[1]])),
      ),
    );
    fc.assert(
      fc.property(arb, (inputs) => {
        gradcheck(channelAffine, inputs);
      }),
      { numRuns: PROPERTY_RUNS },
    );
  });
});
