/** The progress bar's output, with a fake clock: plain lines off a terminal, in-place redraws on one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, ProgressBar } from '../src/index.js';

function sink(isTTY: boolean, columns?: number) {
  return { isTTY, columns, text: '', write(t: string) { this.text += t; return true; } };
}

/** A clock the test advances by hand. */
function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

describe('ProgressBar off a terminal', () => {
  it('training: one plain line per epoch with steps/s, ETA and the loss, and no repeated final line', () => {
    const out = sink(false);
    const c = clock();
    const bar = new ProgressBar({ label: 'Adam', total: 300, itemName: 'steps', plainEvery: 100, stream: out, now: c.now });
    for (let step = 1; step <= 300; step++) {
      c.advance(10); // 100 steps/s
      bar.update(step, { loss: 1 / step });
    }
    bar.finish();
    expect(out.text).not.toContain('\r');
    expect(out.text.split('\n')).toEqual([
      'Adam   33%  100/300 steps  100 steps/s  ETA 0:02  loss 0.0100',
      'Adam   66%  200/300 steps  100 steps/s  ETA 0:01  loss 0.0050',
      'Adam  100%  300/300 steps  100 steps/s  in 0:03  loss 0.0033',
      '',
    ]);
  });

  it('download: a line per 10% of the bytes, sizes and MB/s', () => {
    const out = sink(false);
    const c = clock();
    const bar = new ProgressBar({ label: 'c10.tar.gz', total: 2_000_000, unit: 'bytes', stream: out, now: c.now });
    for (let i = 0; i < 100; i++) {
      c.advance(10);
      bar.tick(20_000);
    }
    bar.finish();
    const lines = out.text.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('c10.tar.gz   10%  200.0 kB / 2.0 MB  2.0 MB/s  ETA 0:01');
    expect(lines.at(-1)).toBe('c10.tar.gz  100%  2.0 MB / 2.0 MB  2.0 MB/s  in 0:01');
  });

  it('an unknown total shows the count and rate only; finish prints a line even when no interval was crossed', () => {
    const out = sink(false);
    const c = clock();
    const bar = new ProgressBar({ label: 'g', unit: 'bytes', stream: out, now: c.now });
    c.advance(1000);
    bar.tick(2_500_000);
    bar.finish({ note: 'done' });
    bar.finish();
    expect(out.text).toBe('g  2.5 MB  2.5 MB/s  done\n');
  });

  it('a non-finite loss is shown as such, not hidden', () => {
    const out = sink(false);
    const bar = new ProgressBar({ label: 'x', total: 1, stream: out, now: () => 0 });
    bar.update(1, { loss: Number.NaN });
    expect(out.text).toContain('loss NaN');
  });

  it('property: off a terminal, the number of lines is the intervals crossed (plus a final one)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 120 }), (total, every) => {
        const out = sink(false);
        const bar = new ProgressBar({ label: 'p', total, plainEvery: every, stream: out, now: () => 0 });
        for (let i = 1; i <= total; i++) bar.update(i);
        bar.finish();
        const crossed = Math.floor(total / every);
        const lines = out.text.split('\n').length - 1;
        expect(lines).toBe(crossed + (total % every === 0 ? 0 : 1));
      }),
    );
  });
});

describe('ProgressBar on a terminal', () => {
  it('redraws one line in place at most every redrawMs, cut to the width, and ends it on finish', () => {
    const out = sink(true, 60);
    const c = clock();
    const bar = new ProgressBar({ label: 'Padam', total: 100, itemName: 'steps', stream: out, now: c.now, redrawMs: 100 });
    for (let i = 1; i <= 100; i++) {
      c.advance(20);
      bar.update(i, { loss: 0.5 });
    }
    bar.finish();
    const draws = out.text.split('\r').slice(1);
    expect(draws.length).toBe(21); // every 5th step (100 ms) plus the final draw
    for (const d of draws) expect(d.replace('\x1b[K', '').replace('\n', '').length).toBeLessThanOrEqual(59);
    expect(out.text.endsWith('\x1b[K\n')).toBe(true);
    expect(draws.at(-1)).toMatch(/^Padam {2}\[#{24}\] {2}100% {2}100\/100 steps/);
  });
});

describe('formatting', () => {
  it('bytes and durations', () => {
    expect([formatBytes(999), formatBytes(1500), formatBytes(170_498_071), formatBytes(3.2e9)]).toEqual(['999 B', '1.5 kB', '170.5 MB', '3.20 GB']);
    expect([formatDuration(7), formatDuration(754), formatDuration(3723), formatDuration(Number.NaN)]).toEqual(['0:07', '12:34', '1:02:03', '--:--']);
  });

  it('refuses a NaN count, naming it', () => {
    const bar = new ProgressBar({ label: 'x', total: 10, stream: sink(false) });
    expect(() => bar.update(Number.NaN)).toThrow('ProgressBar.update: done must be a finite number, got NaN');
  });
});
