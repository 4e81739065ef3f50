/**
 * Download progress uses gapkit's one progress bar (`@gapkit/node-io`): bytes with MB/s and ETA,
 * redrawn in place on a terminal, one line per 10% otherwise. Re-exported so `@gapkit/data/node`
 * users need no second import.
 */
export { ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from '@gapkit/node-io';
