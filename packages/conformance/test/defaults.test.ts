/**
 * A case that leaves a hyperparameter out gets the registry's default for a case — written once, in
 * the registry entry, not again in the runner: the reference code's class default where the registry
 * records one (`referenceDefault`: Padam's `partial` 0.25, uclaml/Padam), else gapkit's own default.
 */
import { OPTIMIZERS } from '@gapkit/optimizers';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { runCase } from '../src/run.js';
import { SYNTHETIC, type SyntheticSpec, syntheticCase } from './synthetic.js';

const padam = SYNTHETIC.find((s) => s.name === 'syn_padam_noams') as SyntheticSpec;

const p = OPTIMIZERS.padam.hyperparameters.find((h) => h.key === 'p');
const caseDefault = p && 'referenceDefault' in p && p.referenceDefault !== undefined ? p.referenceDefault : p?.default;

describe('omitted hyper keys take the registry’s default', () => {
  it('the registry names `partial` as the reference name of p, with a default for cases', () => {
    expect(p?.reference?.key).toBe('partial');
    expect(typeof caseDefault).toBe('number');
  });
  it('Padam without `partial` runs with the registry’s p for cases', () => {
    const { partial: _p, ...rest } = padam.hyper;
    const expected = syntheticCase({ ...padam, hyper: { ...rest, partial: caseDefault } });
    const r = runCase(parseCase({ ...expected, hyper: rest }, 'padam.json'));
    expect(r.error).toBeUndefined();
    expect(r.passed).toBe(true);
  });
  it('… and not with another p (the check can fail)', () => {
    const { partial: _p, ...rest } = padam.hyper;
    const other = syntheticCase({ ...padam, hyper: { ...rest, partial: caseDefault === 0.25 ? 0.125 : 0.25 } });
    expect(runCase(parseCase({ ...other, hyper: rest }, 'padam.json')).passed).toBe(false);
  });
});
