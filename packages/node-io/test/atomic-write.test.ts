/**
 * writeFileAtomic: the new content replaces the old in one rename; a write that fails part-way (disk
 * full, simulated by a file system that writes half the bytes and then throws) leaves the old file
 * byte-for-byte intact and no temp file behind.
 */
import type * as realFs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const failure = vi.hoisted(() => ({ at: null as null | 'write' | 'fsync' | 'rename' }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof realFs>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...fs,
    writeSync: (fd: number, bytes: Uint8Array, offset: number, length: number) => {
      if (failure.at !== 'write') return fs.writeSync(fd, bytes, offset, length);
      fs.writeSync(fd, bytes, offset, Math.floor(length / 2));
      throw enospc();
    },
    fsyncSync: (fd: number) => {
      if (failure.at === 'fsync') throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      return fs.fsyncSync(fd);
    },
    renameSync: (from: string, to: string) => {
      if (failure.at === 'rename') throw Object.assign(new Error('EXDEV: cross-device link not permitted, rename'), { code: 'EXDEV' });
      return fs.renameSync(from, to);
    },
  };
});

const { writeFileAtomic } = await import('../src/atomic-write.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gapkit-atomic-'));
  failure.at = null;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the content and leaves only the target in its directory', () => {
    const path = join(dir, 'sub', 'metrics.json');
    writeFileAtomic(path, 'old');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(readFileSync(path))).toEqual(new Uint8Array([1, 2, 3]));
    expect(readdirSync(join(dir, 'sub'))).toEqual(['metrics.json']);
  });

  for (const at of ['write', 'fsync', 'rename'] as const) {
    it(`a failing ${at} leaves the old file intact and no temp file`, () => {
      const path = join(dir, 'model.safetensors');
      const old = 'the previous checkpoint';
      writeFileSync(path, old);
      failure.at = at;
      expect(() => writeFileAtomic(path, 'x'.repeat(100_000))).toThrow(/ENOSPC|EIO|EXDEV/);
      failure.at = null;
      expect(readFileSync(path, 'utf8')).toBe(old);
      expect(readdirSync(dir)).toEqual(['model.safetensors']);
    });
  }

  it('a failing first write creates no file at all', () => {
    const path = join(dir, 'new.json');
    failure.at = 'write';
    expect(() => writeFileAtomic(path, '{"a":1}')).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
