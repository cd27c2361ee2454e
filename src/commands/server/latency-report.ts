// LATENCY DOCTOR's report and LATENCY GRAPH's ASCII sparkline, ported in
// behaviour from Redis 7.0's latency.c and sparkline.c (same texts, same
// statistics, same rendering), over respite's LatencyMonitor.

import { readFileSync } from 'node:fs';
import type { LatencyEvent } from '../../server/slowlog.js';
import type { Server } from '../../server/server.js';

interface LatencyStats { samples: number; avg: number; mad: number; period: number }

/** Redis's analyzeLatencyForEvent. */
function analyze(ev: LatencyEvent, nowSec: number): LatencyStats {
  const n = ev.samples.length;
  if (n === 0) return { samples: 0, avg: 0, mad: 0, period: 0 };
  let sum = 0;
  let oldest = 0;
  for (const s of ev.samples) {
    sum += s.latencyMs;
    if (oldest === 0 || s.timeSec < oldest) oldest = s.timeSec;
  }
  const avg = Math.floor(sum / n);
  let period = nowSec - oldest;
  if (period === 0) period = 1;
  let dev = 0;
  for (const s of ev.samples) dev += Math.abs(avg - s.latencyMs);
  return { samples: n, avg, mad: Math.floor(dev / n), period };
}

/** AnonHugePages of this process, as Redis's THPGetAnonHugePagesSize (0 where unknown). */
function anonHugePagesBytes(): number {
  try {
    const m = /AnonHugePages:\s+(\d+) kB/.exec(readFileSync('/proc/self/smaps_rollup', 'latin1'));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0;
  }
}

const ADVICE = {
  slowlogInspect: "- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n",
  scheduler: '- The system is slow to execute Redis code paths not containing system calls. This usually means the system does not provide Redis CPU time to run for long periods. You should try to:\n' +
    '  1) Lower the system load.\n' +
    '  2) Use a computer / VM just for Redis if you are running other software in the same system.\n' +
    '  3) Check if you have a "noisy neighbour" problem.\n' +
    "  4) Check with 'redis-cli --intrinsic-latency 100' what is the intrinsic latency in your system.\n" +
    '  5) Check if the problem is allocator-related by recompiling Redis with MALLOC=libc, if you are using Jemalloc. However this may create fragmentation problems.\n',
  hz: "- In order to make the Redis keys expiring process more incremental, try to set the 'hz' configuration parameter to 100 using 'CONFIG SET hz 100'.\n",
  largeObjects: '- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n',
  massEviction: "- Sudden changes to the 'maxmemory' setting via 'CONFIG SET', or allocation of large objects via sets or sorted sets intersections, STORE option of SORT, Redis Cluster large keys migrations (RESTORE command), may create sudden memory pressure forcing the server to block trying to evict keys. \n",
  thp: "- I detected a non zero amount of anonymous huge pages used by your process. This creates very serious latency events in different conditions, especially when Redis is persisting on disk. To disable THP support use the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled', make sure to also add it into /etc/rc.local so that the command will be executed again after a reboot. Note that even if you have already disabled THP, you still need to restart the Redis process to get rid of the huge pages already created.\n",
};

/**
 * Redis's createLatencyReport, for the events respite records (command,
 * fast-command, expire-cycle, eviction-*). Persistence events never occur here.
 */
export function latencyDoctor(server: Server): string {
  const monitor = server.latency;
  const thresholdMs = server.config.num('latency-monitor-threshold');
  if (monitor.events.size === 0 && thresholdMs === 0) {
    return 'I\'m sorry, Dave, I can\'t do that. Latency monitoring is disabled in this Redis instance. You may use "CONFIG SET latency-monitor-threshold <milliseconds>." in order to enable it. If we weren\'t in a deep space mission I\'d suggest to take a look at https://redis.io/topics/latency-monitor.\n';
  }
  const nowSec = Math.floor(server.keyspace.clock.now() / 1000);
  const slowerThan = server.config.num('slowlog-log-slower-than');
  const advise = { slowlogEnabled: false, slowlogTuning: false, slowlogInspect: false, scheduler: false, hz: false, largeObjects: false, massEviction: false, thp: false };
  let advices = 0;
  let report = '';
  let eventnum = 0;
  for (const [name, ev] of monitor.events) {
    eventnum++;
    if (eventnum === 1) report += "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n";
    const ls = analyze(ev, nowSec);
    report += `${eventnum}. ${name}: ${ls.samples} latency spikes (average ${ls.avg}ms, mean deviation ${ls.mad}ms, period ${(ls.period / ls.samples).toFixed(2)} sec). Worst all time event ${ev.maxMs}ms.`;
    const lower = name.toLowerCase();
    if (lower === 'command') {
      if (slowerThan < 0) {
        advise.slowlogEnabled = true;
        advices++;
      } else if (Math.trunc(slowerThan / 1000) > thresholdMs) {
        advise.slowlogTuning = true;
        advices++;
      }
      advise.slowlogInspect = true;
      advise.largeObjects = true;
      advices += 2;
    } else if (lower === 'fast-command') {
      advise.scheduler = true;
      advices++;
    } else if (lower === 'expire-cycle') {
      advise.hz = true;
      advise.largeObjects = true;
      advices += 2;
    } else if (lower === 'eviction-del') {
      advise.largeObjects = true;
      advices++;
    } else if (lower === 'eviction-cycle') {
      advise.massEviction = true;
      advices++;
    }
    report += '\n';
  }
  if (anonHugePagesBytes() > 0) {
    advise.thp = true;
    advices++;
  }
  if (eventnum === 0 && advices === 0) {
    return report + 'Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n';
  }
  if (eventnum > 0 && advices === 0) {
    return report + "\nWhile there are latency events logged, I'm not able to suggest any easy fix. Please use the Redis community to get some help, providing this report in your help request.\n";
  }
  report += '\nI have a few advices for you:\n\n';
  if (advise.slowlogEnabled) {
    report += `- There are latency issues with potentially slow commands you are using. Try to enable the Slow Log Redis feature using the command 'CONFIG SET slowlog-log-slower-than ${thresholdMs * 1000}'. If the Slow log is disabled Redis is not able to log slow commands execution for you.\n`;
  }
  if (advise.slowlogTuning) {
    report += `- Your current Slow Log configuration only logs events that are slower than your configured latency monitor threshold. Please use 'CONFIG SET slowlog-log-slower-than ${thresholdMs * 1000}'.\n`;
  }
  if (advise.slowlogInspect) report += ADVICE.slowlogInspect;
  if (advise.scheduler) report += ADVICE.scheduler;
  if (advise.hz && server.config.num('hz') < 100) report += ADVICE.hz;
  if (advise.largeObjects) report += ADVICE.largeObjects;
  if (advise.massEviction) report += ADVICE.massEviction;
  if (advise.thp) report += ADVICE.thp;
  return report;
}

const CHARSET_FILL = '_o#';
const COLS = 80;
const ROWS = 4;

interface Sample { value: number; label: string }

/** sparklineRenderRange with SPARKLINE_FILL, linear scale. */
function renderRange(seq: readonly Sample[], min: number, max: number, offset: number, len: number): string {
  let relmax = max - min;
  if (relmax === 0) relmax = 1;
  const charsetLen = CHARSET_FILL.length;
  const steps = charsetLen * ROWS;
  let out = '';
  for (let row = 0; ; row++) {
    let loop = false;
    const chars: string[] = new Array<string>(len).fill(' ');
    for (let j = 0; j < len; j++) {
      const s = seq[j + offset]!;
      // As C: (int)(relval*steps) / relmax, truncated again into an int.
      let step = Math.trunc(Math.trunc((s.value - min) * steps) / relmax);
      if (step < 0) step = 0;
      if (step >= steps) step = steps - 1;
      if (row < ROWS) {
        const charidx = step - (ROWS - row - 1) * charsetLen;
        loop = true;
        if (charidx >= 0 && charidx < charsetLen) chars[j] = CHARSET_FILL[charidx]!;
        else if (charidx >= charsetLen) chars[j] = '|';
      } else {
        // One row of margin above the labels (every sample has a label here).
        if (row - ROWS < 1) {
          loop = true;
          break;
        }
        const labelChar = row - ROWS - 1;
        if (s.label.length > labelChar) {
          loop = true;
          chars[j] = s.label[labelChar]!;
        }
      }
    }
    if (!loop) return out;
    out += chars.join('') + '\n';
  }
}

/** LATENCY GRAPH <event>: Redis's latencyCommandGenSparkeline. */
export function latencyGraph(name: string, ev: LatencyEvent, nowSec: number): string {
  const seq: Sample[] = [];
  let min = 0;
  let max = 0;
  for (const s of ev.samples) {
    if (seq.length === 0) {
      min = max = s.latencyMs;
    } else {
      if (s.latencyMs > max) max = s.latencyMs;
      if (s.latencyMs < min) min = s.latencyMs;
    }
    const elapsed = nowSec - s.timeSec;
    const label = elapsed < 60 ? `${elapsed}s` : elapsed < 3600 ? `${Math.trunc(elapsed / 60)}m`
      : elapsed < 86400 ? `${Math.trunc(elapsed / 3600)}h` : `${Math.trunc(elapsed / 86400)}d`;
    seq.push({ value: s.latencyMs, label });
  }
  let graph = `${name} - high ${max} ms, low ${min} ms (all time high ${ev.maxMs} ms)\n${'-'.repeat(COLS)}\n`;
  // The sequence's own min/max (sparklineSequenceAddSample) equal the ones above.
  for (let j = 0; j < seq.length; j += COLS) {
    if (j !== 0) graph += '\n';
    graph += renderRange(seq, min, max, j, Math.min(COLS, seq.length - j));
  }
  return graph;
}
