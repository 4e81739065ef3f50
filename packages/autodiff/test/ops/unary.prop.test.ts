import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  abs,
  clamp,
  exp,
  leakyRelu,
  log,
  neg,
  pow,
  relu,
  sigmoid,
  softplus,
  sqrt,
  square,
  type Tensor,
  tanh,
  tensor,
} from '../../src/index.js';
import { gradcheck, PROPERTY_RUNS, shapeArb, type ValuesArbOptions, valuesArb } from '../testing.js';

/** Each op with an input domain that keeps central differences away from kinks and poles. */
const cases: Array<[string, (x: Tensor) => Tensor, ValuesArbOptions]> = [
  ['neg', neg, {}],
  ['exp', exp, {}],
  ['log', log, { min: 0.2, max: 3 }],
  ['sqrt', sqrt, { min: 0.2, max: 3 }],
  ['pow(x, 3)', (x) => pow(x, 3), {}],
  ['pow(x, −1.5)', (x) => pow(x, -1.5), { min: 0.3, max: 3 }],
  ['abs', abs, { avoid: [0] }],
  ['square', square, {}],
  ['relu', relu, { avoid: [0] }],
  ['leakyRelu', (x) => leakyRelu(x, 0.2), { avoid: [0] }],
  ['sigmoid', sigmoid, { min: -6, max: 6 }],
  ['tanh', tanh, {}],
  ['softplus', softplus, { min: -6, max: 6 }],
  ['clamp', (x) => clamp(x, -1, 1), { avoid: [-1, 1] }],
];

const inputArb = (opts: ValuesArbOptions) =>
  shapeArb({ maxRank: 3, maxDim: 3 }).chain((s) => valuesArb(s.reduce((p, d) => p * d, 1), opts).map((v) => tensor(v, s)));

describe('elementwise unary ops: gradcheck on random shapes', () => {
  for (const [name, op, opts] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(inputArb(opts), (x) => {
          gradcheck(op, [x]);
        }),
        { numRuns: PROPERTY_RUNS },
      );
    });
  }
});
