import { describe, expect, it } from 'vitest';
import { autoVsCpu, summarize, table, targets } from '../src/report.js';
import type { Measurement } from '../src/runner.js';
import { median, shuffled } from '../src/stats.js';
import { WORKLOADS, workloadByName } from '../src/workloads.js';
import { REGISTRY } from '@gapkit/optimizers';

const m = (workload: string, engine: string, times: number[], peakRssMb?: number): Measurement => ({
  workload, engine, times, warmupMs: [], rounds: 1, ...(peakRssMb === undefined ? {} : { peakRssMb }),
});

describe('bench report', () => {
  it('median and a reproducible shuffle', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(shuffled([1, 2, 3, 4], 7)).toEqual(shuffled([1, 2, 3, 4], 7));
    expect([...shuffled([1, 2, 3, 4], 7)].sort()).toEqual([1, 2, 3, 4]);
  });

  it('names the workloads as the JSON contract says', () => {
    expect(WORKLOADS.map((w) => w.name)).toEqual([
      'matmul-128', 'matmul-256', 'matmul-512', 'matmul-1024',
      'conv-16to32-32px-fwd', 'conv-16to32-32px-fwdbwd', 'conv-64to64-16px-fwd', 'conv-64to64-16px-fwdbwd',
      'train-resnet8-b64', 'train-ncf-b1024', 'epoch-resnet8-cifar5k-b128',
      ...[...REGISTRY.keys()].flatMap((n) => [`optimizer-step-${n}`, `bandwidth-${n}`]),
    ]);
  });

  it('summarizes rows with the JSON fields and computes ratios and targets', () => {
    const rows = summarize([
      m('matmul-512', 'tfjs-cpu', [600, 500, 700]),
      m('matmul-512', 'gapkit-auto', [10, 12, 11]),
      m('matmul-512', 'gapkit-cpu', [60, 50, 70]),
      m('train-resnet8-b64', 'tfjs-wasm', [2800]),
      m('train-resnet8-b64', 'gapkit-auto', [400, 380], 200),
    ]);
    expect(rows[0]).toMatchObject({ workload: 'matmul-512', engine: 'tfjs-cpu', medianMs: 600, minMs: 500, maxMs: 700 });
    expect(rows[4].peakRssMb).toBe(200);
    const t = table([workloadByName('matmul-512'), workloadByName('train-resnet8-b64')], rows);
    expect(t).toContain('| matmul-512 | gapkit-auto | 11.0 ms |');
    expect(t).toContain('55×');
    const tg = targets(rows, 'gapkit-auto').join('\n');
    expect(tg).toMatch(/ResNet-8 step \(batch 64\) ≥ 13× tfjs-wasm: 7\.18× faster .* MISSED/);
    expect(tg).toMatch(/ResNet-8 step \(batch 64\) ≥ ½ the speed of 1-thread PyTorch: not measured/);
    expect(autoVsCpu(rows).join('\n')).toContain('matmul-512: auto 11.0 ms vs cpu 60.0 ms (5.45×)');
  });

  it('checks the PyTorch-relative targets, slower and faster, against their thresholds', () => {
    const rows = summarize([
      m('train-resnet8-b64', 'gapkit-auto', [300]),
      m('train-resnet8-b64', 'torch', [100], 180),
      m('epoch-resnet8-cifar5k-b128', 'gapkit-auto', [20_000]),
      m('epoch-resnet8-cifar5k-b128', 'torch', [10_000]),
      m('train-ncf-b1024', 'gapkit-auto', [10]),
      m('train-ncf-b1024', 'tfjs-wasm', [30]),
      m('train-ncf-b1024', 'torch', [20]),
    ]);
    const tg = targets(rows, 'gapkit-auto').join('\n');
    expect(tg).toMatch(/½ the speed of 1-thread PyTorch: 3\.00× slower \(300\.0 ms vs 100\.0 ms\) → MISSED/);
    expect(tg).toMatch(/epoch within 2\.5× of 1-thread PyTorch: 2\.00× slower .* → MET/);
    expect(tg).toMatch(/NCF step \(batch 1024\) ≥ 2\.5× tfjs-wasm: 3\.00× faster .* → MET/);
    expect(tg).toContain('NCF step (batch 1024) vs 1-thread PyTorch (no target; for the record): 2.00× faster (10.0 ms vs 20.0 ms)\n');
    expect(tg).toMatch(/PyTorch peer's Python process \(for the record\): 180 MiB/);
    expect(table([workloadByName('epoch-resnet8-cifar5k-b128')], rows)).toContain('| epoch-resnet8-cifar5k-b128 | gapkit-auto | 20.00 s |');
  });
});
