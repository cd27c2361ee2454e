// LATENCY LATEST / HISTORY / RESET / DOCTOR / GRAPH / HISTOGRAM / HELP, as
// Redis 7.0's latencyCommand, over the LatencyMonitor (src/server/slowlog.ts)
// and the per-command histograms the dispatcher records.

import { noLatencySamples } from '../../errors.js';
import type { RegisteredCommand } from '../registry.js';
import type { CommandContext } from '../context.js';
import { containerRun, defineCommand, type CommandSpec } from '../spec.js';
import { replyHelp } from './help.js';
import { histogramPoints, totalCalls } from './latency-histogram.js';
import { latencyDoctor, latencyGraph } from './latency-report.js';

const LATENCY_HELP = [
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'GRAPH <event>',
  '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
];

const FLAGS = ['admin', 'noscript', 'loading', 'stale'] as const;
const TIPS = ['nondeterministic_output', 'request_policy:all_nodes', 'response_policy:special'] as const;

/** One command's entry of LATENCY HISTOGRAM: name → {calls, histogram_usec}. */
function replyCommandCdf(ctx: CommandContext, cmd: RegisteredCommand, buckets: readonly number[]): void {
  const r = ctx.reply;
  r.bulk(cmd.fullName);
  r.map(2);
  r.bulk('calls');
  r.integer(totalCalls(buckets));
  r.bulk('histogram_usec');
  const points = histogramPoints(buckets);
  r.map(points.length);
  for (const [us, count] of points) {
    r.integer(us);
    r.integer(count);
  }
}

/** The command and then its subcommands that have histograms (Redis's order within a container). */
function withHistograms(cmd: RegisteredCommand): RegisteredCommand[] {
  const out: RegisteredCommand[] = [];
  if (cmd.latencyBuckets !== null) out.push(cmd);
  if (cmd.subcommands !== null) for (const sub of cmd.subcommands.values()) if (sub.latencyBuckets !== null) out.push(sub);
  return out;
}

/** As lookupCommandBySds: 'get' or 'config|get'; anything else is unknown. */
function lookupByFullName(ctx: CommandContext, name: string): RegisteredCommand | undefined {
  const parts = name.split('|');
  if (parts.length > 2) return undefined;
  const base = ctx.server.commands.lookup(parts[0]!);
  if (parts.length === 1 || base === undefined) return base;
  return base.subcommands?.get(parts[1]!.toLowerCase());
}

const subcommands: CommandSpec[] = [
  defineCommand({
    name: 'doctor',
    arity: 2,
    flags: FLAGS,
    tips: TIPS,
    docs: { summary: 'Return a human readable latency analysis report.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
    run(ctx) {
      ctx.reply.verbatim(latencyDoctor(ctx.server));
    },
  }),
  defineCommand({
    name: 'latest',
    arity: 2,
    flags: FLAGS,
    tips: TIPS,
    docs: { summary: 'Return the latest latency samples for all events.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
    run(ctx) {
      const events = ctx.server.latency.events;
      ctx.reply.array(events.size);
      for (const [name, ev] of events) {
        const last = ev.samples[ev.samples.length - 1];
        ctx.reply.array(4);
        ctx.reply.bulk(name);
        ctx.reply.integer(last?.timeSec ?? 0);
        ctx.reply.integer(last?.latencyMs ?? 0);
        ctx.reply.integer(ev.maxMs);
      }
    },
  }),
  defineCommand({
    name: 'history',
    arity: 3,
    flags: FLAGS,
    tips: TIPS,
    docs: {
      summary: 'Return timestamp-latency samples for the event.', since: '2.8.13', group: 'server', complexity: 'O(1)',
      arguments: [{ name: 'event', type: 'string' }],
    },
    run(ctx, argv) {
      const ev = ctx.server.latency.events.get(argv[2]!);
      const samples = ev?.samples ?? [];
      ctx.reply.array(samples.length);
      for (const s of samples) {
        ctx.reply.array(2);
        ctx.reply.integer(s.timeSec);
        ctx.reply.integer(s.latencyMs);
      }
    },
  }),
  defineCommand({
    name: 'graph',
    arity: 3,
    flags: FLAGS,
    tips: TIPS,
    docs: {
      summary: 'Return a latency graph for the event.', since: '2.8.13', group: 'server', complexity: 'O(1)',
      arguments: [{ name: 'event', type: 'string' }],
    },
    run(ctx, argv) {
      const name = argv[2]!;
      const ev = ctx.server.latency.events.get(name);
      if (ev === undefined) throw noLatencySamples(name);
      ctx.reply.verbatim(latencyGraph(name, ev, Math.floor(ctx.keyspace.clock.now() / 1000)));
    },
  }),
  defineCommand({
    name: 'reset',
    arity: -2,
    flags: FLAGS,
    tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
    docs: {
      summary: 'Reset latency data for one or more events.', since: '2.8.13', group: 'server', complexity: 'O(1)',
      arguments: [{ name: 'event', type: 'string', flags: ['optional', 'multiple'] }],
    },
    run(ctx, argv) {
      const events = ctx.server.latency.events;
      if (argv.length === 2) {
        const n = events.size;
        events.clear();
        ctx.reply.integer(n);
        return;
      }
      // As latencyResetEvent: each name removes the events equal to it ignoring case.
      let resets = 0;
      for (let i = 2; i < argv.length; i++) {
        const wanted = argv[i]!.toLowerCase();
        for (const name of [...events.keys()]) {
          if (name.toLowerCase() === wanted) {
            events.delete(name);
            resets++;
          }
        }
      }
      ctx.reply.integer(resets);
    },
  }),
  defineCommand({
    name: 'help',
    arity: 2,
    flags: ['loading', 'stale'],
    docs: { summary: 'Show helpful text about the different subcommands.', since: '2.8.13', group: 'server', complexity: 'O(1)' },
    run(ctx) {
      replyHelp(ctx, 'LATENCY', LATENCY_HELP);
    },
  }),
  defineCommand({
    name: 'histogram',
    arity: -2,
    flags: FLAGS,
    tips: TIPS,
    docs: {
      summary: 'Return the cumulative distribution of latencies of a subset of commands or all.', since: '7.0.0', group: 'server',
      complexity: 'O(N) where N is the number of commands with latency information being retrieved.',
      arguments: [{ name: 'command', type: 'string', flags: ['optional', 'multiple'] }],
    },
    run(ctx, argv) {
      const chosen: RegisteredCommand[] = [];
      if (argv.length === 2) {
        for (const cmd of ctx.server.commands.all()) chosen.push(...withHistograms(cmd));
      } else {
        // Unknown names are skipped; a name given twice is reported twice, as Redis.
        for (let i = 2; i < argv.length; i++) {
          const cmd = lookupByFullName(ctx, argv[i]!);
          if (cmd !== undefined) chosen.push(...withHistograms(cmd));
        }
      }
      ctx.reply.map(chosen.length);
      for (const cmd of chosen) replyCommandCdf(ctx, cmd, cmd.latencyBuckets!);
    },
  }),
];

export const latency = defineCommand({
  name: 'latency',
  arity: -2,
  flags: [],
  docs: { summary: 'A container for latency diagnostics commands', since: '2.8.13', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands,
  run: containerRun,
});
