/** Shared test fixtures: deterministic inputs and a forward/backward smoke check. */
import { crossEntropy, globalAvgPool2d, type Module, type Parameter, Rng, relu, type Tensor, tensor } from '@gapkit/autodiff';
import type { BasicBlock, ResNet } from '../src/index.js';
import { expect } from 'vitest';

/** A deterministic N(0, 1) batch of the given shape. */
export function randomBatch(shape: readonly number[], seed = 7): Tensor {
  const rng = new Rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = rng.normal();
  return tensor(data, [...shape]);
}

/** Labels 0, 1, 2, … modulo `classes`. */
export function labels(n: number, classes: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i % classes);
}

/**
 * Checks that every parameter received a finite gradient of its own shape after `loss.backward()`,
 * and that the parameters tagged `classifier` got a non-zero one.
 */
export function expectGradients(model: Module): void {
  for (const [name, p] of model.namedParameters()) {
    expect(p.grad, `${name} has no gradient`).not.toBeNull();
    expect(p.grad!.shape, name).toEqual(p.shape);
    for (const v of p.grad!.data) expect(Number.isFinite(v), `${name} gradient is not finite`).toBe(true);
  }
  const classifierGrads = model.parameters().filter((p: Parameter) => p.meta.tags.has('classifier'));
  expect(classifierGrads.length).toBeGreaterThan(0);
  for (const p of classifierGrads) expect(p.grad!.data.some((v) => v !== 0), `${p.name} gradient is all zeros`).toBe(true);
}

/** Forward on a batch of `n` images, cross-entropy, backward; returns the logits. */
export function classifierStep(model: Module & { forward(x: Tensor): Tensor }, inputShape: readonly number[], classes: number): Tensor {
  const x = randomBatch(inputShape);
  const logits = model.forward(x);
  expect(logits.shape).toEqual([inputShape[0], classes]);
  crossEntropy(logits, labels(inputShape[0], classes), { reduction: 'mean' }).backward();
  expectGradients(model);
  return logits;
}

/** Sum of sizes of the parameters that satisfy `pred`. */
export function sizeWhere(model: Module, pred: (p: Parameter) => boolean): number {
  return model.parameters().reduce((s, p) => s + (pred(p) ? p.size : 0), 0);
}

/** The blocks of stage k (field `layerK`). */
export function stage(m: ResNet, k: number): BasicBlock[] {
  return (m as unknown as Record<string, BasicBlock[]>)[`layer${k}`];
}

/**
 * Runs a ResNet part by part on `x`: the [C, H, W] after the stem and after every stage, and the logits
 * composed from the parts (which must equal `m.forward(x)`).
 */
export function traceResNet(m: ResNet, x: Tensor): { sizes: number[][]; logits: Tensor } {
  let h = relu(m.bn1.forward(m.conv1.forward(x)));
  const sizes = [h.shape.slice(1)];
  for (let k = 1; k <= m.config.stages.length; k++) {
    for (const block of stage(m, k)) h = block.forward(h);
    sizes.push(h.shape.slice(1));
  }
  return { sizes, logits: m.fc.forward(globalAvgPool2d(h)) };
}
