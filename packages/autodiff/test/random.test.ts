import { describe, expect, it } from 'vitest';
import { Rng } from '../src/index.js';

const draw = (r: Rng, n: number) => Array.from({ length: n }, () => r.uniform());

describe('Rng', () => {
  it('same seed, same stream; different seeds differ', () => {
    expect(draw(new Rng(42), 10)).toEqual(draw(new Rng(42), 10));
    expect(draw(new Rng(42), 10)).not.toEqual(draw(new Rng(43), 10));
  });

  it('getState/setState restores the stream exactly', () => {
    const r = new Rng(7);
    draw(r, 5);
    const s = r.getState();
    const next = [r.uniform(), r.normal(), r.int(10)];
    r.setState(s);
    expect([r.uniform(), r.normal(), r.int(10)]).toEqual(next);
  });

  it('getState/setState between the two values of a Box–Muller pair continues the same normals', () => {
    const r = new Rng(8);
    r.normal(); // computes a pair, hands out the first, keeps the second pending
    const s = r.getState();
    const next = [r.normal(), r.normal(), r.uniform()];
    const restored = new Rng(0);
    restored.setState(s);
    expect([restored.normal(), restored.normal(), restored.uniform()]).toEqual(next);
  });

  it('permutation is a permutation and is reproducible', () => {
    const p = new Rng(3).permutation(50);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(new Rng(3).permutation(50))).toEqual(Array.from(p));
  });

  it('fork gives an independent but reproducible child', () => {
    const a = new Rng(1).fork();
    const b = new Rng(1).fork();
    expect(draw(a, 5)).toEqual(draw(b, 5));
    expect(draw(new Rng(1).fork(), 5)).not.toEqual(draw(new Rng(1), 5));
  });

  it('rejects bad arguments', () => {
    expect(() => new Rng(1.5)).toThrow(/seed must be an integer/);
    expect(() => new Rng(1).int(0)).toThrow(/n must be a positive integer/);
    expect(() => new Rng(1).setState({ words: [0, 0, 0, 0], spareNormal: null })).toThrow(/all-zero state/);
    expect(() => new Rng(1).setState({ words: [1, 2, 3] as unknown as [number, number, number, number], spareNormal: null })).toThrow(
      /words must be four uint32 values, got \[1,2,3\]/,
    );
    expect(() => new Rng(1).setState({ words: [1, 2, 3, 4], spareNormal: Number.NaN })).toThrow(/spareNormal must be a finite number or null, got NaN/);
  });
});
