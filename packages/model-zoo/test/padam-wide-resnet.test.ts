import { Rng } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { countPadamWideResNet, MODELS, padamWideResNet, parameterInfo, type ResNet } from '../src/index.js';
import { classifierStep, randomBatch, stage, traceResNet } from './helpers.js';

describe("Padam's WRN-16-4 (post-activation ResNet with a widened stem)", () => {
  test('2,777,674 parameters on CIFAR-10 (docs/models.md), built for real; 2,800,804 on CIFAR-100', () => {
    expect(MODELS['wrn-padam'].build({}, new Rng(1)).numParameters()).toBe(2_777_674);
    expect(MODELS['wrn-padam'].count({ numClasses: 100 }).total).toBe(2_800_804);
  });

  test('WRN-10-1: the sum over its layers', () => {
    const stem = 3 * 16 * 9 + 2 * 16;
    const stage1 = 2 * (16 * 16 * 9) + 2 * (2 * 16);
    const stage2 = 16 * 32 * 9 + 32 * 32 * 9 + 2 * (2 * 32) + 16 * 32 + 2 * 32; // + 1×1 conv + BN downsample
    const stage3 = 32 * 64 * 9 + 64 * 64 * 9 + 2 * (2 * 64) + 32 * 64 + 2 * 64;
    const fc = 64 * 10 + 10;
    expect(countPadamWideResNet({ depth: 10, multiplier: 1 }).total).toBe(stem + stage1 + stage2 + stage3 + fc);
    expect(padamWideResNet({ depth: 10, multiplier: 1 }, new Rng(1)).numParameters()).toBe(stem + stage1 + stage2 + stage3 + fc);
  });

  test('structure: 64-wide stem, 2 blocks per stage, downsample only where the width changes', () => {
    const info = parameterInfo(padamWideResNet({}, new Rng(2)));
    expect(info[0]).toMatchObject({ name: 'conv1.weight', shape: [64, 3, 3, 3] });
    const shortcuts = info.filter((p) => p.name.includes('shortcut.conv')).map((p) => [p.name, p.shape]);
    expect(shortcuts).toEqual([
      ['layer2.0.shortcut.conv.weight', [128, 64, 1, 1]],
      ['layer3.0.shortcut.conv.weight', [256, 128, 1, 1]],
    ]);
    expect(info.some((p) => p.name.startsWith('layer3.1.'))).toBe(true);
    expect(info.some((p) => p.name.startsWith('layer3.2.') || p.name.startsWith('layer4.'))).toBe(false);
    expect(info.at(-2)).toMatchObject({ name: 'fc.weight', shape: [10, 256], tags: ['classifier', 'final-homogeneous'] });
  });

  test('layout at multiplier 1: stem and stage 1 at 16×32×32, stages 2/3 at 32×16×16 and 64×8×8 (the 8×8 average pool is global); forward = its parts', () => {
    const m = padamWideResNet({ multiplier: 1 }, new Rng(5)) as ResNet;
    const x = randomBatch([2, 3, 32, 32]);
    const { sizes, logits } = traceResNet(m, x);
    expect(sizes).toEqual([
      [16, 32, 32],
      [16, 32, 32],
      [32, 16, 16],
      [64, 8, 8],
    ]);
    expect(Array.from(m.forward(x).data)).toEqual(Array.from(logits.data));
    expect([1, 2, 3].map((k) => stage(m, k).map((b) => [b.conv1.stride[0], b.shortcut ? b.shortcut.conv.stride[0] : null]))).toEqual([
      [
        [1, null],
        [1, null],
      ],
      [
        [2, 2],
        [1, null],
      ],
      [
        [2, 2],
        [1, null],
      ],
    ]);
  });

  test('conv kernels are He normal over fan-out, N(0, 2/(k·k·out))', () => {
    const m = padamWideResNet({}, new Rng(3));
    const [, w] = m.namedParameters().find(([n]) => n === 'layer3.1.conv2.weight')!;
    const std = Math.sqrt(w.data.reduce((s, v) => s + v * v, 0) / w.size);
    const target = Math.sqrt(2 / (3 * 3 * 256));
    expect(std).toBeGreaterThan(0.98 * target);
    expect(std).toBeLessThan(1.02 * target);
    const mean = w.data.reduce((s, v) => s + v, 0) / w.size;
    expect(Math.abs(mean)).toBeLessThan(0.01 * target);
  });

  test('forward and backward at WRN-10-1', () => {
    classifierStep(padamWideResNet({ depth: 10, multiplier: 1 }, new Rng(4)), [2, 3, 8, 8], 10);
  });

  test('bad input names the argument, the expected form and the value', () => {
    const rng = new Rng(1);
    expect(() => padamWideResNet({ depth: 14 }, rng)).toThrow('wrn-padam: depth must be of the form 6n+4 with n ≥ 1 (10, 16, 22, 28, …), got 14');
    expect(() => padamWideResNet({ multiplier: 0 }, rng)).toThrow('wrn-padam: multiplier must be a positive integer, got 0');
    expect(() => padamWideResNet({ multiplier: 2.5 }, rng)).toThrow('got 2.5');
  });
});
