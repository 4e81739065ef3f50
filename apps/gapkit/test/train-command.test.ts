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
import { parseArgs } from '../src/args.js';
import { command, finalLines } from '../src/commands/train.js';
import { runTraining } from '../src/train/run-training.js';
import { overlayTrainFlags, TRAIN_FLAGS } from '../src/train/train-flags.js';
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
    expect(r.error?.message).toMatch(/gapkit data download cifar10 --data-dir .*no-data`/);
    expect(r.error?.message).not.toMatch(/gapkit download|--dir /);
    expect(existsSync(dir('nodata'))).toBe(false);
  });

  it('stops at once on a non-finite loss, naming the step, the op (re-run in anomaly mode) and the last good checkpoint', async () => {
    const out = dir('nan');
    const r = await runQuiet(command, [...TINY_DIGITS, '--optimizer', 'sgd', '--opt', 'lr=1e30,momentum=0,weightDecay=0', '--checkpoint-every', '1', '--log-every', '1', '--out', out]);
    expect(r.error?.message).toMatch(/Stopped at step (\d+) \(op '[^']+'\); last good checkpoint: .*ckpt-\d+\.safetensors/);
    expect(r.error?.message).toMatch(/step (\d+): .*became (NaN|Infinity|-Infinity).*re-run with anomaly mode on: op '[^']+' \((forward|backward)\)/s);
    const failed = Number(/Stopped at step (\d+)/.exec(r.error?.message ?? '')?.[1]);
    expect(existsSync(join(out, `ckpt-${String(failed).padStart(8, '0')}.json`))).toBe(false);
    expect(existsSync(join(out, `ckpt-${String(failed - 1).padStart(8, '0')}.json`))).toBe(true);
    const logged = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { step: number });
    expect(Math.max(...logged.map((l) => l.step))).toBeLessThan(failed);

    const anomaly = await runQuiet(command, [...TINY_DIGITS, '--optimizer', 'sgd', '--opt', 'lr=1e30,momentum=0,weightDecay=0', '--detect-anomaly', '--out', dir('nan-anomaly')]);
    expect(anomaly.error?.message).toMatch(new RegExp(`Stopped at step ${failed} \\(op '[^']+'\\).*\\nstep ${failed}: anomaly mode found .* in op '`, 's'));
  });

  it('--non-finite skip skips and counts the non-finite steps in metrics.jsonl, summary.md and the final line', async () => {
    const out = dir('skip');
    const o = parseArgs([...TINY_DIGITS, '--non-finite', 'skip', '--log-every', '1', '--max-steps', '9', '--out', out], TRAIN_FLAGS).options;
    expect(o['non-finite']).toBe('skip');
    let saved = 0;
    // A NaN injected into one weight after step 3 and taken out after step 5: steps 4 and 5 are skipped.
    const r = await runTraining({
      input: overlayTrainFlags({ model: { name: 'mlp' }, dataset: { name: 'digits' }, optimizer: { name: 'adam' } }, o),
      where: 'flags',
      out,
      resume: false,
      force: false,
      dataDir: 'data',
      quiet: true,
      afterStep: (t, rec) => {
        const w = t.model.parameters()[0].data;
        if (rec.step === 3) [saved, w[0]] = [w[0], Number.NaN];
        if (rec.step === 5) w[0] = saved;
      },
    });
    const steps = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; skippedSteps?: number; loss?: number }).filter((l) => l.type === 'step');
    expect(steps.map((l) => l.skippedSteps)).toEqual([0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(r.skippedSteps).toBe(2);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('Skipped steps (non-finite loss or gradient, policy `skip`): 2.');
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\| adam \| 9 \| 2 \|/);
    expect(finalLines(r)).toMatch(/^done: test accuracy [\d.]+%, 2 steps skipped \(non-finite\)\n/);
    expect(parse(readFileSync(join(out, 'config.yaml'), 'utf8')).optimizer.options.nonFinite).toBe('skip');
  });

  it('--log-layers logs ‖Δw‖/‖w‖ and ‖w‖ of chosen tensors in metrics.jsonl and metrics.csv, with a figure', async () => {
    const out = dir('layers');
    const r = await runQuiet(command, [...TINY_DIGITS, '--log-layers', 'fc1.weight,fc2', '--log-every', '5', '--out', out]);
    expect(r.error).toBeNull();
    const steps = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; layers?: Record<string, { effectiveStep: number; weightNorm: number }> }).filter((l) => l.type === 'step');
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(Object.keys(s.layers ?? {})).toEqual(['fc1.weight', 'fc2']);
      for (const v of Object.values(s.layers ?? {})) {
        expect(v.effectiveStep).toBeGreaterThan(0);
        expect(v.weightNorm).toBeGreaterThan(0);
      }
    }
    const header = readFileSync(join(out, 'metrics.csv'), 'utf8').split('\n')[0];
    expect(header).toContain('layers.fc1.weight.effectiveStep');
    expect(header).toContain('layers.fc2.weightNorm');
    expect(readFileSync(join(out, 'layer-effective-step.png')).subarray(1, 4).toString()).toBe('PNG');
    const bad = await runQuiet(command, [...TINY_DIGITS, '--log-layers', 'fc3.weight', '--out', dir('layers-bad')]);
    expect(bad.error?.message).toMatch(/no parameter or layer 'fc3\.weight' \(did you mean 'fc1\.weight'\?\)/);
  });
});
