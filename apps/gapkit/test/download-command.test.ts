/**
 * `gapkit download`: usage, argument errors, the listing, and a refusal end to end — a loopback
 * "mirror" serves a file named like the CIFAR-10 archive whose md5 is not the published one.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Command, UsageError } from '../src/command.js';
import { createDownloadCommand } from '../src/commands/download.js';

interface Captured {
  out: string;
  err: string;
  readonly cmd: Command;
}

function capture(): Captured {
  const text = { out: '', err: '' };
  const cmd = createDownloadCommand({
    stdout: { write: (t: string) => (text.out += t) },
    stderr: { isTTY: false, write: (t: string) => (text.err += t) },
  });
  return {
    cmd,
    get out() {
      return text.out;
    },
    get err() {
      return text.err;
    },
  } as Captured;
}

const work = mkdtempSync(join(tmpdir(), 'gapkit-download-cmd-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('gapkit download', () => {
  it('usage names every data set and option', () => {
    const { cmd } = capture();
    expect(cmd.name).toBe('download');
    for (const word of ['cifar10', 'cifar100', 'mnist', 'movielens-100k', 'movielens-1m', '--data-dir', '--dir', '--force', '--mirror', '--timeout', '--list']) {
      expect(cmd.usage).toContain(word);
    }
  });

  it('no name or an unknown name is a usage error listing the names', async () => {
    const { cmd } = capture();
    await expect(cmd.run([])).rejects.toThrow(UsageError);
    await expect(cmd.run(['imagenet'])).rejects.toThrow("unknown data set 'imagenet' (expected one of: cifar10, cifar100, mnist, movielens-100k, movielens-1m)");
    await expect(cmd.run(['cifar10', '--dri', 'x'])).rejects.toThrow(/unknown option --dri; known: --data-dir, --dir/);
    await expect(cmd.run(['cifar10', '--forse'])).rejects.toThrow(/unknown option --forse \(did you mean --force\?\)/);
    await expect(cmd.run(['cifar10', '--dir', 'a', '--data-dir', 'b'])).rejects.toThrow(/--data-dir and --dir name the same option/);
  });

  it('--list prints each URL with its checksum and where the checksum comes from', async () => {
    const c = capture();
    expect(await c.cmd.run(['--list'])).toBe(0);
    expect(c.out).toContain('https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz');
    expect(c.out).toContain('md5 c32a1d4ab5d03f1284b67883e8d87530  (publisher');
    expect(c.out).toContain('ml-100k.zip.md5');
  });

  it('refuses a mirror file whose md5 is not the published one: exit 1, message on stderr, nothing written', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/cifar-10-binary.tar.gz') {
        res.writeHead(200, { 'content-length': 11 });
        res.end('not cifar!\n');
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const c = capture();
      const dir = join(work, 'data');
      const code = await c.cmd.run(['cifar10', '--dir', dir, '--mirror', `http://127.0.0.1:${port}`]);
      expect(code).toBe(1);
      expect(c.err).toMatch(/gapkit download cifar10: checksum mismatch for http:\/\/127\.0\.0\.1:\d+\/cifar-10-binary\.tar\.gz: expected md5 c32a1d4ab5d03f1284b67883e8d87530/);
      expect(c.err).toContain('cifar-10-binary.tar.gz  100%');
      expect(readdirSync(dir)).toEqual([]);
      expect(c.out).toBe('');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
