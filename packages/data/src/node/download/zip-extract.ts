/**
 * Extracting a zip archive (MovieLens ships zips): reads the central directory, then each member's local
 * header; supports stored (method 0) and deflate (method 8, via node:zlib `inflateRawSync`) and checks
 * every member's size and CRC-32. No zip64, no encryption — both are reported as errors. The archive is
 * read into memory (the MovieLens zips are 5–6 MB).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { DataFormatError } from '../../errors.js';
import { memberOutputPath } from './member-path.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** One central-directory entry. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function findEndOfCentralDirectory(buf: Buffer, archive: string): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= min; at--) if (buf.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  throw new DataFormatError(archive, `not a zip archive: no end-of-central-directory record (signature 0x${EOCD_SIGNATURE.toString(16)}) found`);
}

function readEntries(buf: Buffer, archive: string): ZipEntry[] {
  if (buf.length < 22) throw new DataFormatError(archive, `not a zip archive: ${buf.length} bytes is shorter than the 22-byte end record`);
  const eocd = findEndOfCentralDirectory(buf, archive);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw new DataFormatError(archive, 'zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new DataFormatError(archive, `central directory entry ${i} at byte ${at}: expected signature 0x${CENTRAL_SIGNATURE.toString(16)}`);
    }
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function memberData(buf: Buffer, e: ZipEntry, archive: string): Buffer {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new DataFormatError(archive, `member '${e.name}': expected a local header (signature 0x${LOCAL_SIGNATURE.toString(16)}) at byte ${at}`);
  }
  if (e.flags & 1) throw new DataFormatError(archive, `member '${e.name}' is encrypted`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const raw = buf.subarray(start, start + e.compressedSize);
  if (raw.length !== e.compressedSize) throw new DataFormatError(archive, `member '${e.name}' is truncated`);
  let data: Buffer;
  if (e.method === 0) data = raw;
  else if (e.method === 8) {
    try {
      data = inflateRawSync(raw);
    } catch (err) {
      throw new DataFormatError(archive, `member '${e.name}': deflate data is corrupt (${(err as Error).message})`);
    }
  } else throw new DataFormatError(archive, `member '${e.name}' uses compression method ${e.method}; only 0 (stored) and 8 (deflate) are supported`);
  if (data.length !== e.size) throw new DataFormatError(archive, `member '${e.name}': expected ${e.size} bytes, got ${data.length}`);
  const crc = crc32(data);
  if (crc !== e.crc) {
    throw new DataFormatError(archive, `member '${e.name}': CRC-32 is 0x${crc.toString(16)}, the directory says 0x${e.crc.toString(16)}`);
  }
  return data;
}

/**
 * Extracts `archivePath` into `targetDir`, keeping only members under `stripPrefix` (prefix removed).
 * Returns the relative paths of the files written.
 * @throws DataFormatError naming the archive for a malformed zip, an unsupported feature or a CRC
 *   mismatch; UnsafeArchiveError for members that would escape `targetDir`.
 */
export function extractZip(archivePath: string, targetDir: string, stripPrefix?: string): string[] {
  const buf = readFileSync(archivePath);
  const written: string[] = [];
  for (const e of readEntries(buf, archivePath)) {
    const rel = memberOutputPath(e.name, stripPrefix, archivePath);
    if (rel === null) continue;
    const out = join(targetDir, rel);
    if (e.name.endsWith('/')) {
      mkdirSync(out, { recursive: true });
      continue;
    }
    const data = memberData(buf, e, archivePath);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data, { flag: 'wx' });
    written.push(rel);
  }
  return written;
}
