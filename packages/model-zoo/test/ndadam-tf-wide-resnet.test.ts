import { globalAvgPool2d, leakyRelu, Rng, tensor } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { countNdAdamTfWideResNet, MODELS, ndAdamTfWideResNet, parameterInfo, SameConv2d, TfResidualUnit } from '../src/index.js';
import { classifierStep, randomBatch, sizeWhere } from './helpers.js';

const isVector = (p: { meta: { unitAxes?: readonly number[] } }) => p.meta.unitAxes !== undefined;

describe('WRN as trained by the ND-Adam TF code', () => {
  test('WRN-22-7.5 + BN-softmax: 14,926,512 vector + 5,066 scalar parameters (docs/models.md), built for real', () => {
    const m = MODELS['wrn-ndadam-tf'].build({}, new Rng(1));
    expect(sizeWhere(m, isVector)).toBe(14_926_512);
    expect(sizeWhere(m, (p) => !isVector(p))).toBe(5_066);
    expect(m.parameters().every((p) => p.meta.role === 'weight' || p.meta.role === 'norm-shift')).toBe(true);
  });

  test('CIFAR-100: 14,969,712 vector + 5,156 scalar (docs/models.md)', () => {
    expect(countNdAdamTfWideResNet({ numClasses: 100, bnSoftmaxGamma: 1 })).toEqual({ total: 14_969_712 + 5_156, vector: 14_969_712 });
  });

  test('WRN-10-1: the sum over its layers (no shortcut kernels)', () => {
    const vector = 3 * 16 * 9 + 2 * (16 * 16 * 9) + (16 * 32 * 9 + 32 * 32 * 9) + (32 * 64 * 9 + 64 * 64 * 9) + 64 * 10;
    const scalar = 16 + 16 + (16 + 32) + (32 + 64) + 64 + 10; // BN shifts, then the BN-softmax shift
    expect(countNdAdamTfWideResNet({ depth: 10, widenFactor: 1 })).toEqual({ total: vector + scalar, vector });
    expect(countNdAdamTfWideResNet({ depth: 10, widenFactor: 1, bnSoftmaxGamma: 0 }).total).toBe(vector + scalar - 10);
    expect(ndAdamTfWideResNet({ depth: 10, widenFactor: 1 }, new Rng(1)).numParameters()).toBe(vector + scalar);
  });

  test("convs pad like TF 'SAME': a stride-2 3×3 conv on 4×4 pads only after", () => {
    const conv = new SameConv2d(1, 1, 3, 2, new Rng(2));
    conv.conv.weight.data.fill(1);
    const y = conv.forward(tensor(new Float32Array(16).fill(1), [1, 1, 4, 4]));
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([9, 6, 6, 4]);
    const same1 = new SameConv2d(1, 1, 3, 1, new Rng(2));
    same1.conv.weight.data.fill(1);
    expect(Array.from(same1.forward(tensor(new Float32Array(9).fill(1), [1, 1, 3, 3])).data)).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
  });

  test('kernels are N(0, 1/fan_in)', () => {
    const conv = new SameConv2d(64, 128, 3, 1, new Rng(3));
    const w = conv.conv.weight.data;
    const std = Math.sqrt(w.reduce((s, v) => s + v * v, 0) / w.length);
    expect(std).toBeGreaterThan(0.97 * Math.sqrt(1 / (64 * 9)));
    expect(std).toBeLessThan(1.03 * Math.sqrt(1 / (64 * 9)));
  });

  test('a widening unit adds the stride×stride average pool of its raw input, zero-padded on both channel sides', () => {
    const unit = new TfResidualUnit(2, 6, 2, false, 0.1, new Rng(4));
    unit.conv2.conv.weight.data.fill(0);
    const x = randomBatch([1, 2, 4, 4]);
    const y = unit.forward(x);
    expect(y.shape).toEqual([1, 6, 2, 2]);
    const X = (c: number, h: number, w: number) => x.data[c * 16 + h * 4 + w];
    for (let c = 0; c < 6; c++) {
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const inC = c - 2; // (6 − 2)/2 = 2 zero channels before
          const expected = inC < 0 || inC >= 2 ? 0 : (X(inC, 2 * i, 2 * j) + X(inC, 2 * i, 2 * j + 1) + X(inC, 2 * i + 1, 2 * j) + X(inC, 2 * i + 1, 2 * j + 1)) / 4;
          expect(y.data[c * 4 + i * 2 + j]).toBeCloseTo(expected, 6);
        }
      }
    }
  });

  test('the first unit activates before the residual: its shortcut is leakyReLU(BN(x))', () => {
    const unit = new TfResidualUnit(2, 2, 1, true, 0.1, new Rng(5));
    unit.conv2.conv.weight.data.fill(0);
    const x = randomBatch([2, 2, 2, 2]);
    const y = unit.forward(x);
    for (let c = 0; c < 2; c++) {
      const vals = [0, 1].flatMap((n) => [0, 1, 2, 3].map((k) => x.data[n * 8 + c * 4 + k]));
      const mean = vals.reduce((a, b) => a + b, 0) / 8;
      const variance = vals.reduce((a, b) => a + (b - mean) ** 2, 0) / 8;
      for (let n = 0; n < 2; n++) {
        for (let k = 0; k < 4; k++) {
          const z = (x.data[n * 8 + c * 4 + k] - mean) / Math.sqrt(variance + 1e-3);
          expect(y.data[n * 8 + c * 4 + k]).toBeCloseTo(z < 0 ? 0.1 * z : z, 5);
        }
      }
    }
  });

  test('layout of WRN-16-1: maps 16/16/32/64 at 32/32/16/8, stride 2 on the first unit of groups 2–3, only unit 1.0 activates before the residual; forward = its parts', () => {
    const m = ndAdamTfWideResNet({ depth: 16, widenFactor: 1 }, new Rng(8));
    const units = [1, 2, 3].map((g) => (m as unknown as Record<string, TfResidualUnit[]>)[`unit${g}`]);
    expect(units.map((g) => g.map((u) => [u.stride, u.activateBeforeResidual]))).toEqual([
      [
        [1, true],
        [1, false],
      ],
      [
        [2, false],
        [1, false],
      ],
      [
        [2, false],
        [1, false],
      ],
    ]);
    const x = randomBatch([2, 3, 32, 32]);
    let h = m.initConv.forward(x);
    const sizes = [h.shape.slice(1)];
    for (const g of units) {
      for (const u of g) h = u.forward(h);
      sizes.push(h.shape.slice(1));
    }
    expect(sizes).toEqual([
      [16, 32, 32],
      [16, 32, 32],
      [32, 16, 16],
      [64, 8, 8],
    ]);
    const logits = m.softmaxBn!.forward(globalAvgPool2d(m.finalConv.forward(leakyRelu(m.finalBn.forward(h), 0.1))));
    expect(Array.from(m.forward(x).data)).toEqual(Array.from(logits.data));
  });

  test('metadata: only kernels and BN shifts; the 1×1 final conv is the classifier', () => {
    const info = parameterInfo(ndAdamTfWideResNet({ depth: 10, widenFactor: 1 }, new Rng(6)));
    expect(info[0].name).toBe('initConv.conv.weight');
    expect(info.filter((p) => p.tags.length > 0).map((p) => [p.name, p.tags])).toEqual([['finalConv.conv.weight', ['classifier', 'final-homogeneous']]]);
    expect(info.at(-1)).toMatchObject({ name: 'softmaxBn.bn.bias', role: 'norm-shift', shape: [10] });
    expect(info.some((p) => p.name.includes('shortcut'))).toBe(false);
  });

  test('forward and backward at WRN-10-1, with and without BN-softmax', () => {
    classifierStep(ndAdamTfWideResNet({ depth: 10, widenFactor: 1 }, new Rng(7)), [2, 3, 8, 8], 10);
    classifierStep(ndAdamTfWideResNet({ depth: 10, widenFactor: 1.5, bnSoftmaxGamma: 0, numClasses: 3 }, new Rng(7)), [2, 3, 8, 8], 3);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    expect(() => ndAdamTfWideResNet({ depth: 20 }, rng)).toThrow('wrn-ndadam-tf: depth must be of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, …), got 20');
    expect(() => ndAdamTfWideResNet({ widenFactor: 0.5 }, rng)).toThrow('wrn-ndadam-tf: widenFactor must be a multiple of 1/8 that is ≥ 1');
    expect(() => ndAdamTfWideResNet({ widenFactor: 1.1 }, rng)).toThrow('got 1.1');
    expect(() => ndAdamTfWideResNet({ bnSoftmaxGamma: -1 }, rng)).toThrow('wrn-ndadam-tf: bnSoftmaxGamma must be a finite number ≥ 0 (0 = no BN-softmax), got -1');
  });
});
