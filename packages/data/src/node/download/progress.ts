/**
 * A download progress bar for a terminal stream (stderr): redrawn in place on a TTY at most ten times a
 * second, otherwise one line per 10% so logs stay short.
 */

/** Where progress is written (a `process.stderr`-like stream). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

const WIDTH = 30;

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** Tracks bytes received for one file and renders a bar. */
export class ProgressBar {
  private readonly out: ProgressStream;
  private readonly label: string;
  private readonly total: number | undefined;
  private readonly started = Date.now();
  private lastDraw = 0;
  private lastDecile = -1;
  private received = 0;

  /** `total` is the expected byte count (undefined: unknown, shows bytes only). */
  constructor(out: ProgressStream, label: string, total: number | undefined) {
    this.out = out;
    this.label = label;
    this.total = total !== undefined && total > 0 ? total : undefined;
  }

  /** Records `bytes` more bytes and redraws if due. */
  tick(bytes: number): void {
    this.received += bytes;
    const now = Date.now();
    if (this.out.isTTY) {
      if (now - this.lastDraw >= 100) {
        this.lastDraw = now;
        this.out.write(`\r${this.render(now)}`);
      }
      return;
    }
    const decile = this.total ? Math.floor((10 * this.received) / this.total) : Math.floor(this.received / 10e6);
    if (decile > this.lastDecile) {
      this.lastDecile = decile;
      this.out.write(`${this.render(now)}\n`);
    }
  }

  /** Draws the final state and ends the line. */
  done(): void {
    const line = this.render(Date.now());
    this.out.write(this.out.isTTY ? `\r${line}\n` : `${line}\n`);
  }

  /** The bar text, e.g. `cifar-10-binary.tar.gz [#######-------] 45%  76.5/170.1 MB  3.2 MB/s`. */
  render(now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const rate = `${mb(this.received / seconds)} MB/s`;
    if (!this.total) return `${this.label} ${mb(this.received)} MB  ${rate}`;
    const frac = Math.min(1, this.received / this.total);
    const filled = Math.round(frac * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}]`;
    return `${this.label} ${bar} ${String(Math.floor(frac * 100)).padStart(3)}%  ${mb(this.received)}/${mb(this.total)} MB  ${rate}`;
  }
}
