/**
 * Parameters and buffers. A Parameter is a leaf tensor that requires a gradient and carries metadata
 * written by the layer that owns it; optimizers read only this metadata (never the model's classes).
 */
import type { Shape } from '../shape.js';
import { Tensor } from '../tensor.js';

/** What a tensor is to the layer that owns it. */
export type ParamRole = 'weight' | 'bias' | 'norm-scale' | 'norm-shift' | 'embedding';
/** Every ParamRole, for validation and listings. */
export const PARAM_ROLES: readonly ParamRole[] = ['weight', 'bias', 'norm-scale', 'norm-shift', 'embedding'];

/** Well-known tags set by model builders. Free-form tags are allowed too. */
export const TAGS = {
  /** LAWN: part of the final homogeneous sub-network (ReLU layers without normalization after them). */
  finalHomogeneous: 'final-homogeneous',
  /** The last layer producing logits. */
  classifier: 'classifier',
  /** Belongs in a no-weight-decay group. */
  noDecay: 'no-decay',
  /** A normalization scale fixed to its initial value (not trained). */
  frozen: 'frozen',
} as const;

/** Metadata on every Parameter, read by optimizers (ND-Adam unit axes, LAWN layers and tags). */
export interface ParamMeta {
  /** Dotted path assigned by `Module.namedParameters()`, e.g. `layer2.0.conv1.weight`. */
  name: string;
  /** Layer id, the owning module's path, e.g. `layer2.0.conv1` (LAWN constrains layer-wise). */
  layer: string;
  role: ParamRole;
  /**
   * ND-Adam: the tensor is a stack of unit vectors, each taken over these axes. For a conv weight
   * `[out, in, kh, kw]` the vector of output unit o is `w[o, :, :, :]`: axes `[1, 2, 3]`; for a
   * linear weight `[out, in]`, row o: axes `[1]`. Undefined means "not a vector parameter".
   */
  unitAxes?: readonly number[];
  /** Free-form labels (see TAGS). */
  tags: Set<string>;
}

/** What a layer states about a new Parameter; name and layer are filled in by `Module.namedParameters()`. */
export interface ParamInit {
  role: ParamRole;
  name?: string;
  layer?: string;
  unitAxes?: readonly number[];
  tags?: Iterable<string>;
}

/** A trainable leaf tensor (requiresGrad) with the metadata optimizers select on. */
export class Parameter extends Tensor {
  readonly meta: ParamMeta;

  constructor(data: Float32Array, shape: Shape, init: ParamInit) {
    super(data, shape, true);
    if (init.unitAxes) {
      for (const a of init.unitAxes) {
        if (!Number.isInteger(a) || a < 0 || a >= shape.length) {
          throw new RangeError(`Parameter: unitAxes [${init.unitAxes.join(', ')}] out of range for rank ${shape.length}`);
        }
      }
    }
    this.meta = {
      name: init.name ?? '',
      layer: init.layer ?? '',
      role: init.role,
      unitAxes: init.unitAxes,
      tags: new Set(init.tags ?? []),
    };
  }

  /** The dotted name (empty until the parameter is reached through a Module or named explicitly). */
  get name(): string {
    return this.meta.name;
  }
}

/**
 * Non-trained state that belongs in checkpoints (BatchNorm running statistics). Named ModuleBuffer, not
 * Buffer, so it never shadows Node's global `Buffer` where both are in scope.
 */
export class ModuleBuffer extends Tensor {
  name = '';
}
