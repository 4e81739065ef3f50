import { Rng } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { countVgg, MODELS, parameterInfo, vgg } from '../src/index.js';
import { classifierStep } from './helpers.js';

/** conv3×3 with bias + BN (scale and shift) for each width, in → widths in order. */
function convStack(widths: readonly number[], bn = true): number {
  let inC = 3;
  let n = 0;
  for (const w of widths) {
    n += inC * w * 9 + w + (bn ? 2 * w : 0);
    inC = w;
  }
  return n;
}

describe('VGG (CIFAR, kuangliu): BN, one FC', () => {
  test('VGG-16 has 14,728,266 parameters on CIFAR-10 (docs/models.md), built for real', () => {
    expect(MODELS.vgg16.build({}, new Rng(1)).numParameters()).toBe(14_728_266);
  });

  test('VGG-19 has 20,040,522 parameters with BN (docs/models.md), built for real', () => {
    expect(MODELS.vgg19.build({}, new Rng(1)).numParameters()).toBe(20_040_522);
  });

  test('CIFAR-100 and no-BN counts (docs/models.md)', () => {
    expect(MODELS.vgg16.count({ numClasses: 100 }).total).toBe(14_774_436);
    expect(MODELS.vgg19.count({ numClasses: 100 }).total).toBe(20_086_692);
    expect(MODELS.vgg19.count({ batchNorm: false }).total).toBe(20_029_514);
    expect(MODELS.vgg19.count({ batchNorm: false, numClasses: 100 }).total).toBe(20_075_684);
  });

  test('VGG-11 and VGG-13: the sum over their layers', () => {
    const vgg11 = convStack([64, 128, 256, 256, 512, 512, 512, 512]) + (512 * 10 + 10);
    const vgg13 = convStack([64, 64, 128, 128, 256, 256, 512, 512, 512, 512]) + (512 * 10 + 10);
    expect(MODELS.vgg11.count().total).toBe(vgg11);
    expect(MODELS.vgg13.count().total).toBe(vgg13);
    expect(MODELS.vgg11.build({}, new Rng(1)).numParameters()).toBe(vgg11);
    expect(MODELS.vgg13.build({}, new Rng(1)).numParameters()).toBe(vgg13);
  });

  test('VGG-16 with two 512-unit FC layers: the sum over its layers, built for real', () => {
    const convs = convStack([64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512]);
    const expected = convs + (512 * 512 + 512) + (512 * 512 + 512) + (512 * 10 + 10);
    expect(MODELS['vgg16-2fc'].count().total).toBe(expected);
    expect(MODELS['vgg16-2fc'].build({}, new Rng(1)).numParameters()).toBe(expected);
  });

  test('metadata: PyTorch-style names, tags on the FC layers only', () => {
    const m = vgg({ depth: 11, baseWidth: 2, hidden: [8, 8] }, new Rng(2));
    const info = parameterInfo(m);
    expect(info.slice(0, 4).map((p) => [p.name, p.role])).toEqual([
      ['features.0.weight', 'weight'],
      ['features.0.bias', 'bias'],
      ['features.1.weight', 'norm-scale'],
      ['features.1.bias', 'norm-shift'],
    ]);
    // conv, BN, ReLU, max-pool: the second conv is features.4
    expect(info[4]).toMatchObject({ name: 'features.4.weight', shape: [4, 2, 3, 3], unitAxes: [1, 2, 3] });
    expect(info.filter((p) => p.tags.length > 0).map((p) => [p.name, p.tags])).toEqual([
      ['hidden.0.weight', ['final-homogeneous']],
      ['hidden.2.weight', ['final-homogeneous']],
      ['classifier.weight', ['classifier', 'final-homogeneous']],
      ['classifier.bias', ['classifier']],
    ]);
    expect(info.find((p) => p.name === 'classifier.weight')?.shape).toEqual([10, 8]);
  });

  test('without BN nothing is normalized: every conv and FC weight is final-homogeneous (biases never)', () => {
    const info = parameterInfo(vgg({ depth: 11, baseWidth: 1, batchNorm: false, hidden: [4] }, new Rng(2)));
    const tagged = info.filter((p) => p.tags.includes('final-homogeneous')).map((p) => p.name);
    expect(tagged).toEqual(info.filter((p) => p.role === 'weight').map((p) => p.name));
    expect(tagged.length).toBe(8 + 1 + 1);
  });

  test('inputSize 64 flattens 2×2 maps: classifier takes 4× the features', () => {
    const c32 = countVgg({ depth: 11, baseWidth: 2 }).total;
    const c64 = countVgg({ depth: 11, baseWidth: 2, inputSize: 64 }).total;
    expect(c64 - c32).toBe(3 * 16 * 10); // 16 channels × (4 − 1) extra positions × 10 classes
  });

  test.each(['vgg11', 'vgg13', 'vgg16', 'vgg19', 'vgg16-2fc'] as const)('forward and backward: %s at base width 2', (name) => {
    const opts = name === 'vgg16-2fc' ? { baseWidth: 2, hidden: [8, 8] } : { baseWidth: 2 };
    classifierStep(MODELS[name].build(opts, new Rng(3)), [2, 3, 32, 32], 10);
  });

  test('no-BN and dropout variants run forward and backward', () => {
    classifierStep(vgg({ depth: 19, baseWidth: 2, batchNorm: false, hidden: [6], dropRate: 0.5, numClasses: 5 }, new Rng(4)), [2, 3, 32, 32], 5);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    expect(() => vgg({ depth: 17 }, rng)).toThrow('vgg: depth must be one of 11, 13, 16, 19 (a known VGG config), got 17');
    expect(() => vgg({ baseWidth: 0 }, rng)).toThrow('vgg: baseWidth must be a positive integer, got 0');
    expect(() => vgg({ inputSize: 28 }, rng)).toThrow('vgg: inputSize must be a multiple of 32 (five 2×2 max-pools), got 28');
    expect(() => vgg({ hidden: [512, 0] }, rng)).toThrow('vgg: hidden must be a list of positive integers, got [512, 0]');
    expect(() => MODELS.vgg11.build({ depth: 16 } as never /* an untyped caller, e.g. the CLI */, rng)).toThrow("vgg11: unknown option 'depth'");
  });
});
