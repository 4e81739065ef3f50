import { describe, expect, it } from 'vitest';
import { streamOnce } from '../src/optim/bandwidth-probe.js';
import { elementwiseBuffers } from '../src/optim/prepare.js';
import { optimizerSection } from '../src/optim/report.js';
import { summarize } from '../src/report.js';
import type { Measurement } from '../src/runner.js';
import { torchOptimizer } from '../src/torch/torch-optimizers.js';
import { parametersOf, runsOn, workloadByName } from '../src/workloads.js';

const m = (workload: string, engine: string, times: number[]): Measurement => ({ workload, engine, times, warmupMs: [], rounds: 1 });

describe('optimizer workloads', () => {
  it('run on gapkit-cpu, steps also on torch where torch.optim has the optimizer, and only there', () => {
    const step = workloadByName('optimizer-step-padam');
    const probe = workloadByName('bandwidth-adam');
    expect(runsOn(step, 'gapkit-cpu')).toBe(true);
    expect(runsOn(step, 'torch')).toBe(false);
    expect(runsOn(workloadByName('optimizer-step-adam'), 'torch-foreach')).toBe(true);
    expect(runsOn(step, 'gapkit-wasm')).toBe(false);
    expect(runsOn(probe, 'torch')).toBe(false);
    expect(runsOn(workloadByName('train-resnet8-b64'), 'torch')).toBe(true);
    expect(runsOn(workloadByName('train-resnet8-b64'), 'torch-foreach')).toBe(false);
    expect(runsOn(workloadByName('matmul-512'), 'gapkit-wasm')).toBe(true);
    expect(runsOn(workloadByName('matmul-512'), 'torch')).toBe(false);
    expect(parametersOf(step)).toBe(11_173_962);
  });

  it('maps the torch.optim counterparts from the registry defaults, and only those', () => {
    expect(torchOptimizer('adam', true)).toEqual({ cls: 'Adam', kwargs: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weight_decay: 0, foreach: true, amsgrad: false } });
    expect(torchOptimizer('amsgrad', false)?.kwargs.amsgrad).toBe(true);
    expect(torchOptimizer('adamw', false)).toMatchObject({ cls: 'AdamW', kwargs: { weight_decay: 1e-2 } });
    expect(torchOptimizer('sgd', false)).toMatchObject({ cls: 'SGD', kwargs: { lr: 1e-3, momentum: 0 } });
    expect(torchOptimizer('padam', false)).toBeNull();
  });

  it('the probe reads the gradient and writes each array once (a·½ + g)', () => {
    for (let k = 1; k <= 5; k++) {
      const g = Float32Array.from([1, 2, 3]);
      const rw = Array.from({ length: k }, (_, j) => Float32Array.from([j, j + 1, j + 2]));
      streamOnce(g, rw);
      rw.forEach((a, j) => {
        expect([...a]).toEqual([j * 0.5 + 1, (j + 1) * 0.5 + 2, (j + 2) * 0.5 + 3]);
      });
    }
    expect(() => streamOnce(new Float32Array(3), [new Float32Array(2)])).toThrow(/gradient's 3 elements, got 2/);
    expect(() => streamOnce(new Float32Array(1), [])).toThrow(/1 to 5 read-write arrays, got 0/);
  });

  it('finds the element-wise state buffers, nested one level, and skips per-unit ones', () => {
    const s = { t: 3, m: new Float32Array(4), v: new Float32Array(2), base: { u: new Float32Array(4) }, none: null };
    const found = elementwiseBuffers(s, 4);
    expect(found).toHaveLength(2);
    expect(found[0]).toBe(s.m);
    expect(found[1]).toBe(s.base.u);
  });

  it('reports the step/probe ratio and the two targets', () => {
    const rows = summarize([
      m('optimizer-step-adam', 'gapkit-cpu', [20]),
      m('bandwidth-adam', 'gapkit-cpu', [10]),
      m('optimizer-step-padam', 'gapkit-cpu', [40, 60, 30]),
      m('bandwidth-padam', 'gapkit-cpu', [10, 10, 5]),
      m('optimizer-step-padam', 'torch', [30]),
    ]);
    const text = optimizerSection(rows).join('\n');
    expect(text).toContain('| adam | 20.0 | 1.79 | 10.0 | 2.00× | 2.00× | – / – |');
    expect(text).toContain('| padam | 40.0 | 3.58 | 10.0 | 4.00× | 6.00× | 30.0 / – |');
    expect(text).toContain('within 3× of its probe: MISSED (padam 4.00×)');
    expect(text).toContain('Padam within 1.5× of Adam: 2.00× (40.0 ms vs 20.0 ms) → MISSED');
    expect(optimizerSection(summarize([m('matmul-512', 'gapkit-cpu', [1])]))).toEqual([]);
  });
});
