/** `apps/gapkit/experiments/`: the sweep files of every experiment (two levels above this module, in `src/` and in `dist/`). */
import { fileURLToPath } from 'node:url';

export const EXPERIMENTS_DIR = fileURLToPath(new URL('../../experiments/', import.meta.url));
