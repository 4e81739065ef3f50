export { fsyncDirectory, tempPathFor, writeFileAtomic } from './atomic-write.js';
export { formatBytes, formatDuration, ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from './progress-bar.js';
