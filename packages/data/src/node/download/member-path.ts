/** Mapping archive member names to safe relative output paths. */

/** An archive member name that would write outside the target folder. */
export class UnsafeArchiveError extends Error {
  override name = 'UnsafeArchiveError';
}

/**
 * The relative output path of archive member `name` after removing `stripPrefix`, or null when the member
 * lies outside the prefix (or is the prefix folder itself).
 * @throws UnsafeArchiveError for absolute names, drive letters or `..` segments.
 */
export function memberOutputPath(name: string, stripPrefix: string | undefined, archive: string): string | null {
  const normalized = name.replace(/\\/g, '/');
  if (normalized.startsWith('/') || /^[a-zA-Z]:/.test(normalized)) {
    throw new UnsafeArchiveError(`${archive}: member '${name}' has an absolute path; refusing to extract`);
  }
  const parts = normalized.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UnsafeArchiveError(`${archive}: member '${name}' contains '..'; refusing to extract`);
  const clean = parts.join('/');
  if (!stripPrefix) return clean === '' ? null : clean;
  const prefix = stripPrefix.replace(/\/+$/, '');
  if (!clean.startsWith(`${prefix}/`)) return null;
  const rest = clean.slice(prefix.length + 1);
  return rest === '' ? null : rest;
}
