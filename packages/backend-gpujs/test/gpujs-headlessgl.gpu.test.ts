import { describe, it } from 'vitest';
import { modeSupport } from '../src/gpujs-adapter.js';
import { paritySuite } from './parity.js';

// Runs only where the native `gl` package is built and an X display exists (`xvfb-run -a pnpm test`).
const support = modeSupport('headlessgl');
if (support.supported) paritySuite('headlessgl', 8);
else {
  console.warn(`[gpujs] headlessgl parity tests skipped: ${support.reason}`);
  describe.skip(`gpu.js headlessgl (skipped: ${support.reason})`, () => it('parity', () => {}));
}
