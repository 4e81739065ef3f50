/**
 * @gapkit/data/node — the Node half: reading data folders from disk (gzip undone), the embedded digits,
 * and downloading the official archives. Everything else is in the browser-safe `@gapkit/data`.
 */
export { type ImageSplits, loadCifar10, loadCifar100 } from './cifar.js';
export { embeddedDigitFile, loadEmbeddedDigits } from './embedded-digits.js';
export { loadMnist } from './mnist.js';
export { loadMovieLens100k, loadMovieLens1m, loadNcf, type NcfSplit } from './movielens.js';
export { downloadHint, gunzipIfCompressed, readDataFile, readDataText, requireDatasetDir } from './read-file.js';

export { DEFAULT_DATA_DIR, type DownloadOptions, type DownloadResult, downloadDataset } from './download/download-dataset.js';
export { ChecksumError, type FetchOptions, fetchVerified } from './download/fetch-file.js';
export { DEFAULT_IDLE_TIMEOUT_SECONDS, DownloadError, httpGet, idleTimeoutMs } from './download/http-get.js';
export { memberOutputPath, UnsafeArchiveError } from './download/member-path.js';
export { ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from './download/progress.js';
export { DATASET_SOURCES, type DatasetSource, type SourceFile } from './download/sources.js';
export { extractTarGz } from './download/tar-extract.js';
export { extractZip } from './download/zip-extract.js';

export { filesUnder, type PresentFile } from './inventory/data-dir-files.js';
export { hashFile } from './inventory/hash-file.js';
export { type DataDirListing, type DatasetPresence, datasetPresence, listDataDir, requireDataRoot } from './inventory/list-data-dir.js';
export { formatSha256Sums, type ListedDigest, parseSha256Sums, readSha256Sums, SHA256SUMS_FILE } from './inventory/sha256sums.js';
export { type FileCheck, type VerifyOptions, type VerifyReport, verifyDataset } from './inventory/verify-dataset.js';
