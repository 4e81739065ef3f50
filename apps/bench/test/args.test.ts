import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.js';

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

  it('rejects unknown options and names', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--engines', 'tfjs-gpu'])).toThrow(/unknown engine/);
    expect(() => parseArgs(['--json'])).toThrow(/needs a file/);
  });
});
