/**
 * The one progress bar of gapkit — for training (steps, with the current loss) and downloads (bytes).
 * On a terminal it redraws one line in place (`\r`, at most every `redrawMs`); off a terminal (CI logs,
 * pipes) it prints one plain line per interval — per epoch for training, per 10% for a download — so
 * logs stay short and readable. Each line: done / total, percent, rate (items/s or MB/s), ETA, and the
 * current loss or note.
 */

/** Where progress is written (`process.stderr` or anything with `write` and `isTTY`). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Terminal width; a redrawn line is cut to fit. */
  readonly columns?: number;
}

export interface ProgressOptions {
  /** What is progressing, e.g. `'  Adam    '` or `'cifar-10-binary.tar.gz'`. */
  readonly label: string;
  /** The expected count (steps, bytes); undefined or ≤ 0: unknown, no bar / percent / ETA. */
  readonly total?: number;
  /** `'bytes'` prints kB / MB / GB and MB/s; `'items'` (default) prints counts and `<itemName>/s`. */
  readonly unit?: 'items' | 'bytes';
  /** The items' name in the rate, e.g. `'steps'` (default `'it'`). */
  readonly itemName?: string;
  /** Default `process.stderr`. */
  readonly stream?: ProgressStream;
  /**
   * Off a terminal, a plain line each time `done` crosses a multiple of this (e.g. the steps of one
   * epoch). Default: a tenth of `total`, or every 10 MB / 1,000 items when the total is unknown.
   */
  readonly plainEvery?: number;
  /** On a terminal, the least milliseconds between redraws (default 100). */
  readonly redrawMs?: number;
  /** Clock in milliseconds (default `performance.now`); tests pass their own. */
  readonly now?: () => number;
}

/** Extra state shown at the end of the line. */
export interface ProgressInfo {
  readonly loss?: number;
  /** Free text, e.g. `'epoch 2/3'`. */
  readonly note?: string;
}

const BAR_WIDTH = 24;

/** `1234567` bytes → `'1.2 MB'`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${Math.round(bytes)} B`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

/** Seconds → `'0:07'`, `'12:34'`, `'1:02:03'`; `'--:--'` when not finite. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function formatRate(perSecond: number, unit: 'items' | 'bytes', itemName: string): string {
  if (unit === 'bytes') return `${formatBytes(perSecond)}/s`;
  const digits = perSecond >= 100 ? 0 : perSecond >= 10 ? 1 : 2;
  return `${perSecond.toFixed(digits)} ${itemName}/s`;
}

export class ProgressBar {
  private readonly label: string;
  private readonly total: number | undefined;
  private readonly unit: 'items' | 'bytes';
  private readonly itemName: string;
  private readonly stream: ProgressStream;
  private readonly plainEvery: number;
  private readonly redrawMs: number;
  private readonly now: () => number;
  private readonly started: number;
  private count = 0;
  private info: ProgressInfo = {};
  private lastDraw = Number.NEGATIVE_INFINITY;
  private lastPlainAt = 0;
  private linesWritten = 0;
  private finished = false;

  constructor(options: ProgressOptions) {
    if (typeof options.label !== 'string') throw new TypeError(`ProgressBar: label must be a string, got ${typeof options.label}`);
    for (const key of ['total', 'plainEvery', 'redrawMs'] as const) {
      const v = options[key];
      if (v !== undefined && (typeof v !== 'number' || Number.isNaN(v))) throw new TypeError(`ProgressBar: ${key} must be a number, got ${String(v)}`);
    }
    this.label = options.label;
    this.total = options.total !== undefined && options.total > 0 && Number.isFinite(options.total) ? options.total : undefined;
    this.unit = options.unit ?? 'items';
    this.itemName = options.itemName ?? 'it';
    this.stream = options.stream ?? process.stderr;
    const fallback = this.total !== undefined ? this.total / 10 : this.unit === 'bytes' ? 10e6 : 1000;
    this.plainEvery = options.plainEvery !== undefined && options.plainEvery > 0 ? options.plainEvery : fallback;
    this.redrawMs = options.redrawMs ?? 100;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** How many items so far. */
  get done(): number {
    return this.count;
  }

  /** Adds `n` items (bytes) and redraws if due. */
  tick(n = 1, info?: ProgressInfo): void {
    this.update(this.count + n, info);
  }

  /** Sets the count to `done` and redraws if due. */
  update(done: number, info?: ProgressInfo): void {
    if (!Number.isFinite(done)) throw new TypeError(`ProgressBar.update: done must be a finite number, got ${done}`);
    this.count = done;
    if (info) this.info = info;
    const now = this.now();
    if (this.stream.isTTY) {
      if (now - this.lastDraw >= this.redrawMs) this.drawInPlace(now);
      return;
    }
    const interval = Math.floor(done / this.plainEvery);
    if (interval > Math.floor(this.lastPlainAt / this.plainEvery)) this.writePlain(now);
  }

  /** Draws the final state and ends the line (off a terminal: unless that state was just printed). */
  finish(info?: ProgressInfo): void {
    if (this.finished) return;
    this.finished = true;
    if (info) this.info = info;
    const now = this.now();
    if (this.stream.isTTY) {
      this.drawInPlace(now);
      this.stream.write('\n');
    } else if (this.linesWritten === 0 || this.lastPlainAt !== this.count) {
      this.writePlain(now);
    }
  }

  /** The line for the current state; `withBar` adds `[#####-----]`. */
  render(now: number, withBar: boolean): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = this.count / seconds;
    const amount = (v: number) => (this.unit === 'bytes' ? formatBytes(v) : String(Math.round(v)));
    const parts = [this.label];
    if (this.total !== undefined) {
      const frac = Math.min(1, Math.max(0, this.count / this.total));
      if (withBar) {
        const filled = Math.round(frac * BAR_WIDTH);
        parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`);
      }
      parts.push(`${String(Math.floor(frac * 100)).padStart(3)}%`);
      const of = this.unit === 'bytes' ? `${amount(this.count)} / ${amount(this.total)}` : `${amount(this.count)}/${amount(this.total)} ${this.itemName}`;
      parts.push(of);
    } else {
      parts.push(this.unit === 'bytes' ? amount(this.count) : `${amount(this.count)} ${this.itemName}`);
    }
    parts.push(formatRate(rate, this.unit, this.itemName));
    if (this.total !== undefined) {
      const left = this.count >= this.total ? 0 : rate > 0 ? (this.total - this.count) / rate : Number.NaN;
      parts.push(this.count >= this.total ? `in ${formatDuration(seconds)}` : `ETA ${formatDuration(left)}`);
    }
    if (this.info.loss !== undefined) parts.push(`loss ${Number.isFinite(this.info.loss) ? this.info.loss.toFixed(4) : String(this.info.loss)}`);
    if (this.info.note) parts.push(this.info.note);
    return parts.join('  ');
  }

  private drawInPlace(now: number): void {
    this.lastDraw = now;
    let line = this.render(now, true);
    const columns = this.stream.columns;
    if (columns !== undefined && columns > 1 && line.length > columns - 1) line = line.slice(0, columns - 1);
    // \x1b[K clears what a longer previous line left to the right.
    this.stream.write(`\r${line}\x1b[K`);
  }

  private writePlain(now: number): void {
    this.lastPlainAt = this.count;
    this.linesWritten++;
    this.stream.write(`${this.render(now, false)}\n`);
  }
}
