import { describe, expect, it } from 'vitest';
import { COMPILED_CHILD, splitCompiled } from '../src/compiled.js';
import { summarize, targets } from '../src/report.js';
import { runsOn, workloadByName } from '../src/workloads.js';

describe('the compiled twin of an engine', () => {
  it('names the engine it runs and forks dist/child.js', () => {
    expect(splitCompiled('gapkit-auto@node-dist')).toEqual({ engine: 'gapkit-auto', compiled: true });
    expect(splitCompiled('gapkit-auto')).toEqual({ engine: 'gapkit-auto', compiled: false });
    expect(COMPILED_CHILD).toMatch(/apps\/bench\/dist\/child\.js$/);
  });

  it('runs only the ResNet-8 step, and its peak RSS is checked against 150 MiB beside the tsx run', () => {
    expect(runsOn(workloadByName('train-resnet8-b64'), 'gapkit-auto@node-dist')).toBe(true);
    expect(runsOn(workloadByName('train-ncf-b1024'), 'gapkit-auto@node-dist')).toBe(false);
    const rows = summarize([
      { workload: 'train-resnet8-b64', engine: 'gapkit-auto', times: [300], warmupMs: [], rounds: 1, peakRssMb: 210 },
      { workload: 'train-resnet8-b64', engine: 'gapkit-auto@node-dist', times: [300], warmupMs: [], rounds: 1, peakRssMb: 140 },
    ]);
    expect(targets(rows, 'gapkit-auto').join('\n')).toContain('(node on dist/) ≤ 150 MiB: 140 MiB (tsx: 210 MiB) → MET');
  });
});
