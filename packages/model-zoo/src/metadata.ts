/**
 * Parameter metadata written by the builders and read by optimizers (docs/models.md#parameter-metadata). Layers set
 * `role` and `unitAxes`; builders add the tags below and name every parameter from the model root.
 *
 * - `final-homogeneous` (LAWN) goes on the **weights** of the layers after the last normalization
 *   layer (a ReLU network with no normalization is positively homogeneous in those weights). Biases
 *   of those layers are not tagged: a bias breaks homogeneity and LAWN never norm-constrains one.
 * - `classifier` goes on every parameter (weight and bias) of the layer that produces the logits.
 */
import { type Module, type Parameter, TAGS } from '@gapkit/autodiff';

/** Adds `tag` to every parameter of `module` (and its children) that passes `filter`. */
export function tagParameters(module: Module, tag: string, filter: (p: Parameter) => boolean = () => true): void {
  for (const p of module.parameters()) if (filter(p)) p.meta.tags.add(tag);
}

/** Tags the weights (role `weight`) of `layers` as LAWN's final homogeneous sub-network. */
export function markFinalHomogeneous(...layers: Module[]): void {
  for (const layer of layers) tagParameters(layer, TAGS.finalHomogeneous, (p) => p.meta.role === 'weight');
}

/** Tags every parameter of `layer` as the classifier (the layer producing the logits). */
export function markClassifier(layer: Module): void {
  tagParameters(layer, TAGS.classifier);
}

/**
 * Adds `child` to `owner` as an enumerable field named `name`, so `Module.namedParameters()` names its
 * parameters `name.…` (e.g. `layer2.0.conv1.weight`) for a number of stages known only at run time.
 */
export function addChild(owner: Module, name: string, child: Module | readonly Module[]): void {
  if (Object.hasOwn(owner, name)) throw new Error(`internal: ${owner.constructor.name} already has a field '${name}'`);
  Object.defineProperty(owner, name, { value: child, enumerable: true, writable: false, configurable: false });
}

/** One parameter as the README tables and `describe` output show it. */
export interface ParameterInfo {
  readonly name: string;
  readonly layer: string;
  readonly shape: readonly number[];
  readonly role: Parameter['meta']['role'];
  readonly unitAxes: readonly number[] | undefined;
  readonly tags: readonly string[];
}

/**
 * Names every parameter from the model root (so `meta.name`/`meta.layer` are final even before anyone
 * calls `namedParameters()`) and returns the model, for use as a builder's last line.
 */
export function finalizeNames<M extends Module>(model: M): M {
  model.namedParameters();
  return model;
}

/** The metadata of every parameter, in `namedParameters()` order. */
export function parameterInfo(model: Module): ParameterInfo[] {
  return model.namedParameters().map(([name, p]) => ({
    name,
    layer: p.meta.layer,
    shape: [...p.shape],
    role: p.meta.role,
    unitAxes: p.meta.unitAxes,
    tags: [...p.meta.tags].sort(),
  }));
}
