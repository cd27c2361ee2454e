// The state of a data file being loaded at start-up: what INFO persistence
// shows (loading_* fields), the -LOADING gate in the dispatcher, and a
// progress line in the log every second (percent and items per second).

import type { Server } from '../server/server.js';

export class LoadingProgress {
  readonly startMs = Date.now();
  loadedBytes = 0;
  items = 0;
  private lastLogMs = this.startMs;
  private lastLogItems = 0;

  constructor(private readonly server: Server, readonly totalBytes: number, readonly unit: 'keys' | 'commands') {}

  /** Records progress; logs at most once a second. */
  update(loadedBytes: number, items: number, file: string): void {
    this.loadedBytes = loadedBytes;
    this.items = items;
    const now = Date.now();
    if (now - this.lastLogMs < 1000) return;
    const rate = Math.round(((items - this.lastLogItems) * 1000) / (now - this.lastLogMs));
    this.lastLogMs = now;
    this.lastLogItems = items;
    this.server.logger.notice(`Loading ${file}: ${this.percent.toFixed(0)}% (${mb(loadedBytes)} of ${mb(this.totalBytes)}), ${rate} ${this.unit}/s`);
  }

  get percent(): number {
    return this.totalBytes === 0 ? 0 : Math.min(100, (this.loadedBytes * 100) / this.totalBytes);
  }

  /** INFO persistence's loading_* lines (Redis 7.0's names and formats). */
  infoLines(): string[] {
    const elapsedSec = (Date.now() - this.startMs) / 1000;
    const eta = this.loadedBytes === 0 ? 1 : Math.floor((elapsedSec * (this.totalBytes - this.loadedBytes)) / this.loadedBytes);
    return [
      `loading_start_time:${Math.floor(this.startMs / 1000)}`,
      `loading_total_bytes:${this.totalBytes}`,
      'loading_rdb_used_mem:0',
      `loading_loaded_bytes:${this.loadedBytes}`,
      `loading_loaded_perc:${this.percent.toFixed(2)}`,
      `loading_eta_seconds:${eta}`,
    ];
  }
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
