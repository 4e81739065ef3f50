/**
 * Tensor and the reverse-mode graph: row-major Float32Array data with a shape, an optional gradient,
 * and (for results of ops that need gradients) the node that made it. `backward()` walks the graph in
 * reverse topological order found by an iterative depth-first search, so graphs of any depth work.
 * As in PyTorch, the graph links nodes, not tensors: an edge to an op's result points at the node that
 * made it (a leaf's edge at the tensor), so an intermediate tensor's data lives only as long as the
 * user or some op's backward (which saved it) needs it.
 */
import { captureCreationSite, checkFinite, checkForward, isAnomalyDetectionEnabled } from './anomaly.js';
import { recycle, withGradientPool } from './gradient-pool.js';
import { type Shape, shapeToString, sizeOf } from './shape.js';

/**
 * An edge of the graph: the input's node when it was made by an op that recorded one, else the input
 * tensor itself (a leaf: a parameter, data, a constant).
 */
export type GraphInput = GraphNode | Tensor;

/** How a tensor was produced: its op, inputs and the vector-Jacobian product of that op. */
export interface GraphNode {
  readonly op: string;
  /** Shape of the tensor this node produced (dy has it). */
  readonly shape: Shape;
  readonly inputs: readonly GraphInput[];
  /** Given dL/d(output), returns dL/d(input) for each input: see `BackwardFn`. */
  readonly backward: BackwardFn;
  /** Short stack of where the op was created; recorded only in anomaly mode. */
  readonly createdAt?: string;
}

/**
 * An op's vector-Jacobian product: given dL/d(output), the gradient for each input, in input order
 * (null where an input needs none). The one rule: each returned array is a new one (made by this call,
 * with `new Float32Array` or `gradArray`) or dy's own array — as is, reshaped, or for several inputs;
 * dy is lent for the call: read it, never write it or keep it. Ownership and reuse are the engine's
 * business: it never writes through dy's array or one returned twice, sums fan-in into the others and
 * hands them to a leaf as `.grad` without a copy, and recycles a dead dy for the next `gradArray`.
 */
export type BackwardFn = (dy: Tensor) => readonly (Tensor | null)[];

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /** Keep every node's saved tensors so the graph can be backpropagated again. Default false. */
  readonly retainGraph?: boolean;
}

let gradEnabled = true;

/** Runs `fn` without recording a graph (evaluation, optimizer updates, backward passes). */
export function noGrad<T>(fn: () => T): T {
  const prev = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = prev;
  }
}

/** Whether ops currently record a graph (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/** A row-major float32 tensor (PyTorch layouts: NCHW images, [out, in] weights) and its place in the graph. */
export class Tensor {
  /** Contiguous row-major values. Optimizers update parameter data in place. */
  readonly data: Float32Array;
  readonly shape: Shape;
  /** dL/d(this), accumulated by `backward()` for tensors that require gradients and have no node. */
  grad: Tensor | null = null;
  requiresGrad: boolean;
  /** The op that produced this tensor; null for leaves and for results computed without a graph. */
  node: GraphNode | null = null;

  /**
   * Wraps `data` (used as is, not copied) with `shape`. `data` must be a Float32Array; to build a tensor
   * from plain numbers use `tensor(values, shape)`.
   */
  constructor(data: Float32Array, shape: Shape, requiresGrad = false) {
    assertTensorArguments(data, shape, requiresGrad);
    this.data = data;
    this.shape = Object.freeze([...shape]);
    this.requiresGrad = requiresGrad;
  }

  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }

  /** Number of axes (0 for a scalar). */
  get rank(): number {
    return this.shape.length;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) {
      throw new RangeError(`item(): tensor of shape ${shapeToString(this.shape)} has ${this.data.length} elements, expected 1`);
    }
    return this.data[0];
  }

  /** A leaf copy that shares nothing with the graph. */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /**
   * Backpropagates from this tensor. Without `seed` the tensor must have exactly one element
   * (dL/dL = 1); otherwise `seed` is dL/d(this) and must have this tensor's shape.
   * Gradients of leaves accumulate into `.grad` (call `zeroGrad` between steps).
   * Like PyTorch, each node releases what it saved for backward as soon as it has run, so the
   * activations of a step are freed during the backward pass; pass `{ retainGraph: true }` to be
   * able to backpropagate through the same graph again.
   */
  backward(seed?: Tensor, options: BackwardOptions = {}): void {
    backward(this, seed, options.retainGraph ?? false);
  }

  toString(): string {
    return `Tensor(shape=${shapeToString(this.shape)}${this.node ? `, op=${this.node.op}` : ''})`;
  }
}

/** What a value is, for error messages ("an Array of 2 values", "undefined", "a Float64Array"). */
function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an Array of ${v.length} values`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  return typeof v === 'object' ? `an object (${(v as object).constructor?.name ?? 'no prototype'})` : `a ${typeof v} (${String(v)})`;
}

/** The Tensor constructor's checks, each naming the argument, what was expected and what came. */
function assertTensorArguments(data: unknown, shape: unknown, requiresGrad: unknown): void {
  if (!(data instanceof Float32Array)) {
    const hint = Array.isArray(data) ? `; build a tensor from numbers with tensor(values, shape), e.g. tensor([${data.slice(0, 3).join(', ')}${data.length > 3 ? ', …' : ''}], [${data.length}])` : '';
    throw new TypeError(`Tensor: data must be a Float32Array, got ${describeValue(data)}${hint}`);
  }
  if (!Array.isArray(shape)) throw new TypeError(`Tensor: shape must be an array of axis sizes, got ${describeValue(shape)}`);
  for (const d of shape as unknown[]) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) {
      throw new RangeError(`Tensor: shape [${shape.join(', ')}] must hold non-negative integers, got ${typeof d === 'number' ? d : describeValue(d)}`);
    }
  }
  const n = sizeOf(shape as Shape);
  if (data.length !== n) {
    throw new RangeError(`Tensor: data has ${data.length} elements but shape ${shapeToString(shape as Shape)} needs ${n}`);
  }
  if (typeof requiresGrad !== 'boolean') throw new TypeError(`Tensor: requiresGrad must be a boolean, got ${describeValue(requiresGrad)}`);
}

/**
 * Wraps an op's output. Records the graph node only when gradients are enabled and some input
 * requires a gradient, so inference and backward passes build no graph.
 */
export function fromOp(
  op: string,
  data: Float32Array,
  shape: Shape,
  inputs: readonly Tensor[],
  backwardFn: BackwardFn,
): Tensor {
  const out = new Tensor(data, shape);
  const createdAt = isAnomalyDetectionEnabled() ? captureCreationSite() : undefined;
  if (createdAt !== undefined) checkForward(op, data, inputs, createdAt);
  if (gradEnabled && inputs.some((t) => t.requiresGrad)) {
    out.requiresGrad = true;
    out.node = { op, shape: out.shape, inputs: inputs.map((t) => t.node ?? t), backward: backwardFn, createdAt };
  }
  return out;
}

/** Whether gradients flow into `v` (a node always; a leaf when it requires a gradient). */
function wantsGrad(v: GraphInput): boolean {
  return v instanceof Tensor ? v.requiresGrad : true;
}

/**
 * The graph reachable from `root`: nodes and the leaves that require gradients, inputs before what was
 * made from them (`root`'s node, or `root` itself for a leaf, last).
 */
export function topologicalOrder(root: Tensor): GraphInput[] {
  const order: GraphInput[] = [];
  const visited = new Set<GraphInput>();
  const stack: Array<[GraphInput, boolean]> = [[root.node ?? root, false]];
  while (stack.length > 0) {
    const [v, expanded] = stack.pop()!;
    if (expanded) {
      order.push(v);
      continue;
    }
    if (visited.has(v)) continue;
    visited.add(v);
    stack.push([v, true]);
    if (!(v instanceof Tensor)) {
      for (const input of v.inputs) if (wantsGrad(input) && !visited.has(input)) stack.push([input, false]);
    }
  }
  return order;
}

function accumulate(into: Float32Array, from: Float32Array): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

type MutableNode = { -readonly [K in keyof GraphNode]: GraphNode[K] };

/**
 * Frees what a node saved for backward once it has run without `retainGraph`: it keeps no inputs and
 * its backward throws. The node object stays the one its tensor points at, so later graphs built on that
 * tensor reach the freed node and fail clearly.
 */
function release(node: GraphNode): void {
  const op = node.op;
  const m = node as MutableNode;
  m.inputs = [];
  m.backward = () => {
    throw new Error(
      `backward(): the graph through '${op}' was already backpropagated and its saved tensors freed; pass { retainGraph: true } to the first backward() to run it twice`,
    );
  };
}

function backward(root: Tensor, seed: Tensor | undefined, retainGraph: boolean): void {
  if (!root.requiresGrad) {
    throw new Error(`backward(): ${root} does not require a gradient (no input of its graph has requiresGrad)`);
  }
  let dRoot: Float32Array;
  if (seed === undefined) {
    if (root.size !== 1) {
      throw new RangeError(
        `backward(): called on a non-scalar ${root} without a seed; pass dL/d(output) of shape ${shapeToString(root.shape)} or reduce to one element first`,
      );
    }
    dRoot = new Float32Array([1]);
  } else {
    if (seed.size !== root.size || seed.shape.length !== root.shape.length || seed.shape.some((d, i) => d !== root.shape[i])) {
      throw new RangeError(`backward(): seed shape ${shapeToString(seed.shape)} differs from output shape ${shapeToString(root.shape)}`);
    }
    dRoot = seed.data.slice();
  }
  if (root.node && root.node.inputs.length === 0) root.node.backward(new Tensor(dRoot, root.shape)); // throws: freed
  const order: Array<GraphInput | undefined> = topologicalOrder(root);
  // Gradients are kept as the ops return them, without a copy. An array is *owned* when nothing else can
  // see it: one the engine made, or one a backward returned for a single input that is not the dy it was
  // given (by the BackwardFn rule such an array is new), or dy's array when that dy was owned. Owned
  // arrays take fan-in sums in place and become a leaf's .grad as they are. The rest (*shared*: dy's
  // array handed on while still visible elsewhere, or one array returned for several inputs, as add
  // does) is never written: fan-in sums into a fresh array and a leaf's .grad is a copy.
  const grads = new Map<GraphInput, Float32Array>([[root.node ?? root, dRoot]]);
  const owned = new Set<Float32Array>([dRoot]);
  const anomaly = isAnomalyDetectionEnabled();
  noGrad(() => withGradientPool(() => {
    for (let i = order.length - 1; i >= 0; i--) {
      const v = order[i]!;
      order[i] = undefined; // nothing below needs it: let its memory go as soon as it is done
      const g = grads.get(v);
      if (g === undefined) continue;
      grads.delete(v); // intermediate gradients are freed as soon as they are used
      const own = owned.delete(g);
      if (v instanceof Tensor) {
        if (v.grad === null) v.grad = new Tensor(own ? g : g.slice(), v.shape);
        else accumulate(v.grad.data, g);
        continue;
      }
      const check = anomaly ? { op: v.op, phase: 'backward' as const, inputShapes: v.inputs.map((x) => x.shape), createdAt: v.createdAt ?? null } : null;
      if (check) checkFinite(g, { ...check, input: -1 }); // every returned gradient was checked: only a fan-in sum can be bad here
      const inputGrads = v.backward(new Tensor(g, v.shape));
      v.inputs.forEach((input, k) => {
        const gi = inputGrads[k];
        if (!wantsGrad(input) || gi === null || gi === undefined) return;
        const size = input instanceof Tensor ? input.size : sizeOf(input.shape);
        if (gi.size !== size) {
          throw new Error(
            `internal: backward of '${v.op}' returned a gradient of shape ${shapeToString(gi.shape)} for input ${k} of shape ${shapeToString(input.shape)}`,
          );
        }
        const arr = gi.data;
        if (check) checkFinite(arr, { ...check, input: k });
        const fromDy = arr.buffer === g.buffer; // dy's array, or a view of it
        const exclusive = (!fromDy || (own && arr === g)) && inputGrads.filter((x) => x?.data === arr).length === 1;
        const prev = grads.get(input);
        if (prev === undefined) {
          grads.set(input, arr);
          if (exclusive) owned.add(arr);
        } else if (owned.has(prev)) accumulate(prev, arr);
        else if (exclusive) {
          accumulate(arr, prev); // a + b = b + a exactly: the same sum as adding into a copy of prev
          grads.set(input, arr);
          owned.add(arr);
        } else {
          const sum = prev.slice();
          accumulate(sum, arr);
          grads.set(input, sum);
          owned.add(sum);
        }
      });
      if (own && !inputGrads.some((x) => x?.data.buffer === g.buffer)) recycle(g); // dead: nothing else saw it
      if (!retainGraph) release(v);
    }
  }));
}

/** Throws if any element of `t` is NaN or ±Infinity, naming `what` and the first bad index. */
export function assertFinite(t: Tensor | Float32Array, what: string): void {
  const data = t instanceof Tensor ? t.data : t;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new RangeError(`${what}: element ${i} is ${data[i]} (expected a finite number)`);
    }
  }
}
