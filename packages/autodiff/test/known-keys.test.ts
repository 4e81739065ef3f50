import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertKnownKeys, closestName, editDistance } from '../src/known-keys.js';

describe('editDistance', () => {
  it('counts single edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('lr', 'LR')).toBe(0);
  });
  it('is a metric: symmetric, zero only on equal (case-folded) strings, triangle inequality', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
  });
});

describe('closestName', () => {
  const keys = ['lr', 'beta1', 'beta2', 'eps', 'weightDecay', 'amsgrad'];
  it('matches spelling variants of the same name', () => {
    expect(closestName('weight_decay', keys)).toBe('weightDecay');
    expect(closestName('weight-decay', keys)).toBe('weightDecay');
  });
  it('matches a near typo and refuses a far one', () => {
    expect(closestName('bta1', keys)).toBe('beta1');
    expect(closestName('momentum', keys)).toBeUndefined();
    expect(closestName('x', [])).toBeUndefined();
  });
});

describe('assertKnownKeys', () => {
  it('names every unknown key, its closest valid key and the valid keys', () => {
    expect(() => assertKnownKeys('Adam options', { lr: 1, weight_decay: 0.1, foo: 2 }, ['lr', 'weightDecay'])).toThrow(
      "Adam options: unknown keys 'weight_decay' (did you mean 'weightDecay'?), 'foo'; valid keys: lr, weightDecay",
    );
  });
  it('accepts known keys', () => {
    expect(() => assertKnownKeys('x', { lr: 1 }, ['lr'])).not.toThrow();
  });
});
