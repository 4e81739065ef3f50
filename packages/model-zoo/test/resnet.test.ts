import { Rng, relu } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { BasicBlock, countResNet, MODELS, parameterInfo, type ResNet, resnet } from '../src/index.js';
import { classifierStep, randomBatch, sizeWhere, stage, traceResNet } from './helpers.js';

describe('ResNet (CIFAR, kuangliu)', () => {
  test('ResNet-18 has 11,173,962 parameters on CIFAR-10 (docs/models.md), built for real', () => {
    const m = MODELS.resnet18.build({}, new Rng(1));
    expect(m.numParameters()).toBe(11_173_962);
    expect(MODELS.resnet18.count().total).toBe(11_173_962);
  });

  test('ResNet-34 has 21,282,122 parameters on CIFAR-10 (docs/models.md), built for real', () => {
    expect(MODELS.resnet34.build({}, new Rng(1)).numParameters()).toBe(21_282_122);
  });

  test('CIFAR-100 counts (docs/models.md)', () => {
    expect(MODELS.resnet18.count({ numClasses: 100 }).total).toBe(11_220_132);
    expect(MODELS.resnet34.count({ numClasses: 100 }).total).toBe(21_328_292);
  });

  test('ResNet-8 [1,1,1] at 16/32/64: the sum over its layers', () => {
    const stem = 3 * 16 * 9 + 2 * 16;
    const layer1 = 2 * (16 * 16 * 9 + 2 * 16); // identity shortcut
    const layer2 = 16 * 32 * 9 + 32 * 32 * 9 + 2 * (2 * 32) + (16 * 32 + 2 * 32); // + 1×1 projection and its BN
    const layer3 = 32 * 64 * 9 + 64 * 64 * 9 + 2 * (2 * 64) + (32 * 64 + 2 * 64);
    const fc = 64 * 10 + 10;
    const expected = stem + layer1 + layer2 + layer3 + fc;
    expect(MODELS.resnet.build({}, new Rng(1)).numParameters()).toBe(expected);
    expect(countResNet({}).total).toBe(expected);
  });

  test('ResNet-20 variant [3,3,3] at 16/32/64: the sum over its layers', () => {
    const stem = 3 * 16 * 9 + 2 * 16;
    const identity = (w: number) => 2 * (w * w * 9) + 2 * (2 * w); // two 3×3 convs and two BNs
    const widening = (i: number, w: number) => i * w * 9 + w * w * 9 + 2 * (2 * w) + (i * w + 2 * w); // + projection
    const expected = stem + 3 * identity(16) + widening(16, 32) + 2 * identity(32) + widening(32, 64) + 2 * identity(64) + (64 * 10 + 10);
    expect(MODELS.resnet.count({ blocks: [3, 3, 3] }).total).toBe(expected);
    expect(resnet({ blocks: [3, 3, 3] }, new Rng(1)).numParameters()).toBe(expected);
  });

  test('metadata: names, roles, unit axes and tags', () => {
    const m = resnet({ blocks: [1, 1], widths: [4, 8] }, new Rng(2));
    const info = new Map(parameterInfo(m).map((p) => [p.name, p]));
    expect([...info.keys()]).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'layer1.0.conv1.weight',
      'layer1.0.bn1.weight',
      'layer1.0.bn1.bias',
      'layer1.0.conv2.weight',
      'layer1.0.bn2.weight',
      'layer1.0.bn2.bias',
      'layer2.0.conv1.weight',
      'layer2.0.bn1.weight',
      'layer2.0.bn1.bias',
      'layer2.0.conv2.weight',
      'layer2.0.bn2.weight',
      'layer2.0.bn2.bias',
      'layer2.0.shortcut.conv.weight',
      'layer2.0.shortcut.bn.weight',
      'layer2.0.shortcut.bn.bias',
      'fc.weight',
      'fc.bias',
    ]);
    expect(info.get('layer2.0.shortcut.conv.weight')).toMatchObject({ layer: 'layer2.0.shortcut.conv', shape: [8, 4, 1, 1], role: 'weight', unitAxes: [1, 2, 3] });
    expect(info.get('layer1.0.bn1.weight')?.role).toBe('norm-scale');
    expect(info.get('layer1.0.bn1.bias')?.role).toBe('norm-shift');
    expect(info.get('fc.weight')).toMatchObject({ role: 'weight', unitAxes: [1], tags: ['classifier', 'final-homogeneous'] });
    expect(info.get('fc.bias')).toMatchObject({ role: 'bias', tags: ['classifier'] });
    const tagged = [...info.values()].filter((p) => p.tags.length > 0).map((p) => p.name);
    expect(tagged).toEqual(['fc.weight', 'fc.bias']);
  });

  test('a block adds its input: with conv2 zeroed (BN shift 0) an identity block returns relu(x)', () => {
    const block = new BasicBlock(3, 3, 1, new Rng(3));
    expect(block.shortcut).toBeNull();
    block.conv2.weight.data.fill(0);
    const x = randomBatch([2, 3, 4, 4]);
    expect(Array.from(block.forward(x).data)).toEqual(Array.from(relu(x).data));
  });

  test('a strided block projects the shortcut: with conv2 zeroed it returns relu(bn(conv1×1(x)))', () => {
    const block = new BasicBlock(2, 4, 2, new Rng(4));
    expect(block.shortcut).not.toBeNull();
    block.conv2.weight.data.fill(0);
    const x = randomBatch([2, 2, 4, 4]);
    expect(block.forward(x).shape).toEqual([2, 4, 2, 2]);
    expect(Array.from(block.forward(x).data)).toEqual(Array.from(relu(block.shortcut!.forward(x)).data));
  });

  test("ResNet-18 layout: stem at 32×32, stages 1–4 at 32/16/8/4 (strides 1/2/2/2), projection only on each stage's first block", () => {
    const m = MODELS.resnet18.build({ baseWidth: 1 }, new Rng(8)) as ResNet;
    const x = randomBatch([2, 3, 32, 32]);
    const { sizes, logits } = traceResNet(m, x);
    expect(sizes).toEqual([
      [1, 32, 32],
      [1, 32, 32],
      [2, 16, 16],
      [4, 8, 8],
      [8, 4, 4],
    ]);
    expect(Array.from(m.forward(x).data)).toEqual(Array.from(logits.data));
    for (let k = 1; k <= 4; k++) {
      stage(m, k).forEach((block, b) => {
        const s = k > 1 && b === 0 ? 2 : 1;
        expect([block.conv1.stride, block.conv2.stride], `layer${k}.${b}`).toEqual([
          [s, s],
          [1, 1],
        ]);
        expect(block.shortcut?.conv.stride ?? null, `layer${k}.${b} shortcut`).toEqual(k > 1 && b === 0 ? [2, 2] : null);
      });
    }
  });

  test('forward and backward: ResNet-8, and ResNet-18/34 at base width 2', () => {
    classifierStep(MODELS.resnet.build({ widths: [4, 8, 16] }, new Rng(5)), [2, 3, 16, 16], 10);
    classifierStep(MODELS.resnet18.build({ baseWidth: 2 }, new Rng(5)), [2, 3, 32, 32], 10);
    classifierStep(MODELS.resnet34.build({ baseWidth: 2, numClasses: 3 }, new Rng(5)), [2, 3, 32, 32], 3);
  });

  test('MNIST-shaped input via inChannels', () => {
    classifierStep(resnet({ blocks: [1, 1], widths: [4, 8], inChannels: 1 }, new Rng(6)), [2, 1, 28, 28], 10);
  });

  test('vector/scalar split: every conv and linear weight has unit axes, nothing else', () => {
    const m = resnet({}, new Rng(7));
    expect(sizeWhere(m, (p) => p.meta.unitAxes !== undefined)).toBe(countResNet({}).vector);
    expect(sizeWhere(m, (p) => p.meta.unitAxes !== undefined)).toBe(sizeWhere(m, (p) => p.meta.role === 'weight'));
  });

  test('same seed, same weights', () => {
    const a = resnet({ widths: [4, 8, 16] }, new Rng(9)).stateDict();
    const b = resnet({ widths: [4, 8, 16] }, new Rng(9)).stateDict();
    expect(a).toEqual(b);
    const c = resnet({ widths: [4, 8, 16] }, new Rng(10)).stateDict();
    expect(c['conv1.weight'].data).not.toEqual(a['conv1.weight'].data);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    expect(() => resnet({ widths: [16, 0, 64] }, rng)).toThrow('resnet: widths must be a non-empty list of positive integers, got [16, 0, 64]');
    expect(() => resnet({ blocks: [1, 1] }, rng)).toThrow('resnet: blocks must be a list as long as widths (3 stages), got [1, 1]');
    expect(() => resnet({ numClasses: 0 }, rng)).toThrow('resnet: numClasses must be a positive integer, got 0');
    expect(() => MODELS.resnet18.build({ baseWidth: 0 }, rng)).toThrow('resnet18: baseWidth must be a positive integer, got 0');
    expect(() => MODELS.resnet18.build({ blocks: [1] } as never /* an untyped caller, e.g. the CLI */, rng)).toThrow("resnet18: unknown option 'blocks'");
  });
});


describe('ResNet fixedBnScale (ND-Adam §4: BN γ fixed)', () => {
  test('ResNet-8 w16 has 78,042 parameters; with γ fixed, 336 fewer (one γ per BN channel), built for real', () => {
    const bnChannels = 16 + 2 * 16 + 3 * 32 + 3 * 64; // stem, layer1, layer2 (+ projection), layer3 (+ projection)
    expect(bnChannels).toBe(336);
    expect(MODELS.resnet.build({}, new Rng(1)).numParameters()).toBe(78_042);
    const fixed = MODELS.resnet.build({ fixedBnScale: 1 }, new Rng(1));
    expect(fixed.numParameters()).toBe(78_042 - bnChannels);
    expect(countResNet({ fixedBnScale: 1 }).total).toBe(78_042 - bnChannels);
    expect(fixed.parameters().some((p) => p.meta.role === 'norm-scale')).toBe(false);
  });

  test('γ fixed at 1 computes what trainable γ = 1 computes (same init, same input)', () => {
    const x = randomBatch([2, 3, 8, 8], 5);
    const a = resnet({ fixedBnScale: 1 }, new Rng(9)).forward(x).data;
    const b = resnet({}, new Rng(9)).forward(x).data;
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  test('a negative or non-finite fixedBnScale is an error naming it', () => {
    expect(() => resnet({ fixedBnScale: -1 }, new Rng(1))).toThrow(/fixedBnScale/);
    expect(() => resnet({ fixedBnScale: Number.NaN }, new Rng(1))).toThrow(/fixedBnScale/);
  });
});
