/** Streaming digests of files on disk (a 170 MB archive is never held in memory). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Hex digest of the file at `path`. @throws the file-system error (the caller names the file). */
export async function hashFile(path: string, algorithm: 'md5' | 'sha256'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
