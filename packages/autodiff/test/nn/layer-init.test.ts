/**
 * The `init` / `biasInit` options of Conv2d, Linear and Embedding: the default is still PyTorch's (the
 * same values from the same seed as before the options existed), and a given initializer replaces the
 * default draw instead of following it (each weight is drawn once).
 */
import { describe, expect, it } from 'vitest';
import { Conv2d, Embedding, kaimingNormal, kaimingUniform, Linear, normalInit, Rng, type Shape, uniformInit, type WeightInit } from '../../src/index.js';

/** The draws the layers made before `init` existed: kaiming-uniform (a = √5) weight, then U(±1/√fanIn) bias. */
function oldTorchDefault(shape: Shape, fanIn: number, rng: Rng, bias: boolean): { w: Float32Array; b: Float32Array | null } {
  const w = kaimingUniform(shape, rng, { gain: Math.sqrt(1 / 3) });
  const bound = 1 / Math.sqrt(fanIn);
  return { w, b: bias ? uniformInit([shape[0]], -bound, bound, rng) : null };
}

/** An initializer that records its calls and draws `std`-normals from the rng it is given. */
function recording(std: number): { init: WeightInit; calls: Array<{ shape: Shape; rng: Rng }> } {
  const calls: Array<{ shape: Shape; rng: Rng }> = [];
  const init: WeightInit = (shape, rng) => {
    calls.push({ shape: [...shape], rng });
    return normalInit(shape, std, rng);
  };
  return { calls, init };
}

describe('layer init option', () => {
  it('default unchanged: Linear and Conv2d draw exactly what they drew before (weight, then bias) and leave the rng at the same place', () => {
    const [a, b] = [new Rng(11), new Rng(11)];
    const lin = new Linear(6, 4, a);
    const old = oldTorchDefault([4, 6], 6, b, true);
    expect(lin.weight.data).toEqual(old.w);
    expect(lin.bias!.data).toEqual(old.b);
    const conv = new Conv2d(3, 5, [3, 2], a, { bias: true });
    const oldConv = oldTorchDefault([5, 3, 3, 2], 18, b, true);
    expect(conv.weight.data).toEqual(oldConv.w);
    expect(conv.bias!.data).toEqual(oldConv.b);
    const noBias = new Conv2d(2, 2, 1, a, { bias: false });
    expect(noBias.weight.data).toEqual(oldTorchDefault([2, 2, 1, 1], 2, b, false).w);
    const emb = new Embedding(7, 3, a);
    expect(emb.weight.data).toEqual(normalInit([7, 3], 0.01, b));
    expect(a.getState()).toEqual(b.getState());
  });

  it.each([
    ['Linear', (rng: Rng, init: WeightInit) => new Linear(5, 3, rng, { init, biasInit: 'zeros' }), [3, 5]],
    ['Conv2d', (rng: Rng, init: WeightInit) => new Conv2d(2, 4, 3, rng, { init, biasInit: 'zeros' }), [4, 2, 3, 3]],
    ['Embedding', (rng: Rng, init: WeightInit) => new Embedding(9, 2, rng, { init }), [9, 2]],
  ] as const)('%s: init is called once with the shape and the layer rng, its values are the weight, and nothing else is drawn', (_, make, shape) => {
    const rng = new Rng(5);
    const { init, calls } = recording(0.3);
    const layer = make(rng, init);
    expect(calls).toEqual([{ shape, rng }]);
    const ref = new Rng(5);
    expect(layer.weight.data).toEqual(normalInit(shape, 0.3, ref));
    // the rng moved by the init's own draws only: no discarded default draw before it, no bias draw after
    expect(rng.getState()).toEqual(ref.getState());
  });

  it("biasInit: 'zeros' is a zero bias; 'default' still draws U(±1/√fanIn) after a custom weight", () => {
    expect(Array.from(new Linear(4, 3, new Rng(1), { biasInit: 'zeros' }).bias!.data)).toEqual([0, 0, 0]);
    const rng = new Rng(2);
    const conv = new Conv2d(2, 3, 2, rng, { init: (s, r) => kaimingNormal(s, r) });
    const ref = new Rng(2);
    expect(conv.weight.data).toEqual(kaimingNormal([3, 2, 2, 2], ref));
    expect(conv.bias!.data).toEqual(uniformInit([3], -1 / Math.sqrt(8), 1 / Math.sqrt(8), ref));
    expect(rng.getState()).toEqual(ref.getState());
  });

  it('a bad init result or conflicting options name the layer, the expected form and the value', () => {
    expect(() => new Linear(4, 3, new Rng(1), { init: () => new Float32Array(11) })).toThrow(
      'Linear: init must return a Float32Array of 12 values for weight [3, 4], got a Float32Array of 11',
    );
    expect(() => new Conv2d(1, 2, 1, new Rng(1), { init: () => [0, 0] as unknown as Float32Array })).toThrow(
      'Conv2d: init must return a Float32Array of 2 values for weight [2, 1, 1, 1], got 0,0',
    );
    expect(() => new Embedding(3, 2, new Rng(1), { std: 0.1, init: (s, r) => normalInit(s, 1, r) })).toThrow('Embedding: give std or init, not both (got std 0.1');
  });
});
