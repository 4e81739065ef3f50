/**
 * `gapkit experiment lawn-ml100k --quick` end to end through the CLI on the real MovieLens-100k NCF
 * files (the repo's sibling ../shared/data; skipped with a printed reason when absent): four settings
 * train, and the report holds a results row with numbers per setting, the computed verdicts, the norms
 * table with LAWN's drift, the quick-form warning and its figures in three formats.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { gapkit } from './sweep-helpers.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DATA = resolve(repo, '../shared/data');
const haveData = existsSync(join(DATA, 'movielens-100k', 'ncf'));
if (!haveData) console.warn(`[skip] ${join(DATA, 'movielens-100k', 'ncf')} not found — the lawn-ml100k quick-form test is skipped (it needs the real NCF files)`);

const root = mkdtempSync(join(tmpdir(), 'gapkit-lawn-quick-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SETTINGS = ['Adam, λ 1e-4', 'Adam-LAWN, E_free 1, embeddings constrained', 'Adam-LAWN, E_free 1, embeddings free', 'LAMB-LAWN, E_free 1, embeddings constrained'];
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('gapkit experiment lawn-ml100k --quick', () => {
  it.skipIf(!haveData)('trains four settings and two longer variants on a subset and writes a report with numbers, verdicts and figures', async () => {
    const out = join(root, 'out');
    const cli = gapkit(['experiment', 'lawn-ml100k', '--quick', '--data-dir', DATA, '--out', out, '--workers', '2']);
    const { code } = await cli.exited;
    expect(code, cli.output()).toBe(0);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain('Quick form: far too small to show anything');
    expect(report).toContain('Runs: 6 in 2 sweeps (`lawn-quick` 4, `lawn-toward-66-quick` 2); 0 failed.');
    for (const s of SETTINGS) {
      // setting | seeds | best HR@10 (epoch) | final HR@10 | last-5 mean | NDCG at best | final NDCG | final loss | |logit| | s/epoch | epochs
      expect(report).toMatch(new RegExp(`\\| ${escapeRe(s)} \\| 1 \\| \\d+\\.\\d\\d \\(epoch [123]\\) \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\| \\d+\\.\\d\\d \\| 0\\.\\d{4} \\| \\d+\\.\\d\\d \\| \\d+\\.\\d \\(\\d+\\.\\d\\) \\| 3 \\|`));
    }
    // the LAWN-vs-Adam verdicts are computed lines, one per Adam-LAWN setting
    const verdicts = report.match(/^- Adam-LAWN, .* − Adam, λ 1e-4 \(the best Adam of the grid\), final HR@10 \d+\.\d\d − \d+\.\d\d: \*\*(agrees|disagrees|not visible at this scale)\*\* — measured [+−]\d+\.\d\d HR points/gm);
    expect(verdicts).toHaveLength(2);
    // the reference is not compared on another recipe
    expect(report).toContain('not the same recipe');
    // the constrained norms hold: a drift below 1e-5 for the LAWN rows, six tensors when embeddings are constrained
    const drifts = [...report.matchAll(/\| (\d\.\de-\d+) \|$/gm)].map((m) => Number(m[1]));
    expect(drifts).toHaveLength(3);
    for (const d of drifts) expect(d).toBeLessThan(1e-5);
    expect(report).toMatch(/\| 6: userEmbedding\.weight, itemEmbedding\.weight, tower\.0\.weight/);
    expect(report).toMatch(/subnormal float32 values of 260259/);
    // the toward-66 variant (one epoch more) is set against the recipe run of its setting, not mixed into the tables
    expect(report).toMatch(/^\| Adam, λ 1e-4 \| 4 epochs \| 1 \| \d+\.\d\d \(epoch [1-4]\) \| \d+\.\d\d \| \d+\.\d\d \| \d+\.\d\d \(best \d+\.\d\d\) \| [+−]\d+\.\d\d \| \*\*(raises it|lowers it|no change beyond the noise)\*\* \([+−]\d+\.\d\d vs noise 3\.00\) \|$/m);
    expect(report).toMatch(/^- 4 epochs: Adam-LAWN, E_free 1, embeddings constrained − Adam, λ 1e-4, final HR@10 \d+\.\d\d − \d+\.\d\d: \*\*(agrees|disagrees|not visible at this scale)\*\* — measured [+−]\d+\.\d\d HR points/m);
    expect(report).toContain('Tried: the length (the paper trains 300 epochs). Not tried (CPU time): η_peak; E_warmup; the embedding size.');
    for (const f of ['hr-toward-66', 'hr-b1k', 'ndcg-b1k', 'loss-b1k', 'logit-b1k', 'user-embedding-norm-b1k', 'item-embedding-norm-b1k']) {
      for (const ext of ['png', 'svg', 'vl.json']) expect(existsSync(join(out, 'figures', `${f}.${ext}`)), `${f}.${ext}`).toBe(true);
      expect(report).toContain(`](figures/${f}.png)`);
    }
  }, 120_000);
});
