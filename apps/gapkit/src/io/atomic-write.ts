/** The CLI's atomic file write: temp file in the same directory, fsync, rename, fsync the directory. */
export { fsyncDirectory, writeFileAtomic } from '@gapkit/node-io';
