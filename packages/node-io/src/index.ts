export { fsyncDirectory, tempPathFor, writeFileAtomic } from './atomic-write.js';
export { formatBytes, formatDuration, ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from './progress-bar.js';
export { CHROMIUM_BASE_FLAGS, DEBIAN_CHROMIUM, ensureDebianChromium } from './debian-chromium.js';
