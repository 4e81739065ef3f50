/**
 * Parameters of a case: one engine Parameter per `params` entry, from `init` (Math.fround of each JSON
 * number is exactly the value the reference used).
 */
import { Parameter } from '@gapkit/autodiff';
import type { Case } from './schema/case.js';

/** Creates the case's parameters by name. */
export function buildParams(c: Case): Map<string, Parameter> {
  const out = new Map<string, Parameter>();
  for (const p of c.params) {
    const dot = p.name.lastIndexOf('.');
    out.set(p.name, new Parameter(Float32Array.from(p.init), p.shape, { role: p.role, name: p.name, layer: dot > 0 ? p.name.slice(0, dot) : '' }));
  }
  return out;
}
