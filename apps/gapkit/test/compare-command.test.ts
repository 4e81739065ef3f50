/** `gapkit compare` on NCF: every preset from the same seed, a table with HR@K / NDCG@K, overlaid figures. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command } from '../src/commands/compare.js';
import { runQuiet } from './train-helpers.js';

const out = mkdtempSync(join(tmpdir(), 'gapkit-compare-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gapkit compare', () => {
  it('runs each preset on one NCF task from the same seed and overlays the runs', async () => {
    const args = ['--model', 'ncf-gmf', '--dataset', 'synthetic-implicit', '--optimizers', 'adam,adam-lawn', '--max-steps', '8', '--batch-size', '1024', '--backend', 'cpu', '--quiet', '--out', out, '--force'];
    expect((await runQuiet(command, args)).error).toBeNull();
    const configs = ['adam', 'adam-lawn'].map((p) => parse(readFileSync(join(out, p, 'config.yaml'), 'utf8')) as { seed: number; batchSize: number; optimizer: { name: string }; schedule: { kind: string } });
    expect(configs.map((c) => c.optimizer.name)).toEqual(['adam', 'adam-lawn']);
    expect(new Set(configs.map((c) => `${c.seed}/${c.batchSize}`)).size).toBe(1);
    // The LAWN preset brings the paper's warm-up + linear decay.
    expect(configs[1].schedule.kind).toBe('warmup-linear');
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(/\| run \| steps \| train loss \| HR@K \| NDCG@K \|/);
    expect(summary).toMatch(/\| adam-lawn \| 8 \|/);
    expect(summary).toMatch(/Scaled down: free phase = first third/);
    const spec = JSON.parse(readFileSync(join(out, 'test-hit-rate.vl.json'), 'utf8')) as { data: { values: { run: string }[] } };
    expect(new Set(spec.data.values.map((v) => v.run))).toEqual(new Set(['adam', 'adam-lawn']));
    expect(readFileSync(join(out, 'loss.png')).subarray(1, 4).toString()).toBe('PNG');

    // The same folder again: refused without --force; with it, the comparison starts over.
    const shorter = args.map((a) => (a === '8' ? '2' : a));
    expect((await runQuiet(command, shorter.filter((a) => a !== '--force'))).error?.message).toMatch(/already exists.*--force/);
    expect((await runQuiet(command, shorter)).error).toBeNull();
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\| adam-lawn \| 2 \|/);
  });

  it('names an unknown preset with the closest one', async () => {
    const r = await runQuiet(command, ['--optimizers', 'adamss', '--out', join(out, 'x'), '--quiet']);
    expect(r.error?.message).toMatch(/unknown optimizer preset 'adamss' \(did you mean 'adams'\?\)/);
  });
});
