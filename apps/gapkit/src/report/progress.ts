/**
 * The CLI's progress bar for training and downloads: gapkit's one bar from `@gapkit/node-io` (the same
 * one `@gapkit/data/node` uses for downloads) — items/s, ETA, current loss; redrawn in place on a
 * terminal, one plain line per epoch (`plainEvery`) when stderr is not one.
 */
export { formatBytes, formatDuration, ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from '@gapkit/node-io';
