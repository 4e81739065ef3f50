/**
 * Where each data set is downloaded from, and the checksum its archive must have. Only checksums with a
 * citable origin are listed: the publisher's own (CIFAR: the md5 column of
 * https://www.cs.toronto.edu/~kriz/cifar.html; MovieLens: GroupLens's `<archive>.md5` files next to the
 * archives) or a widely used loader's (MNIST: torchvision `datasets/mnist.py` `resources`, whose md5s are
 * those of the original LeCun files). The publishers publish md5 only.
 */

/** One file to fetch. */
export interface SourceFile {
  readonly url: string;
  /** Name of the file in the mirror / on disk. */
  readonly fileName: string;
  readonly checksum: { readonly algorithm: 'md5' | 'sha256'; readonly value: string };
  /** Where the checksum comes from. */
  readonly checksumSource: string;
  /** Size in bytes when known (for the progress bar if the server sends no length). */
  readonly bytes?: number;
}

/** A downloadable data set. */
export interface DatasetSource {
  /** Folder name under `--data-dir`, and the `gapkit data download` argument. */
  readonly name: string;
  readonly title: string;
  readonly homepage: string;
  /** Terms to show before downloading. */
  readonly terms: string;
  readonly files: readonly SourceFile[];
  /** `tar.gz` / `zip`: extract each file; `none`: keep the files as they are. */
  readonly archive: 'tar.gz' | 'zip' | 'none';
  /** Folder inside the archive whose contents become the data set folder (e.g. `cifar-10-batches-bin/`). */
  readonly stripPrefix?: string;
  /** Files that must exist in the data set folder afterwards. */
  readonly expectFiles: readonly string[];
}

const CIFAR_PAGE = 'https://www.cs.toronto.edu/~kriz/cifar.html';
const CIFAR_TERMS = 'No licence stated; the authors ask you to cite Krizhevsky 2009, "Learning Multiple Layers of Features from Tiny Images".';
const CIFAR_CHECKSUM_SOURCE = `publisher (${CIFAR_PAGE}, md5sum column)`;
const GROUPLENS_TERMS =
  'GroupLens terms: research use only; do not redistribute; acknowledge the data set (Harper & Konstan 2015); no commercial use without permission.';

/** Every data set `gapkit data download` knows, by name. */
export const DATASET_SOURCES: Readonly<Record<string, DatasetSource>> = {
  cifar10: {
    name: 'cifar10',
    title: 'CIFAR-10 (binary version)',
    homepage: CIFAR_PAGE,
    terms: CIFAR_TERMS,
    files: [
      {
        url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
        fileName: 'cifar-10-binary.tar.gz',
        checksum: { algorithm: 'md5', value: 'c32a1d4ab5d03f1284b67883e8d87530' },
        checksumSource: CIFAR_CHECKSUM_SOURCE,
        bytes: 170_052_171,
      },
    ],
    archive: 'tar.gz',
    stripPrefix: 'cifar-10-batches-bin/',
    expectFiles: ['data_batch_1.bin', 'data_batch_5.bin', 'test_batch.bin', 'batches.meta.txt'],
  },
  cifar100: {
    name: 'cifar100',
    title: 'CIFAR-100 (binary version)',
    homepage: CIFAR_PAGE,
    terms: CIFAR_TERMS,
    files: [
      {
        url: 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz',
        fileName: 'cifar-100-binary.tar.gz',
        checksum: { algorithm: 'md5', value: '03b5dce01913d631647c71ecec9e9cb8' },
        checksumSource: CIFAR_CHECKSUM_SOURCE,
        bytes: 168_513_733,
      },
    ],
    archive: 'tar.gz',
    stripPrefix: 'cifar-100-binary/',
    expectFiles: ['train.bin', 'test.bin', 'fine_label_names.txt', 'coarse_label_names.txt'],
  },
  mnist: {
    name: 'mnist',
    title: 'MNIST (IDX, gzip)',
    homepage: 'http://yann.lecun.com/exdb/mnist/',
    terms: 'Copyright Yann LeCun and Corinna Cortes; widely quoted as CC BY-SA 3.0. Cite LeCun et al. 1998.',
    files: [
      ['train-images-idx3-ubyte.gz', 'f68b3c2dcbeaaa9fbdd348bbdeb94873', 9_912_422],
      ['train-labels-idx1-ubyte.gz', 'd53e105ee54ea40749a09fcbcd1e9432', 28_881],
      ['t10k-images-idx3-ubyte.gz', '9fb629c4189551a2d022fa330f9573f3', 1_648_877],
      ['t10k-labels-idx1-ubyte.gz', 'ec29112dd5afa0611ce80d1b7f02629c', 4_542],
    ].map(([fileName, md5, bytes]) => ({
      url: `https://ossci-datasets.s3.amazonaws.com/mnist/${fileName}`,
      fileName: fileName as string,
      checksum: { algorithm: 'md5' as const, value: md5 as string },
      checksumSource: 'torchvision datasets/mnist.py resources (md5 of the original LeCun files; the URL is its mirror)',
      bytes: bytes as number,
    })),
    archive: 'none',
    expectFiles: ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'],
  },
  'movielens-100k': {
    name: 'movielens-100k',
    title: 'MovieLens 100K',
    homepage: 'https://grouplens.org/datasets/movielens/100k/',
    terms: GROUPLENS_TERMS,
    files: [
      {
        url: 'https://files.grouplens.org/datasets/movielens/ml-100k.zip',
        fileName: 'ml-100k.zip',
        checksum: { algorithm: 'md5', value: '0e33842e24a9c977be4e0107933c0723' },
        checksumSource: 'publisher (https://files.grouplens.org/datasets/movielens/ml-100k.zip.md5)',
        bytes: 4_924_029,
      },
    ],
    archive: 'zip',
    stripPrefix: 'ml-100k/',
    expectFiles: ['u.data', 'u.info', 'u.item', 'u.user'],
  },
  'movielens-1m': {
    name: 'movielens-1m',
    title: 'MovieLens 1M',
    homepage: 'https://grouplens.org/datasets/movielens/1m/',
    terms: GROUPLENS_TERMS,
    files: [
      {
        url: 'https://files.grouplens.org/datasets/movielens/ml-1m.zip',
        fileName: 'ml-1m.zip',
        checksum: { algorithm: 'md5', value: 'c4d9eecfca2ab87c1945afe126590906' },
        checksumSource: 'publisher (https://files.grouplens.org/datasets/movielens/ml-1m.zip.md5); also PaddlePaddle paddle.dataset.movielens',
      },
    ],
    archive: 'zip',
    stripPrefix: 'ml-1m/',
    expectFiles: ['ratings.dat', 'movies.dat', 'users.dat'],
  },
};
