/**
 * Extracting a gzip-compressed tar archive as a stream, without holding it in memory. Handles ustar and
 * GNU headers, base-256 sizes, pax (`x`) and GNU long-name (`L`) path records; regular files and
 * directories are written, links and devices are skipped. Each 512-byte header's checksum is verified.
 */
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { DataFormatError } from '../../errors.js';
import { memberOutputPath } from './member-path.js';

const BLOCK = 512;

function field(header: Uint8Array, start: number, length: number): string {
  let end = start;
  while (end < start + length && header[end] !== 0) end++;
  return Buffer.from(header.subarray(start, end)).toString('utf8');
}

function octal(header: Uint8Array, start: number, length: number, archive: string): number {
  if (header[start] & 0x80) {
    // GNU base-256: big-endian binary in the remaining bytes.
    let v = 0;
    for (let i = start + 1; i < start + length; i++) v = v * 256 + header[i];
    return v;
  }
  const text = field(header, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new DataFormatError(archive, `tar header field '${text}' is not octal`);
  return Number.parseInt(text, 8);
}

function checksumOk(header: Uint8Array, archive: string): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
  return sum === octal(header, 148, 8, archive);
}

function paxPath(record: Uint8Array): string | undefined {
  const text = Buffer.from(record).toString('utf8');
  let at = 0;
  let path: string | undefined;
  while (at < text.length) {
    const space = text.indexOf(' ', at);
    const len = Number.parseInt(text.slice(at, space), 10);
    if (!(len > 0) || space < 0) break;
    const entry = text.slice(space + 1, at + len - 1);
    const eq = entry.indexOf('=');
    if (entry.slice(0, eq) === 'path') path = entry.slice(eq + 1);
    at += len;
  }
  return path;
}

/** Incremental tar parser that writes members below `targetDir`. */
class TarWriter {
  private readonly targetDir: string;
  private readonly stripPrefix: string | undefined;
  private readonly archive: string;
  private header = new Uint8Array(BLOCK);
  private headerFill = 0;
  private remaining = 0;
  private padding = 0;
  private fd: number | null = null;
  private collect: Uint8Array | null = null;
  private collectFill = 0;
  private collectKind: 'pax' | 'longname' | null = null;
  private nextName: string | undefined;
  private offset = 0;
  ended = false;
  readonly written: string[] = [];

  constructor(targetDir: string, stripPrefix: string | undefined, archive: string) {
    this.targetDir = targetDir;
    this.stripPrefix = stripPrefix;
    this.archive = archive;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length && !this.ended) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        const part = chunk.subarray(at, at + take);
        if (this.fd !== null) writeSync(this.fd, part);
        if (this.collect) {
          this.collect.set(part, this.collectFill);
          this.collectFill += take;
        }
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.finishMember();
      } else if (this.padding > 0) {
        const take = Math.min(this.padding, chunk.length - at);
        this.padding -= take;
        at += take;
      } else {
        const take = Math.min(BLOCK - this.headerFill, chunk.length - at);
        this.header.set(chunk.subarray(at, at + take), this.headerFill);
        this.headerFill += take;
        at += take;
        if (this.headerFill === BLOCK) {
          this.headerFill = 0;
          this.startMember();
        }
      }
    }
  }

  private startMember(): void {
    const h = this.header;
    const headerOffset = this.offset;
    this.offset += BLOCK;
    if (h.every((b) => b === 0)) {
      this.ended = true;
      return;
    }
    if (!checksumOk(h, this.archive)) {
      throw new DataFormatError(this.archive, `not a valid tar archive: header checksum mismatch at byte ${headerOffset} of the decompressed stream`);
    }
    const size = octal(h, 124, 12, this.archive);
    const type = String.fromCharCode(h[156] || 48);
    const prefix = field(h, 257, 6).startsWith('ustar') ? field(h, 345, 155) : '';
    const name = this.nextName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    this.nextName = undefined;
    this.remaining = size;
    this.padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.offset += size + this.padding;
    if (type === 'x' || type === 'L') {
      this.collect = new Uint8Array(size);
      this.collectFill = 0;
      this.collectKind = type === 'x' ? 'pax' : 'longname';
    } else if (type === '0' || type === '7') {
      const rel = memberOutputPath(name, this.stripPrefix, this.archive);
      if (rel !== null) {
        const out = join(this.targetDir, rel);
        mkdirSync(dirname(out), { recursive: true });
        this.fd = openSync(out, 'wx');
        this.written.push(rel);
      }
    } else if (type === '5') {
      const rel = memberOutputPath(name, this.stripPrefix, this.archive);
      if (rel !== null) mkdirSync(join(this.targetDir, rel), { recursive: true });
    }
    if (size === 0) this.finishMember();
  }

  private finishMember(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (this.collect) {
      if (this.collectKind === 'pax') this.nextName = paxPath(this.collect) ?? this.nextName;
      else this.nextName = Buffer.from(this.collect).toString('utf8').replace(/\0+$/, '');
      this.collect = null;
      this.collectKind = null;
    }
  }

  /** True when the stream stopped inside a header or a member's data. */
  get truncated(): boolean {
    return this.remaining > 0 || this.headerFill > 0;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Extracts `archivePath` (tar.gz) into `targetDir`, keeping only members under `stripPrefix` (with the
 * prefix removed). Returns the relative paths of the files written.
 * @throws DataFormatError naming the archive for a corrupt gzip stream, a bad tar header or a truncated
 *   archive; UnsafeArchiveError for members that would escape `targetDir`.
 */
export async function extractTarGz(archivePath: string, targetDir: string, stripPrefix?: string): Promise<string[]> {
  const writer = new TarWriter(targetDir, stripPrefix, archivePath);
  try {
    const stream = createReadStream(archivePath).pipe(createGunzip());
    for await (const chunk of stream) writer.push(chunk as Buffer);
  } catch (e) {
    // zlib reports corrupt or truncated gzip data with Z_* codes; file-system errors pass through.
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new DataFormatError(archivePath, `cannot decompress (expected gzip): ${(e as Error).message}`);
    }
    throw e;
  } finally {
    writer.close();
  }
  if (writer.truncated) throw new DataFormatError(archivePath, 'tar archive is truncated (the stream ends inside a member)');
  if (!writer.ended && writer.written.length === 0) {
    throw new DataFormatError(archivePath, 'no tar members found (empty or not a tar archive)');
  }
  return writer.written;
}
