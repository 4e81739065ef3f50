/**
 * The `gapkit conformance` command, a thin wrapper over @gapkit/conformance (whose own tests check the
 * cases, the schema and the messages): it reads files and folders, prints one line per case and
 * "N passed, N failed", and exits 0, 1 (a case failed) or with a usage error (2).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceTrajectory } from '@gapkit/conformance';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { command } from '../src/commands/conformance.js';

/** A small SGD replay case whose expected values come from the package's float64 reference. */
function sgdCase(name: string): Record<string, unknown> {
  const params = [{ name: 'w', shape: [3], role: 'weight', init: [0.5, -0.25, 0.125] }];
  const grads = [{ w: [0.1, 0.2, -0.3] }, { w: [-0.05, 0.1, 0.2] }];
  const param_groups = [{ params: ['w'], lr: [0.1, 0.05] }];
  const hyper = { momentum: 0.9, dampening: 0, nesterov: false, weight_decay: 0 };
  const expected = referenceTrajectory({ optimizer: 'SGD', hyper, param_groups, steps: 2, params, grads });
  return { format_version: 1, name, kind: 'replay', optimizer: 'SGD', hyper, param_groups, steps: 2, params, grads, expected };
}

async function runCommand(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((s: string) => void lines.push(s));
  try {
    return { code: await command.run(args), lines };
  } finally {
    spy.mockRestore();
  }
}

describe('the conformance command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gapkit-conformance-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one line per case (folders searched recursively), then "N passed, N failed", and exits 1 on a failure', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(sgdCase('sgd_ok')));
    const bad = sgdCase('sgd_wrong') as { expected: Record<string, number[]>[] };
    bad.expected[0].w[1] += 0.5;
    mkdirSync(join(dir, 'more'));
    writeFileSync(join(dir, 'more', 'b.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'notes.txt'), 'not a case');
    const { code, lines } = await runCommand([dir]);
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^sgd_ok {2}pass {2}worst \d\.\d{4} of tolerance \(expected, step \d, w/);
    expect(lines[1]).toMatch(/^sgd_wrong {2}FAIL {2}worst \d+\.\d{4} of tolerance \(expected, step 1, w/);
    expect(lines[2]).toBe('1 passed, 1 failed');
    const ok = await runCommand([join(dir, 'a.json')]);
    expect(ok.code).toBe(0);
    expect(ok.lines.at(-1)).toBe('1 passed, 0 failed');
  });

  it('a malformed file is a failed case whose line names the file and the field', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const c = sgdCase('typo') as { param_groups: Record<string, unknown>[] };
    c.param_groups[0].lr = [0.1, 'x'];
    writeFileSync(join(dir, 'typo.json'), JSON.stringify(c));
    const { code, lines } = await runCommand([join(dir, 'broken.json'), join(dir, 'typo.json')]);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/broken.json {2}FAIL {2}error: .*broken.json: not valid JSON/);
    expect(lines[1]).toMatch(/typo.json: field 'param_groups\[0\].lr\[1\]' must be a number, got "x"/);
    expect(lines[2]).toBe('0 passed, 2 failed');
  });

  it('--help prints the usage; no path, a missing path or an unknown option is a usage error', async () => {
    const { code, lines } = await runCommand(['--help']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/usage: gapkit conformance/);
    await expect(command.run([])).rejects.toThrow(/give at least one case file or folder/);
    await expect(command.run([join(dir, 'nope')])).rejects.toThrow(/nope: no such file or folder/);
    await expect(command.run(['--fast', dir])).rejects.toThrow(/unknown option '--fast'/);
  });
});
