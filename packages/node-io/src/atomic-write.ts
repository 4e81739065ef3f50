/**
 * Writes a file atomically: the content goes to a temp file in the same directory (so the rename stays on
 * one file system), the temp file is fsynced, renamed over the target, and the directory is fsynced so the
 * rename itself survives a power loss (where the OS allows opening a directory: not on Windows). A reader
 * sees the old file or the new one, never a partial one; on any error the temp file is removed and the
 * old file is left as it was.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Fsyncs a directory so a rename inside it is durable; a no-op where directories cannot be opened. */
export function fsyncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return; // Windows cannot open a directory; its renames are durable through the journal.
  }
  try {
    fsyncSync(fd);
  } catch (e) {
    // Some file systems refuse fsync on a directory (EINVAL / EISDIR / EPERM); the rename still happened.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM' && code !== 'ENOTSUP') throw e;
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** The temp file name used for `path`: hidden, in the same directory, unique per process and call. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

/**
 * Writes `content` to `path` atomically (creating its directory).
 * @throws the underlying error (ENOSPC, EACCES, …) after removing the temp file; `path` is untouched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = tempPathFor(path);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDirectory(dir);
}
