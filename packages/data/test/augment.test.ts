/** Crop with padding, horizontal flip and per-channel normalization against independent constructions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CIFAR_AUGMENTATION,
  CIFAR10_NDADAM_NORMALIZATION,
  CIFAR10_NORMALIZATION,
  cropPadded,
  flipHorizontal,
  imageNormalizer,
  MNIST_NORMALIZATION,
} from '../src/index.js';

/** Pads one H×W plane explicitly: zeros, or numpy-style reflection built from reversed slices. */
function padPlane(plane: number[][], p: number, mode: 'zero' | 'reflect'): number[][] {
  const w = plane[0].length;
  const rows = plane.map((row) =>
    mode === 'zero'
      ? [...new Array(p).fill(0), ...row, ...new Array(p).fill(0)]
      : [...row.slice(1, p + 1).reverse(), ...row, ...row.slice(w - p - 1, w - 1).reverse()],
  );
  if (mode === 'zero') {
    const blank = new Array(w + 2 * p).fill(0);
    return [...Array.from({ length: p }, () => blank), ...rows, ...Array.from({ length: p }, () => blank)];
  }
  return [...rows.slice(1, p + 1).reverse(), ...rows, ...rows.slice(rows.length - p - 1, rows.length - 1).reverse()];
}

const imageArb = fc
  .record({ c: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 3, max: 7 }), w: fc.integer({ min: 3, max: 7 }), p: fc.integer({ min: 0, max: 2 }) })
  .chain((s) => fc.record({ s: fc.constant(s), px: fc.uint8Array({ minLength: s.c * s.h * s.w, maxLength: s.c * s.h * s.w }), dy: fc.nat(2 * s.p), dx: fc.nat(2 * s.p) }));

describe('cropPadded', () => {
  for (const mode of ['zero', 'reflect'] as const) {
    it(`equals slicing an explicitly ${mode}-padded image (property)`, () => {
      fc.assert(
        fc.property(imageArb, ({ s, px, dy, dx }) => {
          const out = new Float32Array(s.c * s.h * s.w);
          cropPadded(px, 0, out, 0, { channels: s.c, height: s.h, width: s.w }, { padding: s.p, mode }, dy, dx);
          for (let c = 0; c < s.c; c++) {
            const plane = Array.from({ length: s.h }, (_, y) => Array.from(px.subarray((c * s.h + y) * s.w, (c * s.h + y + 1) * s.w)));
            const padded = padPlane(plane, s.p, mode);
            for (let y = 0; y < s.h; y++) for (let x = 0; x < s.w; x++) expect(out[(c * s.h + y) * s.w + x]).toBe(padded[y + dy][x + dx]);
          }
        }),
      );
    });
  }

  it('the centre offset (padding, padding) returns the image unchanged', () => {
    const px = Uint8Array.from({ length: 3 * 32 * 32 }, (_, i) => (i * 7) & 255);
    const out = new Float32Array(px.length);
    cropPadded(px, 0, out, 0, { channels: 3, height: 32, width: 32 }, CIFAR_AUGMENTATION.crop ?? { padding: 4, mode: 'zero' }, 4, 4);
    expect(Array.from(out)).toEqual(Array.from(px));
  });

  it('rejects offsets outside 0..2·padding', () => {
    expect(() => cropPadded([1], 0, new Float32Array(1), 0, { channels: 1, height: 1, width: 1 }, { padding: 1, mode: 'zero' }, 3, 0)).toThrow(/outside 0\.\.2/);
  });
});

describe('flipHorizontal', () => {
  it('reverses every row and is its own inverse (property)', () => {
    fc.assert(
      fc.property(imageArb, ({ s, px }) => {
        const data = Float32Array.from(px);
        flipHorizontal(data, 0, { channels: s.c, height: s.h, width: s.w });
        for (let r = 0; r < s.c * s.h; r++) {
          expect(Array.from(data.subarray(r * s.w, (r + 1) * s.w))).toEqual(Array.from(px.subarray(r * s.w, (r + 1) * s.w)).reverse());
        }
        flipHorizontal(data, 0, { channels: s.c, height: s.h, width: s.w });
        expect(Array.from(data)).toEqual(Array.from(px));
      }),
    );
  });
});

describe('normalization constants', () => {
  it('are the papers’ values (docs/data.md): Padam/kuangliu CIFAR-10, ND-Adam on 0..255, MNIST', () => {
    expect([CIFAR10_NORMALIZATION.mean, CIFAR10_NORMALIZATION.std]).toEqual([[0.4914, 0.4822, 0.4465], [0.2023, 0.1994, 0.201]]);
    expect([CIFAR10_NDADAM_NORMALIZATION.mean, CIFAR10_NDADAM_NORMALIZATION.std, CIFAR10_NDADAM_NORMALIZATION.scale]).toEqual([
      [125.3, 123.0, 113.9],
      [63.0, 62.1, 66.7],
      'byte',
    ]);
    expect([MNIST_NORMALIZATION.mean, MNIST_NORMALIZATION.std]).toEqual([[0.1307], [0.3081]]);
  });

  it('map the channel mean to 0 and mean + std to 1, for byte pixels and for 0..1 pixels', () => {
    for (const norm of [CIFAR10_NORMALIZATION, CIFAR10_NDADAM_NORMALIZATION]) {
      const toUnit = norm.scale === 'byte' ? 1 / 255 : 1;
      for (const pixelScale of [1, 255] as const) {
        const data = new Float32Array(6);
        for (let c = 0; c < 3; c++) {
          data[2 * c] = norm.mean[c] * toUnit * pixelScale;
          data[2 * c + 1] = (norm.mean[c] + norm.std[c]) * toUnit * pixelScale;
        }
        imageNormalizer(norm, 3, 2, pixelScale)(data, 0);
        for (let c = 0; c < 3; c++) {
          expect(data[2 * c]).toBeCloseTo(0, 5);
          expect(data[2 * c + 1]).toBeCloseTo(1, 5);
        }
      }
    }
  });

  it('refuse a channel-count mismatch', () => {
    expect(() => imageNormalizer(MNIST_NORMALIZATION, 3, 4, 255)).toThrow(/has 1 channels, the images have 3/);
  });
});
