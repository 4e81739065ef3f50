/**
 * A case that leaves a hyperparameter out gets gapkit's documented default for it — the default is
 * written once, in the optimizer's file, not again in the runner (Padam's p: 0.125, PADAM_DEFAULTS).
 */
import { PADAM_DEFAULTS } from '@gapkit/optimizers';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/parse-case.js';
import { runCase } from '../src/run.js';
import { SYNTHETIC, type SyntheticSpec, syntheticCase } from './synthetic.js';

const padam = SYNTHETIC.find((s) => s.name === 'syn_padam_noams') as SyntheticSpec;

describe('omitted hyper keys take gapkit’s defaults', () => {
  it('Padam without `partial` runs with p = PADAM_DEFAULTS.p', () => {
    const { partial: _p, ...rest } = padam.hyper;
    const expected = syntheticCase({ ...padam, hyper: { ...rest, partial: PADAM_DEFAULTS.p } });
    const r = runCase(parseCase({ ...expected, hyper: rest }, 'padam.json'));
    expect(r.error).toBeUndefined();
    expect(r.passed).toBe(true);
  });
  it('… and not with another p (the check can fail)', () => {
    const { partial: _p, ...rest } = padam.hyper;
    const other = syntheticCase({ ...padam, hyper: { ...rest, partial: 0.25 } });
    expect(runCase(parseCase({ ...other, hyper: rest }, 'padam.json')).passed).toBe(false);
  });
});
