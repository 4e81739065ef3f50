import { describe, expect, it } from 'vitest';
import {
  AnomalyError,
  add,
  detectAnomaly,
  div,
  isAnomalyDetectionEnabled,
  log,
  mul,
  setAnomalyDetection,
  sqrt,
  sum,
  type Tensor,
  tensor,
} from '../src/index.js';

/** Runs `fn`, expecting an AnomalyError, and returns it. */
function anomalyOf(fn: () => unknown): AnomalyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnomalyError) return e;
    throw e;
  }
  throw new Error('expected an AnomalyError, none was thrown');
}

describe('detectAnomaly: forward', () => {
  it('names log(-1) at its op, with input shapes, first bad index and where it was created', () => {
    const e = anomalyOf(() => detectAnomaly(() => log(tensor([2, -1, -3], [3]))));
    expect(e.report).toMatchObject({ op: 'log', phase: 'forward', index: 1, inputShapes: [[3]] });
    expect(e.report.value).toBeNaN();
    expect(e.message).toMatch(/anomaly \(forward\): op 'log' with inputs \(\[3\]\) has NaN at index 1 of its forward output/);
    expect(e.report.createdAt).toMatch(/anomaly\.test\.ts/);
    expect(e.report.createdAt).not.toMatch(/[\\/]autodiff[\\/]src[\\/]/);
  });

  it('names a division by zero (Infinity) and sqrt of a negative (NaN)', () => {
    const d = anomalyOf(() => detectAnomaly(() => div(tensor([1, 2], [2]), tensor([1, 0], [2]))));
    expect(d.report).toMatchObject({ op: 'div', phase: 'forward', index: 1, value: Number.POSITIVE_INFINITY, inputShapes: [[2], [2]] });
    expect(d.message).toMatch(/op 'div' with inputs \(\[2\], \[2\]\) has Infinity at index 1/);
    const s = anomalyOf(() => detectAnomaly(() => sqrt(tensor([4, 1, -2], [1, 3]))));
    expect(s.report).toMatchObject({ op: 'sqrt', phase: 'forward', index: 2, inputShapes: [[1, 3]] });
  });

  it('says when the bad value came in through an input (data) rather than from the op itself', () => {
    const e = anomalyOf(() => detectAnomaly(() => mul(tensor([1, 2, 3], [3]), tensor([1, Number.NaN, 1], [3]))));
    expect(e.report.badInput).toEqual({ input: 1, index: 1, value: Number.NaN });
    expect(e.message).toMatch(/input 1 already held NaN at index 1 \(a leaf/);
    expect(anomalyOf(() => detectAnomaly(() => log(tensor([-1], [1])))).report.badInput).toBeNull();
  });

  it('stops at the first op that makes a non-finite value, not at the ops after it', () => {
    const x = tensor([1, -1], [2], { requiresGrad: true });
    const e = anomalyOf(() => detectAnomaly(() => sum(mul(sqrt(mul(x, 2)), 3))));
    expect(e.report.op).toBe('sqrt');
  });
});

describe('detectAnomaly: backward', () => {
  it('names sqrt when only its gradient is non-finite (sqrt at 0 gives an Infinity gradient)', () => {
    const x = tensor([0, 4], [2], { requiresGrad: true });
    const e = anomalyOf(() =>
      detectAnomaly(() => {
        const y = mul(sqrt(x), 3); // forward is finite: [0, 6]
        sum(y).backward();
      }),
    );
    expect(e.report).toMatchObject({ op: 'sqrt', phase: 'backward', input: 0, index: 0, value: Number.POSITIVE_INFINITY, inputShapes: [[2]] });
    expect(e.message).toMatch(/anomaly \(backward\): op 'sqrt' .* the gradient its backward returned for input 0/);
    expect(e.report.createdAt).toMatch(/anomaly\.test\.ts/);
  });

  it('names a division whose gradient overflows and says when the op was made outside anomaly mode', () => {
    const a = tensor([1], [1], { requiresGrad: true });
    const b = tensor([1e-30], [1], { requiresGrad: true });
    const y = div(a, b); // 1e30: finite; d/db = −a/b² = −1e60 overflows float32
    const e = anomalyOf(() => detectAnomaly(() => sum(y).backward()));
    expect(e.report).toMatchObject({ op: 'div', phase: 'backward', input: 1, value: Number.NEGATIVE_INFINITY, createdAt: null });
    expect(e.message).toMatch(/created outside anomaly mode/);
  });

  it('names the op whose incoming fan-in sum overflowed', () => {
    const x = tensor([1e-30], [1], { requiresGrad: true });
    const e = anomalyOf(() =>
      detectAnomaly(() => {
        const h = mul(x, 1);
        // forward stays finite (3e8 each); each branch sends 3e38 back to h, their sum overflows.
        sum(add(mul(h, 3e38), mul(h, 3e38))).backward();
      }),
    );
    expect(e.report).toMatchObject({ op: 'mul', phase: 'backward', input: -1, value: Number.POSITIVE_INFINITY });
    expect(e.message).toMatch(/the gradient flowing into its output/);
  });
});

describe('anomaly mode switch', () => {
  it('is off by default and normal mode lets NaN and Inf through unchanged, recording no stack', () => {
    expect(isAnomalyDetectionEnabled()).toBe(false);
    const y = log(tensor([-1, 1], [2]));
    expect(y.data[0]).toBeNaN();
    expect(y.data[1]).toBe(0);
    const x = tensor([0, 4], [2], { requiresGrad: true });
    const r = sqrt(x);
    expect(r.node?.createdAt).toBeUndefined();
    sum(r).backward();
    expect(Array.from(x.grad!.data)).toEqual([Number.POSITIVE_INFINITY, 0.25]);
  });

  it('detectAnomaly restores the previous setting, also when fn throws, and records a stack inside', () => {
    let inner: Tensor | null = null;
    detectAnomaly(() => {
      expect(isAnomalyDetectionEnabled()).toBe(true);
      inner = mul(tensor([1], [1], { requiresGrad: true }), 2);
    });
    expect(inner!.node?.createdAt).toMatch(/anomaly\.test\.ts/);
    expect(isAnomalyDetectionEnabled()).toBe(false);
    expect(() => detectAnomaly(() => log(tensor([-1], [1])))).toThrow(AnomalyError);
    expect(isAnomalyDetectionEnabled()).toBe(false);
    expect(() => detectAnomaly(() => Promise.resolve(1))).toThrow(/must be synchronous/);
    expect(isAnomalyDetectionEnabled()).toBe(false);
  });

  it('setAnomalyDetection switches it globally and validates its argument', () => {
    setAnomalyDetection(true);
    try {
      expect(() => sqrt(tensor([-1], [1]))).toThrow(/op 'sqrt'/);
    } finally {
      setAnomalyDetection(false);
    }
    expect(() => sqrt(tensor([-1], [1]))).not.toThrow();
    expect(() => setAnomalyDetection('yes' as unknown as boolean)).toThrow(/on must be a boolean, got string/);
  });
});
