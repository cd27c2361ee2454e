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

/** One latency sample: when (seconds) and how long (milliseconds). */
export interface LatencySample {
  timeSec: number;
  latencyMs: number;
}

/** Samples kept per event (Redis's LATENCY_TS_LEN). */
const LATENCY_TS_LEN = 160;

export interface LatencyEvent {
  samples: LatencySample[];
  maxMs: number;
}

/**
 * The latency monitor (Redis's latency.c): per event, a ring of the latest
 * spikes above latency-monitor-threshold, one sample per second (the worst).
 */
export class LatencyMonitor {
  readonly events = new Map<string, LatencyEvent>();

  addSample(event: string, latencyMs: number, nowSec: number): void {
    let ev = this.events.get(event);
    if (ev === undefined) {
      ev = { samples: [], maxMs: 0 };
      this.events.set(event, ev);
    }
    if (latencyMs > ev.maxMs) ev.maxMs = latencyMs;
    const last = ev.samples[ev.samples.length - 1];
    if (last !== undefined && last.timeSec === nowSec) {
      if (latencyMs > last.latencyMs) last.latencyMs = latencyMs;
      return;
    }
    ev.samples.push({ timeSec: nowSec, latencyMs });
    if (ev.samples.length > LATENCY_TS_LEN) ev.samples.shift();
  }

  /** Resets the named events (all when none given); returns how many existed. */
  reset(names: readonly string[]): number {
    if (names.length === 0) {
      const n = this.events.size;
      this.events.clear();
      return n;
    }
    let n = 0;
    for (const name of names) if (this.events.delete(name)) n++;
    return n;
  }
}
