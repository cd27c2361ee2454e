// MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP. USAGE follows
// Redis's own accounting for strings (object-size.ts); STATS has Redis's
// field names with values measured from this Node process.

import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';
import { NOT_INTEGER, SYNTAX } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import type { Server } from '../../server/server.js';
import type { CommandContext } from '../context.js';
import { containerRun, defineCommand } from '../spec.js';
import { replyHelp } from './help.js';
import { keyMemoryUsage } from './object-size.js';

const MEMORY_HELP = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

const STATS_TIPS = ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'] as const;

/** What this process has allocated: the V8 heap in use plus memory held outside it (Buffers). */
function allocatedBytes(): { allocated: number; mu: NodeJS.MemoryUsage } {
  const mu = process.memoryUsage();
  return { allocated: mu.heapUsed + mu.external + mu.arrayBuffers, mu };
}

/** Allocation at start-up (measured on first use per server) and the peak, as Redis's startup/peak counters. */
const baselines = new WeakMap<Server, { startup: number; peak: number }>();

function memoryBaseline(server: Server, allocated: number): { startup: number; peak: number } {
  let b = baselines.get(server);
  if (b === undefined) {
    b = { startup: allocated, peak: allocated };
    baselines.set(server, b);
  }
  if (allocated > b.peak) b.peak = allocated;
  return b;
}

function replyStats(ctx: CommandContext): void {
  const server = ctx.server;
  const { allocated, mu } = allocatedBytes();
  const base = memoryBaseline(server, allocated);
  const clientsNormal = server.clients.size * 1024;
  const dbs = server.keyspace.dbs.filter((db) => db.size > 0 || db.expires.size > 0);
  // Hash table overhead as Redis computes it: buckets (8 bytes each) + entries (24 bytes each).
  const tableBytes = (n: number) => (n === 0 ? 0 : 2 ** Math.ceil(Math.log2(Math.max(4, n))) * 8 + n * 24);
  let overhead = base.startup + clientsNormal;
  for (const db of dbs) overhead += tableBytes(db.size) + tableBytes(db.expires.size);
  let keys = 0;
  for (const db of dbs) keys += db.size;
  // As Redis's getMemoryOverheadData: the dataset is what is allocated beyond the overhead.
  const dataset = Math.max(0, allocated - overhead);
  const netAllocated = Math.max(allocated - base.startup, 1);
  const r = ctx.reply;
  const pairs: [string, () => void][] = [
    ['peak.allocated', () => r.integer(base.peak)],
    ['total.allocated', () => r.integer(allocated)],
    ['startup.allocated', () => r.integer(base.startup)],
    ['replication.backlog', () => r.integer(0)],
    ['clients.slaves', () => r.integer(0)],
    ['clients.normal', () => r.integer(clientsNormal)],
    ['cluster.links', () => r.integer(0)],
    ['aof.buffer', () => r.integer(0)],
    ['lua.caches', () => r.integer(0)],
    ['functions.caches', () => r.integer(0)],
  ];
  for (const db of dbs) {
    pairs.push([`db.${db.id}`, () => {
      r.map(3);
      r.bulk('overhead.hashtable.main');
      r.integer(tableBytes(db.size));
      r.bulk('overhead.hashtable.expires');
      r.integer(tableBytes(db.expires.size));
      r.bulk('overhead.hashtable.slot-to-keys');
      r.integer(0);
    }]);
  }
  pairs.push(
    ['overhead.total', () => r.integer(overhead)],
    ['keys.count', () => r.integer(keys)],
    ['keys.bytes-per-key', () => r.integer(keys === 0 ? 0 : Math.floor(netAllocated / keys))],
    ['dataset.bytes', () => r.integer(dataset)],
    ['dataset.percentage', () => r.double((dataset * 100) / netAllocated)],
    ['peak.percentage', () => r.double((allocated * 100) / base.peak)],
    ['allocator.allocated', () => r.integer(mu.heapUsed)],
    ['allocator.active', () => r.integer(mu.heapTotal)],
    ['allocator.resident', () => r.integer(mu.rss)],
    ['allocator-fragmentation.ratio', () => r.double(mu.heapTotal / Math.max(mu.heapUsed, 1))],
    ['allocator-fragmentation.bytes', () => r.integer(mu.heapTotal - mu.heapUsed)],
    ['allocator-rss.ratio', () => r.double(mu.rss / Math.max(mu.heapTotal, 1))],
    ['allocator-rss.bytes', () => r.integer(mu.rss - mu.heapTotal)],
    ['rss-overhead.ratio', () => r.double(1)],
    ['rss-overhead.bytes', () => r.integer(0)],
    ['fragmentation', () => r.double(mu.rss / Math.max(allocated, 1))],
    ['fragmentation.bytes', () => r.integer(mu.rss - allocated)],
  );
  r.map(pairs.length);
  for (const [name, value] of pairs) {
    r.bulk(name);
    value();
  }
}

/** Redis's getMemoryDoctorReport, judged on this process's numbers. */
function memoryDoctor(server: Server): string {
  const { allocated, mu } = allocatedBytes();
  const base = memoryBaseline(server, allocated);
  // Redis calls an instance empty under 5 MB allocated; here the runtime's own start-up heap is not counted.
  if (allocated - base.startup < 5 * 1024 * 1024) {
    return "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be used in these conditions. Please, leave for your mission on Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
  }
  const issues: string[] = [];
  if (base.peak / allocated > 1.5) {
    issues.push(' * Peak memory: In the past this instance used more than 150% the memory that is currently using. The allocator is normally not able to release memory after a peak, so you can expect to see a big fragmentation ratio, however this is actually harmless and is only due to the memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than expected, the memory will be used as soon as you fill the Redis instance with more data. If the memory peak was only occasional and you want to try to reclaim memory, please try the MEMORY PURGE command, otherwise the only other option is to shutdown and restart the instance.\n\n');
  }
  const frag = mu.heapTotal / Math.max(mu.heapUsed, 1);
  if (frag > 1.1 && mu.heapTotal - mu.heapUsed > 10 * 1024 * 1024) {
    issues.push(` * High allocator fragmentation: This instance has an allocator external fragmentation greater than 1.1. This problem is usually due either to a large peak memory (check if there is a peak memory entry above in the report) or may result from a workload that causes the allocator to fragment memory a lot. You can try enabling 'activedefrag' config option.\n\n`);
  }
  if (issues.length === 0) {
    return "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs on this base.\n";
  }
  return `Sam, I detected a few issues in this Redis instance memory implants:\n\n${issues.join('')}I'm here to keep you safe, Sam. I want to help you.\n`;
}

export const memory = defineCommand({
  name: 'memory',
  arity: -2,
  flags: [],
  docs: { summary: 'A container for memory diagnostics commands', since: '4.0.0', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [
    defineCommand({
      name: 'purge',
      arity: 2,
      flags: [],
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      docs: { summary: 'Ask the allocator to release memory', since: '4.0.0', group: 'server', complexity: 'Depends on how much memory is allocated, could be slow' },
      run(ctx) {
        // Node exposes no allocator purge without --expose-gc; when it is exposed, collect.
        const gc = (globalThis as { gc?: () => void }).gc;
        if (gc !== undefined) gc();
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      docs: { summary: 'Show helpful text about the different subcommands', since: '4.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        replyHelp(ctx, 'MEMORY', MEMORY_HELP);
      },
    }),
    defineCommand({
      name: 'usage',
      arity: -3,
      flags: ['readonly'],
      keys: [{ flags: ['RO'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
      docs: {
        summary: 'Estimate the memory usage of a key', since: '4.0.0', group: 'server', complexity: 'O(N) where N is the number of samples.',
        arguments: [
          { name: 'key', type: 'key', keySpecIndex: 0 },
          { name: 'count', type: 'integer', token: 'SAMPLES', flags: ['optional'] },
        ],
      },
      run(ctx, argv) {
        for (let j = 3; j < argv.length; j++) {
          if (argv[j]!.toLowerCase() === 'samples' && j + 1 < argv.length) {
            const n = parseInt64(argv[j + 1]!);
            if (n === null) throw NOT_INTEGER;
            if (n < 0) throw SYNTAX;
            j++;
          } else {
            throw SYNTAX;
          }
        }
        // As Redis: a plain dictFind (no lazy expiry, no access-time update).
        const key = argv[2]!;
        const value = ctx.db.dict.get(key);
        if (value === undefined) {
          ctx.reply.null();
          return;
        }
        ctx.reply.integer(keyMemoryUsage(key, value));
      },
    }),
    defineCommand({
      name: 'doctor',
      arity: 2,
      flags: [],
      tips: STATS_TIPS,
      docs: { summary: 'Outputs memory problems report', since: '4.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        ctx.reply.verbatim(memoryDoctor(ctx.server));
      },
    }),
    defineCommand({
      name: 'malloc-stats',
      arity: 2,
      flags: [],
      tips: STATS_TIPS,
      docs: { summary: 'Show allocator internal stats', since: '4.0.0', group: 'server', complexity: 'Depends on how much memory is allocated, could be slow' },
      run(ctx) {
        // Redis prints jemalloc's report; the V8 heap spaces are this process's equivalent.
        ctx.reply.verbatim(mallocStats());
      },
    }),
    defineCommand({
      name: 'stats',
      arity: 2,
      flags: [],
      tips: STATS_TIPS,
      docs: { summary: 'Show memory usage details', since: '4.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        replyStats(ctx);
      },
    }),
  ],
  run: containerRun,
});

function mallocStats(): string {
  const h = getHeapStatistics();
  let out = '___ Begin V8 heap statistics ___\n';
  for (const [k, v] of Object.entries(h)) out += `${k}: ${v}\n`;
  out += 'spaces:                  size        used   available    physical\n';
  for (const s of getHeapSpaceStatistics()) {
    out += `${s.space_name.padEnd(22)} ${String(s.space_size).padStart(10)} ${String(s.space_used_size).padStart(11)} ` +
      `${String(s.space_available_size).padStart(11)} ${String(s.physical_space_size).padStart(10)}\n`;
  }
  return out + '--- End V8 heap statistics ---\n';
}
