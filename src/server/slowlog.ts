// SLOWLOG entries, recorded by the dispatcher for commands slower than
// slowlog-log-slower-than microseconds (Redis's slowlog.c rules for argv trimming).

export interface SlowlogEntry {
  id: number;
  timestampSec: number;
  durationUs: number;
  argv: string[];
  addr: string;
  name: string;
}

const MAX_ARGC = 32;
const MAX_ARG_LEN = 128;

export class SlowLog {
  entries: SlowlogEntry[] = [];
  private nextId = 0;

  record(argv: readonly string[], durationUs: number, nowMs: number, addr: string, name: string, maxLen: number): void {
    const argc = Math.min(argv.length, MAX_ARGC);
    const kept: string[] = [];
    for (let i = 0; i < argc; i++) {
      if (argc !== argv.length && i === argc - 1) {
        kept.push(`... (${argv.length - argc + 1} more arguments)`);
        break;
      }
      const a = argv[i]!;
      kept.push(a.length > MAX_ARG_LEN ? `${a.slice(0, MAX_ARG_LEN)}... (${a.length - MAX_ARG_LEN} more bytes)` : a);
    }
    this.entries.unshift({ id: this.nextId++, timestampSec: Math.floor(nowMs / 1000), durationUs, argv: kept, addr, name });
    this.trim(maxLen);
  }

  trim(maxLen: number): void {
    if (this.entries.length > maxLen) this.entries.length = Math.max(0, maxLen);
  }

  reset(): void {
    this.entries = [];
  }
}
