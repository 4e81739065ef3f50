/** Accuracy, softmax and expected calibration error (15 bins). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accuracy, argmaxRows, expectedCalibrationError, softmaxRows } from '../src/index.js';

describe('accuracy', () => {
  it('counts rows whose argmax (first maximum on ties) equals the label', () => {
    const logits = [2, 1, 0, /**/ 0, 0, 5, /**/ 1, 1, 0, /**/ -1, -2, -3];
    expect(Array.from(argmaxRows(logits, 3))).toEqual([0, 2, 0, 0]);
    expect(accuracy(logits, Int32Array.of(0, 2, 1, 0), 3)).toBe(0.75);
    expect(() => accuracy(logits, Int32Array.of(0), 3)).toThrow(/4 score rows but 1 labels/);
    expect(() => accuracy([1, 2, 3], Int32Array.of(0), 2)).toThrow(/not a whole number of rows of 2/);
  });
});

describe('softmaxRows', () => {
  it('rows sum to 1 and do not change when a constant is added to a row (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.double({ min: -100, max: 100, noNaN: true }), (row, shift) => {
        const p = softmaxRows(row, 3);
        const q = softmaxRows(row.map((v) => v + shift), 3);
        expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
        p.forEach((v, c) => {
      expect(v).toBeCloseTo(q[c], 5);
    });
      }),
    );
  });
});

describe('expectedCalibrationError', () => {
  it('matches a hand computation over 15 bins', () => {
    // Confidences 0.9 (correct), 0.9 (wrong), 0.6 (correct), 0.7 (correct):
    // ECE = 2/4·|0.5 − 0.9| + 1/4·|1 − 0.6| + 1/4·|1 − 0.7| = 0.2 + 0.1 + 0.075.
    const probs = [0.9, 0.1, 0.9, 0.1, 0.6, 0.4, 0.3, 0.7];
    const { ece, bins } = expectedCalibrationError(probs, Int32Array.of(0, 1, 0, 1), 2);
    expect(ece).toBeCloseTo(0.375, 6);
    expect(bins.length).toBe(15);
    expect(bins[13].count).toBe(2); // 0.9 ∈ (13/15, 14/15]
    expect(bins[8].count).toBe(1); // 0.6 ∈ (8/15, 9/15] — an upper edge stays in its bin
    expect(bins[10].count).toBe(1); // 0.7 ∈ (10/15, 11/15]
  });

  it('a confidence exactly on a bin edge goes to the bin it closes: 0.2 → (2/15, 3/15]', () => {
    const { bins } = expectedCalibrationError([0.2, 0.2, 0.2, 0.2, 0.2], Int32Array.of(0), 5);
    expect(bins[2].count).toBe(1);
  });

  it('is 0 when accuracy equals confidence in every bin, 1 when fully confident and always wrong', () => {
    const probs: number[] = [];
    const labels: number[] = [];
    for (let r = 0; r < 10; r++) {
      probs.push(0.8, 0.2);
      labels.push(r < 8 ? 0 : 1);
    }
    expect(expectedCalibrationError(probs, Int32Array.from(labels), 2).ece).toBeCloseTo(0, 12);
    expect(expectedCalibrationError([1, 0, 0, 1], Int32Array.of(1, 0), 2).ece).toBe(1);
  });

  it('with one bin equals |accuracy − mean confidence|, and 15-bin ECE lies in [that, 1] (property)', () => {
    const rowArb = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.nat(2));
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), (rows) => {
        const probs = softmaxRows(rows.flatMap((r) => r.slice(0, 3)), 3);
        const labels = Int32Array.from(rows, (r) => r[3]);
        const pred = argmaxRows(probs, 3);
        const meanConf = Array.from(pred).reduce((s, p, r) => s + probs[r * 3 + p], 0) / rows.length;
        const acc = accuracy(probs, labels, 3);
        const one = expectedCalibrationError(probs, labels, 3, 1).ece;
        expect(one).toBeCloseTo(Math.abs(acc - meanConf), 6);
        const fifteen = expectedCalibrationError(probs, labels, 3).ece;
        expect(fifteen).toBeGreaterThanOrEqual(one - 1e-9); // triangle inequality
        expect(fifteen).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rejects probabilities outside 0..1', () => {
    expect(() => expectedCalibrationError([1.5, -0.5], Int32Array.of(0), 2)).toThrow(/row 0 has top probability 1.5/);
  });
});
