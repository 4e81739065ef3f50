/**
 * The format's names (src/schema/hyper.ts: what a case may carry, from docs/conformance/README.md) and
 * the optimizer registry (what gapkit maps them to) agree: every format optimizer has a registry entry
 * and back; every reference name the registry gives is a key of the format (the three LAWN entries
 * share one table of base options, while the format allows each base only its own keys); and every key
 * the format allows for an optimizer is mapped by its entry, fixed by it, read by the runner, or one
 * that gapkit lacks and accepts only at its neutral value.
 */
import { REGISTRY, registryEntryByReference } from '@gapkit/optimizers';
import { describe, expect, it } from 'vitest';
import { NEUTRAL, PER_STEP_KEYS, RUNNER_KEYS } from '../src/build-optimizer.js';
import { HYPER_SCHEMAS, OPTIMIZER_NAMES } from '../src/schema/hyper.js';

describe('format names ↔ registry', () => {
  it('every format optimizer name has exactly one registry entry, and every entry a format name', () => {
    expect(new Set([...REGISTRY.values()].map((e) => e.reference.optimizer))).toEqual(new Set(OPTIMIZER_NAMES));
    expect(REGISTRY.size).toBe(OPTIMIZER_NAMES.length);
  });
  it.each(OPTIMIZER_NAMES)('%s: the registry’s reference names are format keys, and every format key is handled', (name) => {
    const entry = registryEntryByReference(name);
    const allowed = new Set(Object.keys(HYPER_SCHEMAS[name].shape));
    const formatKeys = new Set(OPTIMIZER_NAMES.flatMap((n) => Object.keys(HYPER_SCHEMAS[n].shape)));
    const sameFile = OPTIMIZER_NAMES.filter((n) => registryEntryByReference(n).file === entry.file && n.endsWith('LAWN') === name.endsWith('LAWN'));
    const allowedInFamily = new Set(sameFile.flatMap((n) => Object.keys(HYPER_SCHEMAS[n].shape)));
    const mapped = new Set(entry.hyperparameters.flatMap((h) => (h.reference ? [h.reference.key] : [])));
    const perStep = [...mapped].filter((k) => PER_STEP_KEYS.has(k));
    // `lr` lists live in param_groups; the rest must be keys a case of this optimizer may carry
    for (const k of mapped) {
      if (PER_STEP_KEYS.has(k)) continue;
      expect(formatKeys, `${name}: registry reference '${k}'`).toContain(k);
      expect(name.endsWith('LAWN') ? allowedInFamily : allowed, `${name}: registry reference '${k}'`).toContain(k);
    }
    expect(perStep).toContain('lr');
    for (const k of allowed) {
      const handled = mapped.has(k) || PER_STEP_KEYS.has(k) || RUNNER_KEYS.has(k) || k in entry.fixed || k in NEUTRAL;
      expect(handled, `${name}: format key '${k}'`).toBe(true);
    }
  });
});
