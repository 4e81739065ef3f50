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
export { ChecksumError, fetchVerified } from './download/fetch-file.js';
export { DownloadError, httpGet } from './download/http-get.js';
export { memberOutputPath, UnsafeArchiveError } from './download/member-path.js';
export { ProgressBar, type ProgressInfo, type ProgressOptions, type ProgressStream } from './download/progress.js';
export { DATASET_SOURCES, type DatasetSource, type SourceFile } from './download/sources.js';
export { extractTarGz } from './download/tar-extract.js';
export { extractZip } from './download/zip-extract.js';
