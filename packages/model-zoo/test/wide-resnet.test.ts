import { BatchNormBase, globalAvgPool2d, Rng, relu, type Tensor } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import {
  countWideResNet,
  MODELS,
  ndAdamWideResNet,
  PreActBlock,
  parameterInfo,
  resolveWideResNet,
  type WideResNet,
  WRN_NDADAM_DEFAULTS,
  wideResNet,
} from '../src/index.js';
import { classifierStep, randomBatch, sizeWhere } from './helpers.js';

const isVector = (p: { meta: { unitAxes?: readonly number[] } }) => p.meta.unitAxes !== undefined;

function group(m: WideResNet, g: number): PreActBlock[] {
  return (m as unknown as Record<string, PreActBlock[]>)[`group${g}`];
}

/** Runs a WRN part by part: [C, H, W] after conv1 and after each group, and the logits composed from the parts. */
function traceWrn(m: WideResNet, x: Tensor): { sizes: number[][]; logits: Tensor } {
  let h = m.conv1.forward(x);
  const sizes = [h.shape.slice(1)];
  for (let g = 1; g <= 3; g++) {
    for (const block of group(m, g)) h = block.forward(h);
    sizes.push(h.shape.slice(1));
  }
  h = relu(m.bn.forward(h));
  return { sizes, logits: m.fc ? m.fc.forward(globalAvgPool2d(h)) : globalAvgPool2d(m.classifier!.forward(h)) };
}

/** Strides of conv1 / conv2 / shortcut of every block, group by group. */
function wrnStrides(m: WideResNet): Array<Array<[number, number, number | null]>> {
  return [1, 2, 3].map((g) => group(m, g).map((b) => [b.conv1.stride[0], b.conv2.stride[0], b.shortcut ? b.shortcut.stride[0] : null]));
}

describe('WRN-d-k, standard pre-activation form', () => {
  test('WRN-16-4 has 2,748,890 parameters on CIFAR-10 (docs/models.md), built for real', () => {
    expect(MODELS.wrn.build({ depth: 16, widenFactor: 4 }, new Rng(1)).numParameters()).toBe(2_748_890);
  });

  test.each([
    [16, 4, 2_748_890, 2_772_020],
    [22, 7.5, 15_082_554, 15_125_844],
    [28, 10, 36_479_194, 36_536_884],
  ])('WRN-%i-%s: %i (C10) and %i (C100) parameters (docs/models.md)', (depth, k, c10, c100) => {
    expect(MODELS.wrn.count({ depth, widenFactor: k }).total).toBe(c10);
    expect(MODELS.wrn.count({ depth, widenFactor: k, numClasses: 100 }).total).toBe(c100);
  });

  test('WRN-10-1: the sum over its layers', () => {
    const conv1 = 3 * 16 * 9;
    const group1 = 2 * 16 + 16 * 16 * 9 + 2 * 16 + 16 * 16 * 9; // bn1, conv1, bn2, conv2; identity shortcut
    const group2 = 2 * 16 + 16 * 32 * 9 + 2 * 32 + 32 * 32 * 9 + 16 * 32; // + bias-free 1×1 shortcut
    const group3 = 2 * 32 + 32 * 64 * 9 + 2 * 64 + 64 * 64 * 9 + 32 * 64;
    const final = 2 * 64 + (64 * 10 + 10); // BN, fc
    const expected = conv1 + group1 + group2 + group3 + final;
    expect(MODELS.wrn.count({ depth: 10, widenFactor: 1 }).total).toBe(expected);
    expect(MODELS.wrn.build({ depth: 10, widenFactor: 1 }, new Rng(1)).numParameters()).toBe(expected);
  });

  test('metadata: pre-activation layout, shortcut from the pre-activated input, tags on fc', () => {
    const m = wideResNet({ depth: 10, widenFactor: 1 }, new Rng(2));
    const names = parameterInfo(m).map((p) => p.name);
    expect(names.slice(0, 6)).toEqual(['conv1.weight', 'group1.0.bn1.weight', 'group1.0.bn1.bias', 'group1.0.conv1.weight', 'group1.0.bn2.weight', 'group1.0.bn2.bias']);
    expect(names).toContain('group2.0.shortcut.weight');
    expect(names).not.toContain('group1.0.shortcut.weight');
    expect(names.slice(-4)).toEqual(['bn.weight', 'bn.bias', 'fc.weight', 'fc.bias']);
    const tagged = parameterInfo(m).filter((p) => p.tags.length > 0);
    expect(tagged.map((p) => [p.name, p.tags])).toEqual([
      ['fc.weight', ['classifier', 'final-homogeneous']],
      ['fc.bias', ['classifier']],
    ]);
    // convs are bias-free
    expect(parameterInfo(m).filter((p) => p.role === 'bias').map((p) => p.name)).toEqual(['fc.bias']);
  });

  test('pre-activation wiring: identity shortcut adds the raw input, projection reads the pre-activated one', () => {
    const c = resolveWideResNet({ depth: 10, widenFactor: 1 });
    const same = new PreActBlock(3, 3, 1, c, new Rng(6));
    same.conv2.weight.data.fill(0);
    const x = randomBatch([2, 3, 4, 4]);
    expect(Array.from(same.forward(x).data)).toEqual(Array.from(x.data));
    const wider = new PreActBlock(3, 5, 2, c, new Rng(6));
    wider.conv2.weight.data.fill(0);
    const expected = wider.shortcut!.forward(relu(wider.bn1.forward(x)));
    expect(expected.shape).toEqual([2, 5, 2, 2]);
    expect(Array.from(wider.forward(x).data)).toEqual(Array.from(expected.data));
  });

  test.each([false, true])("WRN-16-1 layout (ND-Adam form: %s): maps 32/32/16/8, strides 1/2/2 in each group's first block, 1×1 shortcut only where the width changes; forward = its parts", (ndadam) => {
    const m = (ndadam ? ndAdamWideResNet : wideResNet)({ depth: 16, widenFactor: 1 }, new Rng(7));
    const x = randomBatch([2, 3, 32, 32]);
    const { sizes, logits } = traceWrn(m, x);
    expect(sizes).toEqual([
      [16, 32, 32],
      [16, 32, 32],
      [32, 16, 16],
      [64, 8, 8],
    ]);
    expect(Array.from(m.forward(x).data)).toEqual(Array.from(logits.data));
    // k = 1: group 1 keeps 16 channels, so its first block has an identity shortcut (ND-Adam PyTorch code: convdim only if ni ≠ no)
    expect(wrnStrides(m)).toEqual([
      [
        [1, 1, null],
        [1, 1, null],
      ],
      [
        [2, 1, 2],
        [1, 1, null],
      ],
      [
        [2, 1, 2],
        [1, 1, null],
      ],
    ]);
    expect(wrnStrides(wideResNet({ depth: 10, widenFactor: 2 }, new Rng(7)))[0]).toEqual([[1, 1, 1]]); // 16 → 32: projected, stride 1
  });

  test('conv kernels are Kaiming normal over fan-in (ND-Adam PyTorch code)', () => {
    const m = wideResNet({ depth: 10, widenFactor: 4 }, new Rng(3));
    const w = m.namedParameters().find(([n]) => n === 'group3.0.conv2.weight')![1];
    const std = Math.sqrt(w.data.reduce((s, v) => s + v * v, 0) / w.size);
    expect(std).toBeGreaterThan(0.95 * Math.sqrt(2 / (256 * 9)));
    expect(std).toBeLessThan(1.05 * Math.sqrt(2 / (256 * 9)));
  });

  test('forward and backward at WRN-10-1, with and without dropout', () => {
    classifierStep(wideResNet({ depth: 10, widenFactor: 1 }, new Rng(4)), [2, 3, 8, 8], 10);
    classifierStep(wideResNet({ depth: 10, widenFactor: 0.5, dropRate: 0.3, numClasses: 4 }, new Rng(4)), [2, 3, 8, 8], 4);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    expect(() => wideResNet({ depth: 20 }, rng)).toThrow('wrn: depth must be of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, 40, …), got 20');
    expect(() => wideResNet({ depth: 4 }, rng)).toThrow('got 4');
    expect(() => wideResNet({ widenFactor: 0 }, rng)).toThrow('wrn: widenFactor must be a finite number > 0, got 0');
    expect(() => wideResNet({ widenFactor: 7.3 }, rng)).toThrow('wrn: widenFactor must be a multiple of 1/16 (so 16·k is a whole channel count), got 7.3');
    expect(() => wideResNet({ dropRate: 1 }, rng)).toThrow('wrn: dropRate must be a number in [0, 1), got 1');
    expect(() => ndAdamWideResNet({ depth: 21 }, rng)).toThrow('wrn-ndadam: depth must be of the form 6n+4');
  });
});

describe('WRN as trained by ND-Adam (PyTorch): BN scale fixed to 1, 1×1-conv classifier', () => {
  test('WRN-22-7.5: 15,072,432 vector + 5,056 scalar parameters (docs/models.md), built for real', () => {
    const m = MODELS['wrn-ndadam'].build({}, new Rng(1));
    expect(sizeWhere(m, isVector)).toBe(15_072_432);
    expect(sizeWhere(m, (p) => !isVector(p))).toBe(5_056);
    // θ^s is exactly the BN shifts; there is no trainable scale anywhere.
    expect(sizeWhere(m, (p) => p.meta.role === 'norm-shift')).toBe(5_056);
    expect(m.parameters().some((p) => p.meta.role === 'norm-scale' || p.meta.role === 'bias')).toBe(false);
    expect(MODELS['wrn-ndadam'].count()).toEqual({ total: 15_077_488, vector: 15_072_432 });
  });

  test.each([
    [22, 7.5, 10, 15_072_432, 5_056],
    [28, 10, 10, 36_461_232, 8_976],
    [22, 7.5, 100, 15_115_632, 5_056],
    [28, 10, 100, 36_518_832, 8_976],
  ])('WRN-%i-%s, %i classes: %i vector + %i scalar (docs/models.md)', (depth, widenFactor, numClasses, vector, scalar) => {
    expect(MODELS['wrn-ndadam'].count({ depth, widenFactor, numClasses })).toEqual({ total: vector + scalar, vector });
  });

  test('WRN-10-1: the sum over its layers (BN shifts only, classifier conv without bias)', () => {
    const vector = 3 * 16 * 9 + 2 * (16 * 16 * 9) + (16 * 32 * 9 + 32 * 32 * 9 + 16 * 32) + (32 * 64 * 9 + 64 * 64 * 9 + 32 * 64) + 64 * 10;
    const scalar = 16 + 16 + (16 + 32) + (32 + 64) + 64; // one β per BN channel
    expect(MODELS['wrn-ndadam'].count({ depth: 10, widenFactor: 1 })).toEqual({ total: vector + scalar, vector });
    const m = MODELS['wrn-ndadam'].build({ depth: 10, widenFactor: 1 }, new Rng(1));
    expect(sizeWhere(m, isVector)).toBe(vector);
    expect(m.numParameters()).toBe(vector + scalar);
  });

  test('every weight is a conv kernel with unit axes [1,2,3]; the classifier is a tagged 1×1 conv', () => {
    const m = ndAdamWideResNet({ depth: 10, widenFactor: 1 }, new Rng(2));
    const info = parameterInfo(m);
    for (const p of info.filter((q) => q.role === 'weight')) {
      expect(p.shape.length, p.name).toBe(4);
      expect(p.unitAxes, p.name).toEqual([1, 2, 3]);
    }
    const cls = info.filter((p) => p.tags.includes('classifier'));
    expect(cls).toEqual([
      { name: 'classifier.weight', layer: 'classifier', shape: [10, 64, 1, 1], role: 'weight', unitAxes: [1, 2, 3], tags: ['classifier', 'final-homogeneous'] },
    ]);
    expect(info.filter((p) => p.tags.includes('final-homogeneous')).length).toBe(1);
    expect(WRN_NDADAM_DEFAULTS).toMatchObject({ depth: 22, widenFactor: 7.5, fixedBnScale: 1, classifier: 'conv1x1' });
  });

  test('all 7 BNs of WRN-10-1 use the constant scale 1', () => {
    const m = ndAdamWideResNet({ depth: 10, widenFactor: 1 }, new Rng(3));
    const bns = m.namedModules().flatMap(([, mod]) => (mod instanceof BatchNormBase ? [mod] : []));
    expect(bns.map((bn) => bn.fixedScale)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(bns.every((bn) => bn.weight === null)).toBe(true);
  });

  test('forward and backward at WRN-10-1', () => {
    classifierStep(ndAdamWideResNet({ depth: 10, widenFactor: 1 }, new Rng(4)), [2, 3, 8, 8], 10);
  });

  test('analytic count equals the real build for the standard and ND-Adam forms at several sizes', () => {
    for (const [depth, widenFactor] of [
      [10, 0.5],
      [16, 1],
      [10, 2],
    ]) {
      for (const ndadam of [false, true]) {
        const m = (ndadam ? ndAdamWideResNet : wideResNet)({ depth, widenFactor, numClasses: 7 }, new Rng(5));
        const count = countWideResNet({ depth, widenFactor, numClasses: 7 }, ndadam ? WRN_NDADAM_DEFAULTS : undefined);
        expect(count).toEqual({ total: m.numParameters(), vector: sizeWhere(m, isVector) });
      }
    }
  });
});
