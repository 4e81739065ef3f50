/**
 * Initialization: every weight is drawn exactly once (the layers' `init` option instead of a default
 * draw overwritten afterwards), models whose scheme is the layer default are bit-identical to the
 * builds before that change, and the re-initialized tensors have the right distribution.
 */
import { type Module, type Parameter, Rng } from '@gapkit/autodiff';
import { describe, expect, test } from 'vitest';
import { getModel, type ModelName, ncfMlp, ndAdamWideResNet, wideResNet } from '../src/index.js';

/** FNV-1a over the float32 bytes of the parameters (in `namedParameters()` order) whose name passes `pred`. */
function hashParams(model: Module, pred: (name: string) => boolean = () => true): string {
  let h = 0x811c9dc5;
  for (const [name, p] of model.namedParameters()) {
    if (!pred(name)) continue;
    const bytes = new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.byteLength);
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

type Draw = 'uniform' | 'normal' | 'none';

/**
 * Builds `name` from `seed` and checks the rng advanced by exactly one draw per random value: every
 * uniform costs two 32-bit outputs and every pair of normals (Box–Muller) four, whatever the order, so
 * the state must equal a fresh generator advanced 2·U + 4·⌈N/2⌉ times. A discarded default draw
 * before an `init` would leave it further on.
 */
function expectDrawnOnce(name: ModelName, opts: object, draw: (p: Parameter) => Draw): void {
  const rng = new Rng(3);
  const model = getModel(name).build(opts as never, rng);
  let uniforms = 0;
  let normals = 0;
  for (const p of model.parameters()) {
    const d = draw(p);
    if (d === 'uniform') uniforms += p.size;
    if (d === 'normal') normals += p.size;
  }
  const ref = new Rng(3);
  for (let i = 0; i < 2 * uniforms + 4 * Math.ceil(normals / 2); i++) ref.nextU32();
  expect(rng.getState().words, name).toEqual(ref.getState().words);
}

const isKernel = (p: Parameter) => p.rank === 4;
const layerDefault = (p: Parameter): Draw => (p.meta.role === 'weight' || p.meta.role === 'bias' ? 'uniform' : 'none');
const normalKernels = (p: Parameter): Draw => (isKernel(p) ? 'normal' : layerDefault(p));

function std(data: Float32Array): number {
  return Math.sqrt(data.reduce((s, v) => s + v * v, 0) / data.length);
}

describe('initialization', () => {
  test.each<[ModelName, object, (p: Parameter) => Draw]>([
    ['resnet', { widths: [4, 8, 16] }, layerDefault],
    ['resnet', { widths: [4, 8, 16], convInit: 'he-fan-out' }, normalKernels],
    ['resnet18', { baseWidth: 2 }, layerDefault],
    ['wrn', { depth: 10, widenFactor: 1 }, (p) => (p.meta.role === 'weight' ? 'normal' : 'none')], // fc: Kaiming normal, zero bias
    ['wrn-ndadam', { depth: 10, widenFactor: 1 }, normalKernels],
    ['wrn-ndadam-tf', { depth: 10, widenFactor: 1 }, normalKernels],
    ['wrn-padam', { depth: 10, multiplier: 1 }, normalKernels],
    ['vgg11', { baseWidth: 2, hidden: [8] }, layerDefault],
    ['mlp', { inFeatures: 20, hidden: [10, 6] }, layerDefault],
    ['ncf-gmf', { numUsers: 9, numItems: 11 }, (p) => (p.meta.role === 'embedding' ? 'normal' : p.meta.role === 'weight' ? 'uniform' : 'none')],
    ['ncf-mlp', { numUsers: 9, numItems: 11 }, (p) => (p.meta.role === 'embedding' ? 'normal' : p.meta.role === 'weight' ? 'uniform' : 'none')],
    ['neumf', { numUsers: 9, numItems: 11 }, (p) => (p.meta.role === 'embedding' ? 'normal' : p.meta.role === 'weight' ? 'uniform' : 'none')],
  ])('%s %j: each random value is drawn exactly once', (name, opts, draw) => {
    expectDrawnOnce(name, opts, draw);
  });

  // Hashes of builds from seed 42 made before the `init` option existed (commit 914e80d): the models
  // whose every tensor uses the layer default, and the NCF embedding tables (drawn before any
  // re-initialized layer), are unchanged bit for bit. The re-initialized models (WRNs, Padam's WRN,
  // he-fan-out ResNets, NCF towers) get the same distributions from a different point of the stream.
  test.each<[ModelName, object, string]>([
    ['resnet', { widths: [4, 8, 16] }, 'bd9a3a76'],
    ['resnet18', { baseWidth: 2 }, '2a067d77'],
    ['resnet34', { baseWidth: 2 }, 'f40cfb05'],
    ['vgg11', { baseWidth: 2 }, 'c036e784'],
    ['vgg13', { baseWidth: 2 }, 'b68fe75b'],
    ['vgg16', { baseWidth: 2 }, '297a7c9a'],
    ['vgg19', { baseWidth: 2, batchNorm: false }, '746eb509'],
    ['vgg16-2fc', { baseWidth: 2, hidden: [8, 8] }, 'd1596ff6'],
    ['mlp', { inFeatures: 20, hidden: [10, 6] }, 'de75de20'],
  ])('%s %j: the same weights from the same seed as before', (name, opts, hash) => {
    expect(hashParams(getModel(name).build(opts as never, new Rng(42)))).toBe(hash);
  });

  test.each<[ModelName, string]>([
    ['ncf-gmf', '206ab2e5'],
    ['ncf-mlp', 'bea84409'],
    ['neumf', 'b306542b'],
  ])('%s: the embedding tables are the same as before from the same seed', (name, hash) => {
    const m = getModel(name).build({ numUsers: 9, numItems: 11 }, new Rng(42));
    expect(hashParams(m, (n) => n.includes('Embedding'))).toBe(hash);
  });

  test('NCF: tower weights Glorot uniform, prediction weight LeCun uniform, biases zero', () => {
    const m = ncfMlp({ numUsers: 5, numItems: 5, embeddingDim: 64, tower: [128, 64] }, new Rng(8));
    for (const fc of m.tower) {
      const bound = Math.sqrt(6 / (fc.inFeatures + fc.outFeatures));
      expect(fc.weight.data.every((v) => Math.abs(v) <= bound)).toBe(true);
      expect(std(fc.weight.data)).toBeGreaterThan(0.95 * (bound / Math.sqrt(3)));
      expect(std(fc.weight.data)).toBeLessThan(1.05 * (bound / Math.sqrt(3)));
      expect(fc.bias!.data.every((v) => v === 0)).toBe(true);
    }
    const bound = Math.sqrt(3 / 64);
    const w = m.predict.weight.data;
    expect(w.every((v) => Math.abs(v) <= bound)).toBe(true);
    expect(Math.max(...Array.from(w, Math.abs))).toBeGreaterThan(0.8 * bound);
    expect(m.predict.bias!.data[0]).toBe(0);
  });

  test('standard WRN: the linear classifier is Kaiming normal over fan-in with a zero bias (ND-Adam PyTorch code / Zagoruyko utils.py linear_params)', () => {
    const m = wideResNet({ depth: 10, widenFactor: 4, numClasses: 100 }, new Rng(10));
    const [, w] = m.namedParameters().find(([n]) => n === 'fc.weight')!;
    const [, b] = m.namedParameters().find(([n]) => n === 'fc.bias')!;
    expect(std(w.data)).toBeGreaterThan(0.95 * Math.sqrt(2 / 256));
    expect(std(w.data)).toBeLessThan(1.05 * Math.sqrt(2 / 256));
    expect(b.data.every((v) => v === 0)).toBe(true);
  });

  test("ND-Adam's 1×1 classifier conv is Kaiming normal over fan-in like every other kernel", () => {
    const m = ndAdamWideResNet({ depth: 10, widenFactor: 4 }, new Rng(9));
    expect(std(m.classifier!.weight.data)).toBeGreaterThan(0.95 * Math.sqrt(2 / 256));
    expect(std(m.classifier!.weight.data)).toBeLessThan(1.05 * Math.sqrt(2 / 256));
  });
});
