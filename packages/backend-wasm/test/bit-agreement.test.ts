/**
 * Which backends agree bit for bit, and which only within a tolerance (the README's table states the
 * same). Bitwise agreement holds where both sides add the same float32 (or float64) terms in the same
 * order; `auto` over these backends is then reproducible given its plan.
 */
import { cpuBackend, cpuReferenceBackend, type Conv2dGeometry } from '@gapkit/autodiff';
import { convGeometry, convSizes, expectParity, randomArray } from '@gapkit/testing';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createWasmBackend, ThreadedWasm, threadedWasmBackends } from '../src/node/index.js';
import { convGeometryArb, matmulShapeArb } from './parity-helpers.js';

const wasm = createWasmBackend();
const pair = threadedWasmBackends(new ThreadedWasm());
const wasmSolo = pair.oneThread;
const wasm2 = pair.twoThreads;
afterAll(() => {
  wasm.dispose();
  wasm2.dispose();
  wasmSolo.dispose();
});

/** Bitwise equality (Object.is per entry, so −0 and NaN payload classes count). */
function expectSameBits(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  const differing = actual.findIndex((v, i) => !Object.is(v, expected[i]));
  expect(differing, `first differing entry ${differing}: ${actual[differing]} vs ${expected[differing]}`).toBe(-1);
}

/** Shapes big enough for wasm-2t to split them across both threads (≥ 2²¹ multiply-adds). */
const splitConvs: Conv2dGeometry[] = [
  convGeometry({ batch: 8, inChannels: 16, inHeight: 16, inWidth: 16, outChannels: 16, kernelH: 3, kernelW: 3, padH: 1, padW: 1 }),
  convGeometry({ batch: 16, inChannels: 32, inHeight: 16, inWidth: 16, outChannels: 32, kernelH: 3, kernelW: 3, padH: 1, padW: 1 }),
  convGeometry({ batch: 16, inChannels: 32, inHeight: 16, inWidth: 16, outChannels: 32, kernelH: 3, kernelW: 3, strideH: 2, strideW: 2, padH: 1, padW: 1 }),
  convGeometry({ batch: 16, inChannels: 16, inHeight: 32, inWidth: 32, outChannels: 32, kernelH: 1, kernelW: 1, strideH: 2, strideW: 2 }),
];

function convInputs(g: Conv2dGeometry, seed: number) {
  const s = convSizes(g);
  return { x: randomArray(s.x, seed), w: randomArray(s.w, seed + 1), dy: randomArray(s.y, seed + 2) };
}

describe('wasm, the two-thread engine seen as one thread, and wasm-2t', () => {
  it('wasm and the one-thread view of the two-thread engine agree bit for bit on every kernel', () => {
    fc.assert(
      fc.property(matmulShapeArb, convGeometryArb, ({ m, k, n, transA, transB, seed }, g) => {
        const a = randomArray(m * k, seed);
        const b = randomArray(k * n, seed + 1);
        expectSameBits(wasmSolo.kernels.matmul!(a, b, m, k, n, { transA, transB }), wasm.kernels.matmul!(a, b, m, k, n, { transA, transB }));
        const { x, w, dy } = convInputs(g, seed);
        expectSameBits(wasmSolo.kernels.conv2d!(x, w, g), wasm.kernels.conv2d!(x, w, g));
        expectSameBits(wasmSolo.kernels.conv2dBackpropInput!(dy, w, g), wasm.kernels.conv2dBackpropInput!(dy, w, g));
        expectSameBits(wasmSolo.kernels.conv2dBackpropFilter!(x, dy, g), wasm.kernels.conv2dBackpropFilter!(x, dy, g));
      }),
      { numRuns: 30 },
    );
    for (const g of splitConvs) {
      const { x, dy } = convInputs(g, 7);
      expectSameBits(wasmSolo.kernels.conv2dBackpropFilter!(x, dy, g), wasm.kernels.conv2dBackpropFilter!(x, dy, g));
    }
  });

  it('wasm-2t matches wasm bit for bit on matmul, conv2d and conv2dBackpropInput, split or not (disjoint outputs)', () => {
    for (const [m, k, n] of [[7, 9, 5], [96, 200, 130], [64, 600, 64], [256, 256, 256]]) {
      const a = randomArray(m * k, m);
      const b = randomArray(k * n, n);
      for (const transB of [false, true]) expectSameBits(wasm2.kernels.matmul!(a, b, m, k, n, { transB }), wasm.kernels.matmul!(a, b, m, k, n, { transB }));
    }
    for (const g of splitConvs) {
      const { x, w, dy } = convInputs(g, 3);
      expectSameBits(wasm2.kernels.conv2d!(x, w, g), wasm.kernels.conv2d!(x, w, g));
      expectSameBits(wasm2.kernels.conv2dBackpropInput!(dy, w, g), wasm.kernels.conv2dBackpropInput!(dy, w, g));
    }
    expect(wasm2.describe()['wasm.calls']).toMatch(/^[1-9]\d* offered to both threads/);
  });

  it('wasm-2t filter gradients: the same bits on every call (per-unit sums added in unit order), within a tolerance of wasm when split', () => {
    for (const g of splitConvs) {
      const { x, dy } = convInputs(g, 5);
      const first = wasm2.kernels.conv2dBackpropFilter!(x, dy, g);
      for (let r = 0; r < 3; r++) expectSameBits(wasm2.kernels.conv2dBackpropFilter!(x, dy, g), first);
      expectParity(first, wasm.kernels.conv2dBackpropFilter!(x, dy, g), g.batch * g.outHeight * g.outWidth);
    }
  });
});

describe('cpu and cpu-reference', () => {
  it('agree bit for bit while a reduction fits one k block (≤ 256: both sum float64 products in the same order)', () => {
    fc.assert(
      fc.property(matmulShapeArb, convGeometryArb, ({ m, k, n, transA, transB, seed }, g) => {
        const a = randomArray(m * k, seed);
        const b = randomArray(k * n, seed + 1);
        expectSameBits(cpuBackend.kernels.matmul!(a, b, m, k, n, { transA, transB }), cpuReferenceBackend.kernels.matmul!(a, b, m, k, n, { transA, transB }));
        const { x, w } = convInputs(g, seed);
        expectSameBits(cpuBackend.kernels.conv2d!(x, w, g), cpuReferenceBackend.kernels.conv2d!(x, w, g));
      }),
      { numRuns: 40 },
    );
  });

  it('agree only within a tolerance past one k block, and on the input gradient (the reference scatters in float64)', () => {
    const a = randomArray(64 * 600, 1);
    const b = randomArray(600 * 64, 2);
    const cpu = cpuBackend.kernels.matmul!(a, b, 64, 600, 64);
    const ref = cpuReferenceBackend.kernels.matmul!(a, b, 64, 600, 64);
    expect(cpu.some((v, i) => v !== ref[i])).toBe(true);
    expectParity(cpu, ref, 600);
    const g = splitConvs[0];
    const { w, dy } = convInputs(g, 9);
    const dx = cpuBackend.kernels.conv2dBackpropInput!(dy, w, g);
    const dxRef = cpuReferenceBackend.kernels.conv2dBackpropInput!(dy, w, g);
    expect(dx.some((v, i) => v !== dxRef[i])).toBe(true);
    expectParity(dx, dxRef, g.outChannels * 9);
  });

  it('cpu and wasm agree only within a tolerance (float64 against float32 accumulators)', () => {
    const a = randomArray(32 * 64, 1);
    const b = randomArray(64 * 32, 2);
    const cpu = cpuBackend.kernels.matmul!(a, b, 32, 64, 32);
    const w = wasm.kernels.matmul!(a, b, 32, 64, 32);
    expect(cpu.some((v, i) => v !== w[i])).toBe(true);
    expectParity(w, cpu, 64);
  });
});

describe('the wasm / wasm-2t pair over one engine', () => {
  it('disposing one view (as auto\'s start-up probe does with a dropped candidate) leaves the other usable; the engine goes with the second', () => {
    const p = threadedWasmBackends(new ThreadedWasm());
    const matmul = p.oneThread.kernels.matmul;
    if (matmul === undefined) throw new Error('the one-thread view has no matmul');
    const a = Float32Array.from({ length: 64 * 32 }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: 32 * 48 }, (_, i) => Math.cos(i));
    const before = matmul(a, b, 64, 32, 48);
    p.twoThreads.dispose();
    expect(matmul(a, b, 64, 32, 48)).toEqual(before);
    p.oneThread.dispose();
    expect(() => matmul(a, b, 64, 32, 48)).toThrow(/used after dispose/);
  });
});
