// Progress of a long import or export: a redrawn bar when the log goes to a
// terminal, otherwise a plain log line every few seconds (files and pipes
// must not fill up with carriage returns).

const BAR_WIDTH = 30;
const TTY_REDRAW_MS = 100;
const LOG_EVERY_MS = 5000;

export interface ProgressTarget {
  /** A terminal to draw the bar on, or null for log lines. */
  tty: { write(s: string): unknown; columns?: number } | null;
  log: (line: string) => void;
  /** Milliseconds, monotonic (a parameter so tests need not sleep). */
  now?: () => number;
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export class Progress {
  private last = -Infinity;
  private drawn = false;
  private readonly now: () => number;

  /**
   * @param unit 'bytes' shows sizes in MB, 'keys' shows counts
   * @param total the amount at 100 %, or null when unknown (a pipe)
   */
  constructor(private readonly label: string, private readonly unit: 'bytes' | 'keys', private readonly total: number | null,
    private readonly target: ProgressTarget) {
    this.now = target.now ?? (() => performance.now());
    this.last = this.now();
  }

  private text(done: number, keys: number | null): string {
    const amount = this.unit === 'bytes'
      ? (this.total !== null ? `${mb(done)} of ${mb(this.total)}` : mb(done))
      : `${done} of ${this.total ?? '?'} keys`;
    const pct = this.total !== null && this.total > 0 ? `${Math.min(100, Math.floor((done / this.total) * 100))}% ` : '';
    return `${pct}${amount}${keys !== null ? `, ${keys} keys` : ''}`;
  }

  /** `done` in the unit; `keys` as extra information for byte progress. */
  update(done: number, keys: number | null = null): void {
    const t = this.now();
    const tty = this.target.tty;
    if (tty !== null) {
      if (t - this.last < TTY_REDRAW_MS) return;
      this.last = t;
      this.draw(done, keys);
    } else if (t - this.last >= LOG_EVERY_MS) {
      this.last = t;
      this.target.log(`${this.label}: ${this.text(done, keys)}`);
    }
  }

  private draw(done: number, keys: number | null): void {
    const frac = this.total !== null && this.total > 0 ? Math.min(1, done / this.total) : 0;
    const filled = Math.round(frac * BAR_WIDTH);
    const bar = this.total !== null ? `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ` : '';
    let line = `${this.label} ${bar}${this.text(done, keys)}`;
    const cols = this.target.tty!.columns;
    if (cols !== undefined && cols > 10 && line.length >= cols) line = line.slice(0, cols - 1);
    this.target.tty!.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  /** Draws the final state and ends the bar's line (nothing for log lines: the caller logs a summary). */
  finish(done: number, keys: number | null = null): void {
    const tty = this.target.tty;
    if (tty === null) return;
    this.draw(done, keys);
    if (this.drawn) tty.write('\n');
  }
}
