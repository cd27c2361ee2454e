// Log lines in Redis's format: "<pid>:M 25 Nov 2026 20:41:46.123 * message",
// with Redis's level marks (. debug, - verbose, * notice, # warning).

import { appendFileSync } from 'node:fs';

const LEVELS = ['debug', 'verbose', 'notice', 'warning'] as const;
const MARKS = ['.', '-', '*', '#'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export class Logger {
  private threshold: number;

  /**
   * @param file path to append to; '' or null writes to stdout
   * @param silent drop everything (embedded use)
   */
  constructor(level: string, private readonly file: string | null, private readonly silent = false) {
    this.threshold = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  }

  set level(level: string) {
    this.threshold = Math.max(0, LEVELS.indexOf(level as (typeof LEVELS)[number]));
  }

  debug(msg: string): void { this.log(0, msg); }
  verbose(msg: string): void { this.log(1, msg); }
  notice(msg: string): void { this.log(2, msg); }
  warning(msg: string): void { this.log(3, msg); }

  /** Writes `msg` at `level` (0 debug … 3 warning) if it passes the threshold. */
  log(level: number, msg: string): void {
    if (this.silent || level < this.threshold) return;
    const d = new Date();
    const stamp = `${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ` +
      `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
    const line = `${process.pid}:M ${stamp} ${MARKS[level]} ${msg}\n`;
    if (this.file) appendFileSync(this.file, line);
    else process.stdout.write(line);
  }
}
