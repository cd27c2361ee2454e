// Per-command latency histograms for LATENCY HISTOGRAM, equivalent to the
// HdrHistogram Redis 7.0 keeps (1 ns .. 1 s, 2 significant digits) as read
// through its log iterator: power-of-two buckets from 1024 ns.

import type { RegisteredCommand } from '../registry.js';

/** Redis's LATENCY_HISTOGRAM_MAX_VALUE: 1 second, in ns. */
const MAX_NS = 1_000_000_000;
/** First reporting level: 2^10 ns. */
const FIRST_LOG2 = 10;

/** Highest value HdrHistogram (2 significant digits) counts as equal to 2^n. */
function highestEquivalent(n: number): number {
  return 2 ** n + 2 ** (n - 7) - 1;
}

/** highestEquivalent for the levels a recorded value can reach (up to 1 s), looked up on every call. */
const HIGHEST = Array.from({ length: 32 }, (_, n) => highestEquivalent(n));

/** Called by the dispatcher after each call (when latency-tracking is on). */
export function recordLatency(cmd: RegisteredCommand, elapsedUs: number): void {
  // Redis records whole microseconds as nanoseconds, clamped to [1 ns, 1 s].
  const ns = Math.min(MAX_NS, Math.floor(elapsedUs) * 1000);
  let n = FIRST_LOG2;
  while (ns > HIGHEST[n]!) n++;
  const buckets = cmd.latencyBuckets ?? (cmd.latencyBuckets = []);
  const i = n - FIRST_LOG2;
  while (buckets.length <= i) buckets.push(0);
  buckets[i]!++;
}

/** [micros, cumulative count] pairs for the non-empty buckets, as Redis's fillCommandCDF. */
export function histogramPoints(buckets: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let cumulative = 0;
  buckets.forEach((count, i) => {
    if (count === 0) return;
    cumulative += count;
    out.push([Math.floor(highestEquivalent(i + FIRST_LOG2) / 1000), cumulative]);
  });
  return out;
}

export function totalCalls(buckets: readonly number[]): number {
  let n = 0;
  for (const c of buckets) n += c;
  return n;
}
