/**
 * The engine's ownership rules on random graphs with fan-out and fan-in: ops that hand dy on (add,
 * reshape), share one array between inputs (add), or return new arrays (the rest, some from the
 * backward pool). Whatever the engine sums into, hands out as `.grad` or recycles, it must never be an
 * array something else still reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, batchNormTraining, fromOp, mul, relu, reshape, sub, sum, Tensor, tanh } from '../src/index.js';
import { expectClose } from './testing.js';

const SHAPE = [2, 3];

const leaf = (seed: number): Tensor =>
  new Tensor(Float32Array.from({ length: 6 }, (_, i) => Math.sin(seed * 13 + i * 7) * 1.5), SHAPE, true);

/** Identity whose backward returns a private copy of dy: a graph of these shares nothing. */
function copying(x: Tensor): Tensor {
  return fromOp('copying', x.data.slice(), x.shape, [x], (dy) => [new Tensor(dy.data.slice(), x.shape)]);
}

type Op = (a: Tensor, b: Tensor) => Tensor;
const OPS: readonly Op[] = [
  (a, b) => add(a, b),
  (a, b) => sub(a, b),
  (a, b) => mul(a, b),
  (a) => relu(a),
  (a) => tanh(a),
  (a) => reshape(reshape(a, [3, 2]), SHAPE),
  (a, b) => add(a, a === b ? a : relu(b)),
  (a) => batchNormTraining(a, null, null, 1e-5).y,
];

/** Builds the graph of `spec` over two leaves; `wrap` is applied to every op result. */
function build(spec: ReadonlyArray<readonly [number, number, number]>, wrap: (t: Tensor) => Tensor) {
  const leaves = [leaf(1), leaf(2)];
  const nodes: Tensor[] = [...leaves];
  for (const [op, i, j] of spec) nodes.push(wrap(OPS[op](nodes[i % nodes.length], nodes[j % nodes.length])));
  // the last three results and both leaves meet at the loss, so every leaf gets a gradient
  const weights = new Tensor(Float32Array.from({ length: 6 }, (_, i) => i - 2.5), SHAPE);
  const joined = add(add(add(nodes.at(-1)!, nodes.at(-2)!), nodes.at(-3)!), mul(leaves[0], leaves[1]));
  const loss = sum(mul(joined, weights));
  return { leaves, nodes, loss };
}

const specArb = fc.array(fc.tuple(fc.integer({ min: 0, max: OPS.length - 1 }), fc.nat(20), fc.nat(20)), { minLength: 1, maxLength: 10 });

describe('ownership: random graphs with shared and handed-on gradients', () => {
  it('backward writes nothing still in use: forward values stay, a retained second pass adds the same gradient', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const { leaves, nodes, loss } = build(spec, (t) => t);
        const before = nodes.map((t) => Array.from(t.data));
        loss.backward(undefined, { retainGraph: true });
        const first = leaves.map((l) => Array.from(l.grad!.data));
        for (const [k, t] of nodes.entries()) expect(Array.from(t.data)).toEqual(before[k]);
        loss.backward(undefined, { retainGraph: true });
        for (const [k, l] of leaves.entries()) expect(Array.from(l.grad!.data)).toEqual(first[k].map((v) => 2 * v));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the gradients of the same graph in which no two ops share a gradient array', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const shared = build(spec, (t) => t);
        const isolated = build(spec, copying);
        shared.loss.backward();
        isolated.loss.backward();
        for (const [k, l] of shared.leaves.entries()) expectClose(l.grad!, isolated.leaves[k].grad!, { rtol: 1e-5, atol: 1e-5 });
        expect(shared.leaves[0].grad!.data).not.toBe(shared.leaves[1].grad!.data);
      }),
      { numRuns: 200 },
    );
  });
});
