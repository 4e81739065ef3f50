import { describe, expect, it } from 'vitest';
import { sparkline } from '../src/report/sparkline.js';

describe('sparkline', () => {
  it('maps the minimum to the lowest bar and the maximum to the highest', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▁▁▁');
    expect(sparkline([1, Number.NaN, 3], 10)).toBe('▁█');
  });
});
