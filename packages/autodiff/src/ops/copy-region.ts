/** Copying an axis-aligned box between two row-major buffers: the engine of slice, pad and concat. */
import { type Shape, stridesOf } from '../shape.js';
import { stridedIndex } from './strided-index.js';

/**
 * Runs shorter than this are copied element by element: a `subarray` view per run costs more than
 * the copy for short rows (concat of two [N, 32] embeddings copies 2·N runs of 32 floats).
 */
const SHORT_RUN = 64;

/**
 * Copies the box of shape `region` starting at `srcStart` in `src` (shape `srcShape`) to `dstStart`
 * in `dst` (shape `dstShape`), one contiguous run per index of all but the last axis.
 */
export function copyRegion(
  src: Float32Array,
  srcShape: Shape,
  srcStart: readonly number[],
  dst: Float32Array,
  dstShape: Shape,
  dstStart: readonly number[],
  region: Shape,
): void {
  const r = region.length;
  if (r === 0) {
    dst[0] = src[0];
    return;
  }
  const ss = stridesOf(srcShape);
  const ds = stridesOf(dstShape);
  let srcBase = 0;
  let dstBase = 0;
  for (let k = 0; k < r; k++) {
    srcBase += srcStart[k] * ss[k];
    dstBase += dstStart[k] * ds[k];
  }
  const outer = region.slice(0, r - 1);
  const srcRows = stridedIndex(outer, ss.slice(0, r - 1));
  const dstRows = stridedIndex(outer, ds.slice(0, r - 1));
  const run = region[r - 1];
  if (run === 0) return;
  if (run < SHORT_RUN) {
    for (let i = 0; i < srcRows.length; i++) {
      const s = srcBase + srcRows[i];
      const d = dstBase + dstRows[i];
      for (let j = 0; j < run; j++) dst[d + j] = src[s + j];
    }
    return;
  }
  for (let i = 0; i < srcRows.length; i++) {
    const s = srcBase + srcRows[i];
    dst.set(src.subarray(s, s + run), dstBase + dstRows[i]);
  }
}
