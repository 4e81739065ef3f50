import { afterEach, describe, expect, test, vi } from 'vitest';
import { UsageError } from '../src/command.js';
import { getModel } from '@gapkit/model-zoo';
import { command, modelRows } from '../src/commands/models.js';

/** Runs the command, returning its exit code and everything it printed. */
async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    lines.push(a.join(' '));
  });
  try {
    const code = await command.run(args);
    return { code, out: lines.join('\n') };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('gapkit models', () => {
  test('lists every model and variant with its parameter count for 10 classes', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    const names = ['resnet18', 'resnet34', 'resnet', 'wrn', 'wrn-ndadam', 'wrn-ndadam-tf', 'wrn-padam', 'vgg11', 'vgg13', 'vgg16', 'vgg19', 'vgg16-2fc', 'ncf-gmf', 'ncf-mlp', 'neumf', 'mlp'];
    const rows = out.split('\n').slice(4);
    for (const name of names) expect(rows.some((r) => r.startsWith(`${name} `)), name).toBe(true);
    // docs/models.md counts at 10 classes
    expect(out).toMatch(/resnet18 +ResNet-18 +11,173,962 /);
    expect(out).toMatch(/resnet34 +ResNet-34 +21,282,122 /);
    expect(out).toMatch(/wrn +WRN-28-10 +36,479,194 /);
    expect(out).toMatch(/wrn-ndadam +WRN-22-7\.5 +15,077,488 +15,072,432 /);
    expect(out).toMatch(/wrn-padam +WRN-16-4 \(Padam\) +2,777,674 /);
    expect(out).toMatch(/wrn-ndadam-tf +WRN-22-7\.5 \+ BN-softmax +14,931,578 +14,926,512 /); // 14,926,512 + 5,066
    expect(out).toMatch(/vgg16 +VGG-16 \(BN\) +14,728,266 /);
    expect(out).toMatch(/vgg19 +VGG-19 \(no BN\) +20,029,514 /);
  });

  test('--classes 100 changes the classifiers, not the recommenders', async () => {
    const { out } = await run(['--classes', '100']);
    expect(out).toMatch(/resnet18 +ResNet-18 +11,220,132 /);
    expect(out).toMatch(/wrn +WRN-16-4 +2,772,020 /);
    expect(out).toMatch(/wrn-ndadam +WRN-28-10 +36,527,808 +36,518,832 /);
    expect(out).toMatch(/vgg19 +VGG-19 \(BN\) +20,086,692 /);
    // ML-100k GMF: (943 + 1,682)·8 + 8 + 1
    expect(out).toMatch(/ncf-gmf +MovieLens-100k, 8 factors +21,009 /);
  });

  test('model filter and JSON output', async () => {
    const { out } = await run(['wrn-padam', 'mlp', '--json']);
    const rows = JSON.parse(out) as Array<{ model: string; parameters: number }>;
    expect(rows.map((r) => r.model)).toEqual(['wrn-padam', 'wrn-padam', 'mlp']);
    expect(rows[0].parameters).toBe(2_777_674);
    expect(rows[2].parameters).toBe(784 * 100 + 100 + 100 * 10 + 10);
  });

  test('--help prints the usage', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('usage: gapkit models');
    expect(out).toContain('--classes N');
  });

  test('bad input is a UsageError naming the option or model', async () => {
    await expect(command.run(['--classes', '0'])).rejects.toThrow(UsageError);
    await expect(command.run(['--classes', 'ten'])).rejects.toThrow("--classes must be an integer, got 'ten'");
    await expect(command.run(['resnet50'])).rejects.toThrow("unknown model 'resnet50'");
  });

  test('counting is analytic: no model is built', () => {
    const builds = ['wrn', 'wrn-ndadam', 'resnet34', 'vgg19'].map((name) => vi.spyOn(getModel(name), 'build'));
    const rows = modelRows(['wrn', 'wrn-ndadam', 'resnet34', 'vgg19'], 10);
    expect(rows.length).toBe(4 + 3 + 1 + 2);
    for (const b of builds) expect(b).not.toHaveBeenCalled();
  });
});
