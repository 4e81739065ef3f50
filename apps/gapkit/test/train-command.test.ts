/**
 * `gapkit train` end to end on tiny settings: the run folder's files, exact repeat from config.yaml,
 * exact resume with --max-steps counted across resumes, refusing an existing folder, refusing a
 * checkpoint of another run without touching the folder, bad input messages, a non-finite stop.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { command } from '../src/commands/train.js';
import { newestCheckpointBytes, runQuiet, snapshot, TINY_DIGITS } from './train-helpers.js';

const root = mkdtempSync(join(tmpdir(), 'gapkit-train-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dir = (name: string) => join(root, name);

describe('gapkit train', () => {
  it('writes a complete run folder; its config.yaml repeats the run exactly', async () => {
    const a = dir('a');
    const r = await runQuiet(command, [...TINY_DIGITS, '--optimizer', 'padam', '--epochs', '2', '--checkpoint-every', '7', '--out', a]);
    expect(r.error).toBeNull();
    for (const f of ['config.yaml', 'metrics.jsonl', 'metrics.csv', 'summary.md', 'loss.png', 'loss.vl.json', 'test-accuracy.png', 'best.safetensors', 'best.json']) {
      expect(existsSync(join(a, f)), f).toBe(true);
    }
    expect(readFileSync(join(a, 'loss.png')).subarray(1, 4).toString()).toBe('PNG');
    const config = parse(readFileSync(join(a, 'config.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    // Resolved: the optimizer's defaults are spelled out, and where the run came from.
    expect(config.optimizer.options).toMatchObject({ lr: 0.1, p: 0.125 });
    expect(config.provenance).toMatchObject({ node: process.version });
    const lines = readFileSync(join(a, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.type === 'eval').map((l) => l.step)).toEqual([10, 20]);
    const step = lines.find((l) => l.type === 'step');
    expect(step).toMatchObject({ step: 10 });
    for (const k of ['loss', 'lr', 'gradNorm', 'logitNorm', 'examplesPerSecond']) expect(Number.isFinite(step?.[k]), k).toBe(true);
    // Checkpoints at steps 7, 10 (epoch), 14, 20 (final); the last 3 kept.
    expect(existsSync(join(a, 'ckpt-00000007.json'))).toBe(false);
    expect(existsSync(join(a, 'ckpt-00000020.safetensors'))).toBe(true);

    const b = dir('b');
    const again = await runQuiet(command, ['--config', join(a, 'config.yaml'), '--out', b, '--quiet']);
    expect(again.error).toBeNull();
    expect(newestCheckpointBytes(b).equals(newestCheckpointBytes(a))).toBe(true);
  });

  it('resumes bit for bit; --max-steps counts steps across resumes', async () => {
    const straight = dir('straight');
    const parts = dir('parts');
    const args = [...TINY_DIGITS, '--optimizer', 'adams', '--augment', '--epochs', '5', '--checkpoint-every', '4'];
    expect((await runQuiet(command, [...args, '--max-steps', '27', '--out', straight])).error).toBeNull();
    expect((await runQuiet(command, [...args, '--max-steps', '13', '--out', parts])).error).toBeNull();
    expect(existsSync(join(parts, 'ckpt-00000013.json'))).toBe(true);
    expect(newestCheckpointBytes(parts).equals(newestCheckpointBytes(straight))).toBe(false);
    expect((await runQuiet(command, ['--resume', parts, '--max-steps', '27', '--quiet'])).error).toBeNull();
    expect(newestCheckpointBytes(parts).equals(newestCheckpointBytes(straight))).toBe(true);
    const steps = readFileSync(join(parts, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { step: number; type: string }));
    const straightSteps = readFileSync(join(straight, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { step: number; type: string }));
    // The same lines, plus the final step and evaluation the first part logged when it stopped at 13.
    expect(steps.filter((s) => s.step !== 13).map((s) => `${s.type}${s.step}`)).toEqual(straightSteps.map((s) => `${s.type}${s.step}`));
    expect(steps.filter((s) => s.step === 13).map((s) => s.type)).toEqual(['step', 'eval']);
  });

  it('refuses an existing run folder unless --resume or --force', async () => {
    const a = dir('a');
    const refused = await runQuiet(command, [...TINY_DIGITS, '--max-steps', '2', '--out', a]);
    expect(refused.error?.message).toMatch(/already exists.*--resume.*--force/);
    const forced = await runQuiet(command, [...TINY_DIGITS, '--max-steps', '2', '--out', a, '--force']);
    expect(forced.error).toBeNull();
    expect(existsSync(join(a, 'ckpt-00000020.json'))).toBe(false);
    expect(existsSync(join(a, 'ckpt-00000002.json'))).toBe(true);
  });

  it('refuses a checkpoint of another model or optimizer, naming the mismatch, and changes nothing', async () => {
    const p = dir('parts');
    const before = snapshot(p);
    const model = await runQuiet(command, ['--resume', p, '--model-opt', 'hidden=[32]', '--quiet']);
    expect(model.error?.message).toMatch(/another run.*model\.options\.hidden: checkpoint has \[16\], this run has \[32\]/);
    const opt = await runQuiet(command, ['--resume', p, '--optimizer', 'adam', '--quiet']);
    expect(opt.error?.message).toMatch(/optimizer\.name: checkpoint has "adams", this run has "adam"/);
    expect(snapshot(p)).toEqual(before);
  });

  it('names unknown models, optimizers, hyperparameters and config keys with the closest valid one', async () => {
    const out = dir('bad');
    const cases: Array<[string[], RegExp]> = [
      [['--model', 'resnt'], /unknown model 'resnt' \(did you mean 'resnet'\?\); valid: .*mlp/],
      [['--optimizer', 'adamm'], /optimizer 'adamm' is not registered \(did you mean 'adam'\?\) \(known: .*padam/],
      [['--opt', 'beta3=0.9'], /unknown key 'beta3' \(did you mean 'beta1'\?\); valid keys: lr, beta1, beta2/],
      [['--opt', 'beta1=1.5'], /β₁|beta1/],
    ];
    for (const [extra, want] of cases) {
      // A flag given twice: the later value wins.
      const r = await runQuiet(command, [...TINY_DIGITS, '--out', out, '--force', ...extra]);
      expect(r.error?.message, extra.join(' ')).toMatch(want);
    }
    const yaml = join(root, 'typo.yaml');
    writeFileSync(yaml, 'model: { name: mlp }\ndataset: { name: digits }\noptimizer: { name: adam }\nepoch: 3\n');
    const typo = await runQuiet(command, ['--config', yaml, '--out', out, '--force', '--quiet']);
    expect(typo.error?.message).toMatch(/unknown key 'epoch' \(did you mean 'epochs'\?\)/);
    const missing = await runQuiet(command, ['--config', join(root, 'absent.yaml'), '--quiet']);
    expect(missing.error?.message).toMatch(/--config: no such file '.*absent\.yaml'/);
  });

  it('names an out-of-range hyperparameter by its symbol and range', async () => {
    const r = await runQuiet(command, [...TINY_DIGITS, '--optimizer', 'padam', '--opt', 'p=0.9', '--out', dir('range'), '--force']);
    expect(r.error?.message).toMatch(/Padam.*: p \(partial adaptive parameter\) must be in \[0, 0\.5\], got 0\.9/);
  });

  it('says which download command to run when data are missing', async () => {
    const r = await runQuiet(command, ['--model', 'resnet', '--dataset', 'cifar10', '--data-dir', join(root, 'no-data'), '--optimizer', 'adam', '--out', dir('nodata'), '--backend', 'cpu', '--quiet']);
    expect(r.error?.message).toMatch(/download cifar10/);
    expect(existsSync(dir('nodata'))).toBe(false);
  });

  it('stops at once on a non-finite loss, naming the step and the last good checkpoint', async () => {
    const out = dir('nan');
    const r = await runQuiet(command, [...TINY_DIGITS, '--optimizer', 'sgd', '--opt', 'lr=1e30,momentum=0,weightDecay=0', '--checkpoint-every', '1', '--out', out]);
    expect(r.error?.message).toMatch(/step (\d+): .*became (NaN|Infinity|-Infinity).*last good checkpoint: .*ckpt-\d+\.safetensors/);
    const failed = Number(/step (\d+):/.exec(r.error?.message ?? '')?.[1]);
    expect(existsSync(join(out, `ckpt-${String(failed).padStart(8, '0')}.json`))).toBe(false);
    expect(existsSync(join(out, `ckpt-${String(failed - 1).padStart(8, '0')}.json`))).toBe(true);
  });
});
