/** The files under a folder, as sorted `/`-separated relative paths with their sizes. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A regular file in a data set folder. */
export interface PresentFile {
  /** Relative to the data set folder, `/`-separated (e.g. `ncf/ml-100k.test.rating`). */
  readonly path: string;
  readonly bytes: number;
}

/** Every regular file under `dir` (recursively), sorted by path. Symbolic links are followed. */
export function filesUnder(dir: string): PresentFile[] {
  const out: PresentFile[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const abs = join(e.parentPath, e.name);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isFile()) out.push({ path: relative(dir, abs).split(sep).join('/'), bytes: st.size });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
