/**
 * Robustness of the engine's public ops: random chains of ops over random shapes and arguments (bad ones
 * included: broadcasting mismatches, wrong reshape sizes, impossible conv and pool geometries, axes out of
 * range, non-integer sizes) either give a tensor whose backward runs, or throw an error the library wrote,
 * which names the op first (`conv2d: …`) — never a runtime TypeError/RangeError from deeper inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  avgPool2d,
  batchNormTraining,
  concat,
  conv2d,
  crossEntropy,
  div,
  expand,
  flatten,
  gather,
  globalAvgPool2d,
  linear,
  logSoftmax,
  matmul,
  max,
  maxPool2d,
  mean,
  mul,
  pad,
  permute,
  reshape,
  slice,
  softmax,
  sub,
  sum,
  Tensor,
  transpose,
} from '../src/index.js';

/** Axis sizes 0..3, rank 0..4: small enough that no chain allocates much. */
const shape = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 4 });
/** Mostly small integers, sometimes a value no op accepts as a size or index. */
const num = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: -3, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(1.5, Number.NaN, -0.5) });
const nums = fc.array(num, { maxLength: 5 });

const filled = (s: readonly number[], requiresGrad: boolean): Tensor => {
  const n = s.reduce((p, d) => p * d, 1);
  return new Tensor(Float32Array.from({ length: n }, (_, i) => ((i * 7) % 5) / 5 - 0.4), s, requiresGrad);
};

type Step = { readonly name: string; readonly apply: (t: Tensor) => Tensor };
const step = <A>(name: string, args: fc.Arbitrary<A>, apply: (t: Tensor, a: A) => Tensor): fc.Arbitrary<Step> =>
  args.map((a) => ({ name, apply: (t: Tensor) => apply(t, a), toString: () => `${name}(${JSON.stringify(a)})` }));

const steps: fc.Arbitrary<Step> = fc.oneof(
  step('add', shape, (t, s) => add(t, filled(s, true))),
  step('sub', shape, (t, s) => sub(t, filled(s, false))),
  step('mul', shape, (t, s) => mul(filled(s, true), t)),
  step('div', shape, (t, s) => div(t, filled(s, false).data.length > 0 ? filled(s, false) : 2)),
  step('reshape', nums, (t, s) => reshape(t, s)),
  step('sum', fc.tuple(nums, fc.boolean()), (t, [axes, keep]) => sum(t, axes, keep)),
  step('max', fc.tuple(num, fc.boolean()), (t, [axis, keep]) => max(t, axis, keep)),
  step('mean', fc.option(nums), (t, axes) => mean(t, axes ?? undefined)),
  step('transpose', fc.tuple(num, num), (t, [a, b]) => transpose(t, a, b)),
  step('permute', nums, (t, axes) => permute(t, axes)),
  step('slice', fc.tuple(nums, nums), (t, [s, e]) => slice(t, s, e)),
  step('pad', fc.array(fc.tuple(num, num), { maxLength: 4 }), (t, p) => pad(t, p)),
  step('concat', fc.tuple(shape, num), (t, [s, axis]) => concat([t, filled(s, true)], axis)),
  step('expand', shape, (t, s) => expand(t, s)),
  step('flatten', num, (t, a) => flatten(t, a)),
  step('matmul', shape, (t, s) => matmul(t, filled(s, true))),
  step('linear', fc.tuple(shape, fc.option(shape)), (t, [w, b]) => linear(t, filled(w, true), b === null ? null : filled(b, true))),
  step('conv2d', fc.tuple(shape, num, num), (t, [w, stride, padding]) => conv2d(t, filled(w, true), null, { stride, padding })),
  step('maxPool2d', fc.tuple(num, num, num), (t, [k, s, p]) => maxPool2d(t, k, s, p)),
  step('avgPool2d', fc.tuple(num, num, num), (t, [k, s, p]) => avgPool2d(t, k, s, p)),
  step('globalAvgPool2d', fc.constant(null), (t) => globalAvgPool2d(t)),
  step('logSoftmax', num, (t, axis) => logSoftmax(t, axis)),
  step('softmax', num, (t, axis) => softmax(t, axis)),
  step('batchNorm', fc.constant(null), (t) => batchNormTraining(t, null, null, 1e-5).y),
  step('gather', nums, (t, idx) => gather(t, Int32Array.from(idx.map((i) => (Number.isInteger(i) ? i : -1))))),
  step('crossEntropy', nums, (t, labels) => crossEntropy(t, Int32Array.from(labels.map((i) => (Number.isInteger(i) ? i : -1))))),
);

/**
 * An error the library wrote: its message starts with the op or function that refused, maybe followed by
 * one word or a parenthesis saying which part (`conv2d: …`, `crossEntropy labels: …`, `matmul (batch
 * axes): …`). Runtime messages (`Invalid typed array length: …`, `x is not a function`) do not fit.
 */
const LIBRARY_MESSAGE = /^(?<where>[A-Za-z][A-Za-z0-9]*)(\(\))?( [a-z][A-Za-z0-9]*| \([^)]*\))?: \S/;

function expectLibraryError(e: unknown, chain: readonly Step[]): void {
  const msg = e instanceof Error ? e.message : String(e);
  const where = LIBRARY_MESSAGE.exec(msg)?.groups?.where;
  if (!(e instanceof Error) || where === undefined || where === 'internal') {
    throw new Error(`chain ${chain.map(String).join(' → ')} threw a non-library error: ${e instanceof Error ? `${e.name}: ` : ''}${msg}`);
  }
}

describe('robustness: random op chains over random shapes', () => {
  it('give a result whose backward runs, or a named library error — never a raw runtime error', () => {
    let threw = 0;
    let ran = 0;
    fc.assert(
      fc.property(shape, fc.array(steps, { minLength: 1, maxLength: 4 }), (s, chain) => {
        const leaf = filled(s, true);
        try {
          let t = leaf;
          for (const st of chain) t = st.apply(t);
          sum(t).backward();
        } catch (e) {
          expectLibraryError(e, chain);
          threw++;
          return;
        }
        expect(leaf.grad?.shape).toEqual(leaf.shape);
        ran++;
      }),
      { numRuns: 1000 },
    );
    // Both outcomes occur, so the property exercised real results as well as refusals.
    expect(ran).toBeGreaterThan(0);
    expect(threw).toBeGreaterThan(0);
  });
});
