import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../src/args.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('pnpm bench arguments', () => {
  it('defaults to every engine and workload', () => {
    const a = parseArgs([]);
    expect(a.quick).toBe(false);
    expect(a.json).toBeNull();
    expect(a.engines).toContain('tfjs-wasm');
    expect(a.workloads).toContain('train-resnet8-b64');
  });

  it('parses --quick, --json, filters, and the pnpm "--" separator', () => {
    const a = parseArgs(['--', '--quick', '--json', 'out.json', '--engines', 'gapkit-wasm,tfjs-cpu', '--workloads', 'matmul-512']);
    expect(a).toMatchObject({ quick: true, json: 'out.json', engines: ['gapkit-wasm', 'tfjs-cpu'], workloads: ['matmul-512'] });
  });

  it('accepts --json=FILE and -h like the gapkit CLI (one parser)', () => {
    expect(parseArgs(['--json=out.json']).json).toBe('out.json');
    expect(parseArgs(['-h']).help).toBe(true);
  });

  it('rejects unknown options, names and missing values as usage errors naming the closest valid one', () => {
    expect(() => parseArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseArgs(['--quik'])).toThrow(/unknown option --quik \(did you mean --quick\?\)/);
    expect(() => parseArgs(['--engines', 'tfjs-gpu'])).toThrow(/--engines: 'tfjs-gpu' is not one of .*tfjs-cpu/);
    expect(() => parseArgs(['--json'])).toThrow(/--json needs a value/);
    expect(() => parseArgs(['quick'])).toThrow(/takes no arguments besides options, got 'quick'/);
  });

  it('exits with status 2 and the message on a usage error', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', join(root, 'apps/bench/src/main.ts'), '--json=x.json', '--quik'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toContain('pnpm bench: unknown option --quik (did you mean --quick?)');
    expect(r.status).toBe(2);
  });
});
