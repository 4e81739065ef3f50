/**
 * Strict options: the one place that says "unknown key 'weight_decay' (did you mean 'weightDecay'?)".
 * Optimizer options, schedule specs, model options, trainer and sweep configs and CLI flags all use it,
 * so a misspelled option is an error everywhere instead of being ignored.
 */

/** Levenshtein distance (insert, delete, substitute each cost 1), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost));
    }
    prev = row;
  }
  return prev[t.length];
}

/** Normalizes `weight_decay`, `weight-decay`, `weightDecay` to one form for matching. */
function squash(name: string): string {
  return name.replace(/[-_\s]/g, '').toLowerCase();
}

/**
 * The candidate closest to `name`, or undefined when none is close (distance over a third of the
 * longer name). Spelling variants that differ only in case, `_` or `-` always match.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = squash(c) === squash(name) ? 0 : editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)) ? best : undefined;
}

/** `'x' (did you mean 'y'?)` or `'x'`, for error messages. */
export function describeUnknown(name: string, candidates: readonly string[]): string {
  const hint = closestName(name, candidates);
  return hint === undefined ? `'${name}'` : `'${name}' (did you mean '${hint}'?)`;
}

/**
 * Throws when `obj` has a key outside `allowed`, naming every unknown key, the closest valid key for
 * each, and the valid keys. `what` names the object in the message (e.g. `Adam options`).
 */
export function assertKnownKeys(what: string, obj: object, allowed: readonly string[]): void {
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  if (unknown.length === 0) return;
  const list = unknown.map((k) => describeUnknown(k, allowed)).join(', ');
  throw new Error(`${what}: unknown key${unknown.length > 1 ? 's' : ''} ${list}; valid keys: ${allowed.join(', ')}`);
}
