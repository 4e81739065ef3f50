/** The data a run trains and evaluates on, loaded by the caller (files in Node, fetched in a browser). */
import type { Augmentation, ChannelNormalization, ImageDataset, Interactions, RankingTestSet } from '@gapkit/data';

export interface ClassifierData {
  readonly kind: 'classifier';
  readonly train: ImageDataset;
  readonly test: ImageDataset;
  /** Per-channel normalization (absent: pixels scaled to 0..1). */
  readonly normalization?: ChannelNormalization;
  /** The training augmentation used when the config turns `augment` on. */
  readonly augmentation: Augmentation;
}

export interface NcfData {
  readonly kind: 'recommender';
  readonly train: Interactions;
  readonly testSet: RankingTestSet;
  readonly numUsers: number;
  readonly numItems: number;
}

export type TaskData = ClassifierData | NcfData;
