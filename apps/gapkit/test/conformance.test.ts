/**
 * Conformance: every public case in the shared conformance folder passes; synthetic cases for every optimizer
 * name of the README (expected values from an independent float64 implementation) pass through the
 * same runner; malformed cases, unknown names, keys and layer ops are errors naming file and field.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { command } from '../src/commands/conformance.js';
import { parseCase } from '../src/conformance/case.js';
import { HYPER_KEYS } from '../src/conformance/build-optimizer.js';
import { collectCaseFiles, runCase, runCaseFile } from '../src/conformance/run.js';
import { SYNTHETIC, syntheticCase } from './conformance-synthetic.js';

const SHARED = new URL('../../../../shared/conformance', import.meta.url).pathname;
const hasShared = existsSync(SHARED);
if (!hasShared) console.log(`conformance.test: skipping the public cases: ${SHARED} is absent (the sibling shared/ folder is not checked out)`);

describe.skipIf(!hasShared)('public cases (../shared/conformance)', () => {
  const files = hasShared ? collectCaseFiles([SHARED]) : [];
  it('finds the cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });
  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s passes', (_name, file) => {
    const r = runCaseFile(file);
    expect(r.error).toBeUndefined();
    expect(r.passed).toBe(true);
    expect(r.worst.fraction).toBeLessThanOrEqual(1);
  });
});

describe('synthetic cases for every optimizer name (independent float64 reference)', () => {
  it('cover every name of the README table', () => {
    expect(new Set(SYNTHETIC.map((s) => s.optimizer))).toEqual(new Set(Object.keys(HYPER_KEYS)));
  });
  it.each(SYNTHETIC.map((s) => [s.name, s]))('%s passes', (_name, spec) => {
    const c = parseCase(syntheticCase(spec), `${spec.name}.json`);
    const r = runCase(c);
    expect(r.error).toBeUndefined();
    expect(r.worst.fraction).toBeLessThan(0.5);
    expect(r.passed).toBe(true);
  });
  it('a wrong expected value fails the case (the comparison can fail)', () => {
    const raw = syntheticCase(SYNTHETIC[3]) as { expected: Record<string, number[]>[] };
    raw.expected[7]['fc.weight'][2] += 1e-3;
    const r = runCase(parseCase(raw, 'bad.json'));
    expect(r.passed).toBe(false);
    expect(r.worst.where).toBe('step 8, fc.weight');
  });
});

describe('errors name the file and the field', () => {
  const base = () => syntheticCase(SYNTHETIC[3]) as Record<string, unknown>;
  const run = (c: Record<string, unknown>) => runCase(parseCase(c, 'case.json'));

  it('an unknown optimizer name', () => {
    const r = run({ ...base(), optimizer: 'AdaFoo' });
    expect(r.passed).toBe(false);
    expect(r.error).toMatch(/case.json: field 'optimizer' names unknown optimizer 'AdaFoo'/);
  });
  it('an unknown hyper key', () => {
    const c = base();
    const r = run({ ...c, hyper: { ...(c.hyper as object), rho: 0.9 } });
    expect(r.error).toMatch(/case.json: field 'hyper.rho' is not a known key for Adam/);
  });
  it('an unknown param_groups option', () => {
    const c = base();
    const groups = c.param_groups as Record<string, unknown>[];
    expect(() => parseCase({ ...c, param_groups: [{ ...groups[0], momentum: 0.9 }, groups[1]] }, 'case.json')).toThrow(
      /case.json: field 'param_groups\[0\].momentum' is not a known group option/,
    );
  });
  it('an unknown layer op', () => {
    if (!hasShared) return console.log('skipped: needs ../shared/conformance/mlp_sgd_momentum.json');
    const c = JSON.parse(readFileSync(join(SHARED, 'mlp_sgd_momentum.json'), 'utf8'));
    c.model.layers[1] = { op: 'gelu' };
    const r = runCase(parseCase(c, 'mlp.json'));
    expect(r.error).toMatch(/mlp.json: field 'model.layers\[1\].op' is unknown: 'gelu'/);
  });
  it('malformed fields', () => {
    expect(() => parseCase({ ...base(), steps: 0 }, 'x.json')).toThrow(/x.json: field 'steps' must be a positive integer/);
    const c = base();
    const grads = c.grads as Record<string, number[] | null>[];
    grads[2] = { ...grads[2], 'fc.bias': [1, 2, 3] };
    expect(() => parseCase(c, 'x.json')).toThrow(/x.json: field 'grads\[2\].fc.bias' must hold 2 numbers or be null/);
    expect(() => parseCase({ ...base(), format_version: 2 }, 'x.json')).toThrow(/field 'format_version' must be 1/);
  });
  it('per-step arrays must cover `steps`; longer ones are cut to it (and the cut case still passes)', () => {
    const c = base();
    const r = run({ ...c, steps: 5 });
    expect(r.passed).toBe(true);
    expect(r.worst.where).toMatch(/^step [1-5],/);
    const groups = c.param_groups as Record<string, unknown>[];
    expect(() => parseCase({ ...c, param_groups: [{ ...groups[0], lr: [0.1] }, groups[1]] }, 'x.json')).toThrow(
      /x.json: field 'param_groups\[0\].lr' must hold at least 12 entries \(steps = 12\)/,
    );
    expect(() => parseCase({ ...c, steps: 13 }, 'x.json')).toThrow(/x.json: field 'param_groups\[0\].lr' must hold at least 13 entries/);
  });
  it('a group without lr takes the case’s lr list; with none anywhere it is an error', () => {
    const c = base();
    const groups = c.param_groups as Record<string, unknown>[];
    const { lr, ...noLr } = groups[1];
    expect(run({ ...c, lr, param_groups: [groups[0], noLr] }).passed).toBe(true);
    expect(run({ ...c, hyper: { ...(c.hyper as object), lr }, param_groups: [groups[0], noLr] }).passed).toBe(true);
    expect(() => parseCase({ ...c, param_groups: [groups[0], noLr] }, 'x.json')).toThrow(/field 'param_groups\[1\].lr' is missing/);
  });
  it('tolerance: README defaults when absent; tolerance_by_field accepts the float32_check names, refuses others', () => {
    const { tolerance: _t, ...c } = base();
    expect(parseCase(c, 'x.json').tolerance).toEqual({ rtol: 1e-4, atol: 1e-6 });
    const tb = parseCase({ ...c, tolerance_by_field: { params: { rtol: 1, atol: 0 }, grads: { rtol: 2, atol: 0 } } }, 'x.json');
    expect(tb.tolerance).toEqual({ rtol: 1, atol: 0 });
    expect(tb.tolerance_by_field).toEqual({ expected: { rtol: 1, atol: 0 }, grad0: { rtol: 2, atol: 0 }, grads_per_step: { rtol: 2, atol: 0 } });
    expect(() => parseCase({ ...c, tolerance_by_field: { weights: { rtol: 1, atol: 0 } } }, 'x.json')).toThrow(/field 'tolerance_by_field.weights' is not a compared field/);
  });
  it('an out-of-range hyperparameter fails the case with the optimizer’s message', () => {
    const c = base();
    const r = run({ ...c, hyper: { ...(c.hyper as object), betas: [1, 0.999] } });
    expect(r.error).toMatch(/beta1 \(β₁\) must be in \[0, 1\), got 1/);
  });
});

describe('the conformance command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gapkit-conformance-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per case, then "N passed, N failed", and exits 1 on a failure', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(syntheticCase(SYNTHETIC[0])));
    const bad = syntheticCase(SYNTHETIC[1]) as { expected: Record<string, number[]>[] };
    bad.expected[0]['bn.bias'][0] += 0.5;
    writeFileSync(join(dir, 'b.json'), JSON.stringify(bad));
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    const code = await command.run([dir]);
    spy.mockRestore();
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^syn_sgd_nesterov {2}pass {2}worst \d\.\d{4} of tolerance/);
    expect(lines[1]).toMatch(/^syn_sgd_dampening {2}FAIL {2}worst \d+\.\d{4} of tolerance \(expected, step 1, bn.bias/);
    expect(lines[2]).toBe('1 passed, 1 failed');
    const ok: string[] = [];
    const spy2 = vi.spyOn(console, 'log').mockImplementation((s: string) => void ok.push(s));
    expect(await command.run([join(dir, 'a.json')])).toBe(0);
    spy2.mockRestore();
    expect(ok.at(-1)).toBe('1 passed, 0 failed');
  });

  it('--help prints the usage; no path or a missing path is a usage error', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
    expect(await command.run(['--help'])).toBe(0);
    spy.mockRestore();
    expect(lines[0]).toMatch(/usage: gapkit conformance/);
    await expect(command.run([])).rejects.toThrow(/give at least one case file or folder/);
    await expect(command.run([join(dir, 'nope')])).rejects.toThrow(/no such file or folder/);
  });
});
