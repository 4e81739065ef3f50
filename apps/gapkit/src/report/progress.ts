/** A one-line progress bar on stderr (redrawn in place on a TTY, a line per quarter otherwise). */
export class Progress {
  private lastDecile = -1;
  private readonly label: string;
  private readonly total: number;
  private readonly stream: NodeJS.WriteStream;

  constructor(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
    this.label = label;
    this.total = total;
    this.stream = stream;
  }

  update(done: number, extra = ''): void {
    const frac = this.total > 0 ? Math.min(1, done / this.total) : 1;
    if (this.stream.isTTY) {
      const width = 24;
      const filled = Math.round(frac * width);
      this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${extra}   `);
      if (done >= this.total) this.stream.write('\n');
      return;
    }
    const decile = Math.floor(frac * 4);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      if (decile > 0 && decile < 4) this.stream.write(`${this.label} ${(frac * 100).toFixed(0)}% ${extra}\n`);
    }
  }
}
