/**
 * @gapkit/data — browser-safe core: parsers for CIFAR-10/100, MNIST IDX, MovieLens and NCF files (given
 * their bytes or text), the NCF protocol, classification metrics, augmentation and batching. Reading
 * files, gunzip and downloads live in `@gapkit/data/node`.
 */
export { CIFAR10_CLASS_NAMES, CIFAR100_COARSE_CLASS_NAMES, CIFAR100_FINE_CLASS_NAMES } from './cifar/cifar-class-names.js';
export { CIFAR_PIXELS, type CifarRecords, parseCifarRecords } from './cifar/cifar-records.js';
export { CIFAR10_RECORD_BYTES, parseCifar10 } from './cifar/cifar10.js';
export { CIFAR100_RECORD_BYTES, type Cifar100Dataset, cifar100Coarse, parseCifar100 } from './cifar/cifar100.js';
export { DataFormatError, DataNotFoundError } from './errors.js';
export { digitPixelsFromJson } from './embedded/digit-json.js';
export {
  type DigitSplits,
  type EmbeddedDigitsOptions,
  embeddedDigitsFromArrays,
  embeddedDigitsFromPixels,
} from './embedded/embedded-digits.js';
export { channelStats, type ImageDataset, imageSize, labelHistogram, type PixelArray } from './image/image-dataset.js';
export { concatImages, selectImages } from './image/subset.js';
export { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, type IdxImages, parseIdxImages, parseIdxLabels } from './mnist/idx.js';
export { MNIST_CLASS_NAMES, parseMnist } from './mnist/mnist.js';
export { parseLabelNames } from './text/label-names.js';
export { type TextLine, textLines } from './text/lines.js';

export { countPerUser, type Interactions, selectInteractions } from './recsys/interactions.js';
export { UserItemIndex } from './recsys/user-item-index.js';
export { parseRatingsText, type RatingsTextFormat } from './recsys/ratings-text.js';
export {
  compactItemIds,
  MOVIELENS_1M_ID_RANGES,
  type MovieLensCounts,
  parseMovieLens1mRatings,
  parseMovieLensInfo,
  parseMovieLensUData,
} from './recsys/movielens.js';
export { type NcfIdRanges, parseNcfNegatives, parseNcfRatings } from './recsys/ncf-files.js';
export { checkRankingTestSet, type RankingTestSet, type RankingTestSetProblem } from './recsys/ranking-test-set.js';
export { type LeaveOneOutSplit, leaveOneOut } from './recsys/leave-one-out.js';
export { sampleTestNegatives, sampleTestNegativesFrom } from './recsys/sample-negatives.js';
export { type TrainingInstances, trainingInstances } from './recsys/training-instances.js';
export { hitAtK, ndcgAtK, rankOfPositive } from './recsys/ranking-metrics.js';
export { evaluateRanking, type PairScorer, type RankingResult } from './recsys/evaluate-ranking.js';
export { type NcfSubset, ncfSubset } from './recsys/ncf-subset.js';
export {
  type SyntheticImplicit,
  type SyntheticImplicitOptions,
  syntheticImplicit,
  syntheticPreference,
} from './recsys/synthetic-implicit.js';

export { accuracy } from './metrics/accuracy.js';
export { argmaxRows } from './metrics/argmax.js';
export { type CalibrationBin, type CalibrationResult, expectedCalibrationError } from './metrics/calibration.js';
export { softmaxRows } from './metrics/softmax.js';

export { type Augmentation, CIFAR_AUGMENTATION, CIFAR_AUGMENTATION_REFLECT, type CropSpec } from './augment/augmentation.js';
export { cropPadded } from './augment/crop.js';
export { flipHorizontal } from './augment/flip.js';
export { imageNormalizer } from './augment/normalize-image.js';
export {
  CIFAR10_NDADAM_NORMALIZATION,
  CIFAR10_NORMALIZATION,
  CIFAR100_NORMALIZATION,
  type ChannelNormalization,
  MNIST_NORMALIZATION,
  NORMALIZATIONS,
  normalizationAffine,
} from './augment/normalization.js';
export { type Batch, Batcher, type BatcherOptions } from './batching/batcher.js';
export { batchCount, indexBatches } from './batching/index-batches.js';
