/** Shape arithmetic shared by every op: sizes, strides, broadcasting and axis checks. */

/** Axis sizes, outermost first; `[]` is a scalar. */
export type Shape = readonly number[];

/** Number of elements of a tensor of this shape (1 for a scalar `[]`). */
export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides: `strides([2, 3, 4])` is `[12, 4, 1]`. */
export function stridesOf(shape: Shape): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** `[2, 3]` style text for error messages. */
export function shapeToString(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** Whether two shapes have the same rank and sizes. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Throws unless every entry is a non-negative integer. */
export function assertValidShape(shape: Shape, what: string): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new RangeError(`${what}: shape ${shapeToString(shape)} must hold non-negative integers, got ${d}`);
    }
  }
}

/**
 * NumPy broadcasting: align trailing axes; each pair must be equal or contain a 1.
 * @throws naming the op, both shapes and the axis that breaks the rule.
 */
export function broadcastShapes(op: string, a: Shape, b: Shape): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new RangeError(
        `${op}: shapes ${shapeToString(a)} and ${shapeToString(b)} cannot broadcast: ` +
          `axis ${i - n} has sizes ${da} and ${db} (each pair must be equal or contain a 1)`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Normalizes a possibly negative axis for a tensor of rank `rank`; throws when out of range. */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new RangeError(`${op}: axis ${axis} is out of range for a tensor of rank ${rank} (expected ${-rank}..${rank - 1})`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Normalizes a list of axes (or all axes when undefined), sorted and without duplicates. */
export function normalizeAxes(op: string, axes: number | readonly number[] | undefined, rank: number): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axes === 'number' ? [axes] : axes;
  const out = [...new Set(list.map((a) => normalizeAxis(op, a, rank)))].sort((x, y) => x - y);
  if (out.length !== list.length) throw new RangeError(`${op}: axes [${list.join(', ')}] name an axis twice`);
  return out;
}
