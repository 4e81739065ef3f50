import { describe, it } from 'vitest';
import { modeSupport } from '../src/gpujs-adapter.js';
import { paritySuite } from './parity.js';

const support = modeSupport('webasm');
if (support.supported) paritySuite('webasm', 30);
else {
  console.warn(`[gpujs] webasm parity tests skipped: ${support.reason}`);
  describe.skip(`gpu.js webasm (skipped: ${support.reason})`, () => it('parity', () => {}));
}
