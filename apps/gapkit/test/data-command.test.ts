/**
 * `gapkit data list | download | verify` on captured streams: a temp data dir with a corrupted file, the
 * shared real data (`../shared/data`, read only; skipped with a printed reason when absent), a
 * download that stalls on a loopback server, argument errors; and `gapkit --help` listing `data`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type Command, UsageError } from '../src/command.js';
import { createDataCommand } from '../src/commands/data.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const SHARED_DATA = resolve(repo, '../shared/data');

function capture(): { cmd: Command; out: () => string; err: () => string } {
  const text = { out: '', err: '' };
  const cmd = createDataCommand({
    stdout: { write: (t: string) => (text.out += t) },
    stderr: { isTTY: false, write: (t: string) => (text.err += t) },
  });
  return { cmd, out: () => text.out, err: () => text.err };
}

const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
const work = mkdtempSync(join(tmpdir(), 'gapkit-data-cmd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A data root with movielens-100k and its own SHA256SUMS. */
function makeRoot(): string {
  const root = mkdtempSync(join(work, 'root-'));
  const ml = join(root, 'movielens-100k');
  mkdirSync(ml, { recursive: true });
  const files: Record<string, string> = { 'u.data': '1\t1\t5\t0\n', 'u.info': 'info', 'u.item': 'item', 'u.user': 'user' };
  for (const [f, t] of Object.entries(files)) writeFileSync(join(ml, f), t);
  writeFileSync(join(ml, 'SHA256SUMS'), Object.entries(files).map(([f, t]) => `${sha(t)}  ${f}\n`).join(''));
  return root;
}

describe('gapkit data', () => {
  it('no subcommand or a misspelled one is a usage error naming the closest', async () => {
    const { cmd } = capture();
    await expect(cmd.run([])).rejects.toThrow(UsageError);
    await expect(cmd.run(['verfy'])).rejects.toThrow("unknown subcommand 'verfy' (did you mean 'verify'?) (expected one of: list, download, verify)");
    await expect(cmd.run(['verify'])).rejects.toThrow(/name a data set to verify/);
    await expect(cmd.run(['verify', 'cifar'])).rejects.toThrow("unknown data set 'cifar' (did you mean 'cifar10'?)");
    await expect(cmd.run(['list', '--data-dri', 'x'])).rejects.toThrow(/unknown option --data-dri \(did you mean --data-dir\?\)/);
    await expect(cmd.run(['download', 'mnist', '--timeout', '0'])).rejects.toThrow('--timeout must be a number of seconds > 0, got 0');
  });

  it('list names each data set, its files and whether complete', async () => {
    const c = capture();
    const root = makeRoot();
    expect(await c.cmd.run(['list', '--data-dir', root])).toBe(0);
    expect(c.out()).toContain(`data dir ${root}`);
    expect(c.out()).toMatch(/movielens-100k {2}complete {4}5 files, \d+ bytes/);
    expect(c.out()).toMatch(/\n {6}u\.data +8\n/);
    expect(c.out()).toContain(`cifar10         absent      (gapkit data download cifar10 --data-dir ${root})`);
  });

  it('list on a data dir that is a file says so, status 1', async () => {
    const c = capture();
    const file = join(work, 'plain-file');
    writeFileSync(file, '');
    expect(await c.cmd.run(['list', '--data-dir', file])).toBe(1);
    expect(c.err()).toBe(`gapkit data list: data dir ${file} is a file, expected a folder holding one folder per data set\n`);
  });

  it('verify passes on intact files and fails, naming the file and both digests, on a corrupted one', async () => {
    const root = makeRoot();
    const good = capture();
    expect(await good.cmd.run(['verify', 'movielens-100k', '--data-dir', root])).toBe(0);
    expect(good.out()).toContain('movielens-100k: verified (4 ok, 0 mismatched, 0 missing, 0 unreadable, 0 unchecked)');
    writeFileSync(join(root, 'movielens-100k', 'u.data'), '1\t1\t1\t0\n');
    const bad = capture();
    expect(await bad.cmd.run(['verify', 'movielens-100k', '--data-dir', root])).toBe(1);
    expect(bad.out()).toContain(`MISMATCH    u.data  expected sha256 ${sha('1\t1\t5\t0\n')} (${join(root, 'movielens-100k', 'SHA256SUMS')}, line 1), got ${sha('1\t1\t1\t0\n')}`);
    expect(bad.out()).toContain('movielens-100k: FAILED (3 ok, 1 mismatched, 0 missing, 0 unreadable, 0 unchecked)');
  });

  it('verify with no known checksum is NOT VERIFIED (status 1); --sums supplies one', async () => {
    const root = mkdtempSync(join(work, 'c10-'));
    mkdirSync(join(root, 'cifar10'));
    writeFileSync(join(root, 'cifar10', 'test_batch.bin'), 'r');
    const c = capture();
    expect(await c.cmd.run(['verify', 'cifar10', '--data-dir', root])).toBe(1);
    expect(c.out()).toContain('cifar10: NOT VERIFIED — no file has a known checksum');
    const sums = join(work, 'c10.sums');
    writeFileSync(sums, `${sha('r')}  ${join(root, 'cifar10', 'test_batch.bin')}\n`);
    const d = capture();
    expect(await d.cmd.run(['verify', 'cifar10', '--data-dir', root, '--sums', sums])).toBe(0);
    expect(d.out()).toContain('cifar10: verified (1 ok');
  });

  it.skipIf(!existsSync(SHARED_DATA))('verify passes on every shared data set (read only)', async () => {
    const c = capture();
    expect(await c.cmd.run(['verify', 'cifar10', 'cifar100', 'mnist', 'movielens-100k', '--data-dir', SHARED_DATA])).toBe(0);
    for (const n of ['cifar10', 'cifar100', 'mnist', 'movielens-100k']) expect(c.out()).toMatch(new RegExp(`\\n${n}: verified \\(\\d+ ok, 0 mismatched`));
  });
  if (!existsSync(SHARED_DATA)) console.warn(`[skip] ${SHARED_DATA} not found — the shared-data verify test is skipped`);

  it('download --timeout: a stalled body fails with the URL, bytes and seconds, status 1, nothing left', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(400));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const c = capture();
      const dir = join(work, 'dl');
      const code = await c.cmd.run(['download', 'mnist', '--data-dir', dir, '--mirror', `http://127.0.0.1:${port}`, '--timeout', '0.3']);
      expect(code).toBe(1);
      expect(c.err()).toContain(
        `gapkit data download mnist: downloading http://127.0.0.1:${port}/train-images-idx3-ubyte.gz stalled: no data for 0.3 s after 400 of 1000 bytes`,
      );
      expect(existsSync(join(dir, 'mnist'))).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('gapkit --help', () => {
  it('lists data and keeps download as an alias', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=source', join(repo, 'apps/gapkit/src/cli.ts'), '--help'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n {2}data +list what a data dir holds/);
    expect(r.stdout).toMatch(/\n {2}download +the same as `gapkit data download`/);
  });
});
