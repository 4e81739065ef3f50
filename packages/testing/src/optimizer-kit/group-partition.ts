/**
 * Random partitions into groups: `assignment[i]` is tensor i's group, numbered by first appearance and
 * never empty, so equal partitions draw equal arrays and a counterexample shrinks towards one group.
 */
import fc from 'fast-check';

/** A partition of `count` tensors into at most `maxGroups` non-empty groups. */
export function groupPartitionArb(count: number, maxGroups = 3): fc.Arbitrary<number[]> {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`groupPartitionArb: count must be an integer ≥ 1, got ${count}`);
  if (!(Number.isInteger(maxGroups) && maxGroups >= 1)) throw new RangeError(`groupPartitionArb: maxGroups must be an integer ≥ 1, got ${maxGroups}`);
  return fc.array(fc.integer({ min: 0, max: maxGroups - 1 }), { minLength: count, maxLength: count }).map((raw) => {
    const renumber = new Map<number, number>();
    return raw.map((g) => {
      const seen = renumber.get(g);
      if (seen !== undefined) return seen;
      renumber.set(g, renumber.size);
      return renumber.size - 1;
    });
  });
}

/** The items split by `assignment` (from `groupPartitionArb`), in group order. */
export function partitionBy<T>(items: readonly T[], assignment: readonly number[]): T[][] {
  if (assignment.length !== items.length) throw new RangeError(`partitionBy: ${assignment.length} group indices for ${items.length} items`);
  const groups: T[][] = [];
  items.forEach((x, i) => {
    const g = assignment[i];
    if (!(Number.isInteger(g) && g >= 0)) throw new RangeError(`partitionBy: group index ${i} is ${g}, expected an integer ≥ 0`);
    while (groups.length <= g) groups.push([]);
    groups[g].push(x);
  });
  return groups.filter((g) => g.length > 0);
}
