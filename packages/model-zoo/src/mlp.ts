/**
 * A plain multilayer perceptron for MNIST-sized demos: flatten → (linear → ReLU) per hidden width →
 * linear to the classes. Layers are named `fc1`, `fc2`, … like the conformance cases. Inputs may be
 * `[N, D]` or images `[N, C, H, W]` with C·H·W = D.
 *
 * Tags: there is no normalization anywhere, so the whole network is the final homogeneous
 * sub-network: every `fcK.weight` is final-homogeneous; the last layer's weight and bias carry
 * `classifier`. Linear weights have unitAxes [1].
 */
import { flatten, Linear, Module, type Rng, relu, type Tensor } from '@gapkit/autodiff';
import { addChild, finalizeNames, markClassifier, markFinalHomogeneous } from './metadata.js';
import { type ParameterCount, ParameterTally } from './tally.js';
import type { ClassifierOptions } from './types.js';
import { positiveInt, positiveIntList, withDefaults } from './validate.js';

/** MLP options. */
export interface MlpOptions extends ClassifierOptions {
  /** Input features D (784 for 28×28 MNIST). */
  readonly inFeatures: number;
  /** Hidden ReLU layer widths ([] = multinomial logistic regression). */
  readonly hidden: readonly number[];
}

/** 784 → 100 → 10. */
export const MLP_DEFAULTS: MlpOptions = { inFeatures: 784, hidden: [100], numClasses: 10 };

function resolveMlp(opts: Partial<MlpOptions>): MlpOptions {
  const o = withDefaults('mlp', MLP_DEFAULTS, opts);
  positiveInt('mlp', 'inFeatures', o.inFeatures);
  positiveIntList('mlp', 'hidden', o.hidden, true);
  positiveInt('mlp', 'numClasses', o.numClasses);
  return o;
}

/** The MLP: fields `fc1` … `fcL`. */
export class Mlp extends Module {
  readonly #layers: Linear[] = [];
  declare readonly config: MlpOptions;

  constructor(o: MlpOptions, rng: Rng) {
    super();
    const widths = [...o.hidden, o.numClasses];
    let inF = o.inFeatures;
    widths.forEach((w, i) => {
      const fc = new Linear(inF, w, rng, { bias: true });
      addChild(this, `fc${i + 1}`, fc);
      this.#layers.push(fc);
      inF = w;
    });
    Object.defineProperty(this, 'config', { value: o, enumerable: false });
    markFinalHomogeneous(...this.#layers);
    markClassifier(this.#layers[this.#layers.length - 1]);
    finalizeNames(this);
  }

  /** x: [N, inFeatures] or [N, C, H, W] with C·H·W = inFeatures → logits [N, numClasses]. */
  forward(x: Tensor): Tensor {
    let h = x.rank === 2 ? x : flatten(x, 1);
    if (h.rank !== 2 || h.shape[1] !== this.config.inFeatures) {
      throw new RangeError(`mlp: input must be [N, ${this.config.inFeatures}] or [N, C, H, W] with C·H·W = ${this.config.inFeatures}, got [${x.shape.join(', ')}]`);
    }
    this.#layers.forEach((fc, i) => {
      h = fc.forward(h);
      if (i < this.#layers.length - 1) h = relu(h);
    });
    return h;
  }
}

/** Builds the MLP (defaults: 784 → 100 → 10). */
export function mlp(opts: Partial<MlpOptions>, rng: Rng): Mlp {
  return new Mlp(resolveMlp(opts), rng);
}

/** Parameter count of `mlp(opts)` from shapes alone. */
export function countMlp(opts: Partial<MlpOptions> = {}): ParameterCount {
  const o = resolveMlp(opts);
  const t = new ParameterTally();
  let inF = o.inFeatures;
  for (const w of [...o.hidden, o.numClasses]) {
    t.linear(inF, w, true);
    inF = w;
  }
  return t.result();
}
