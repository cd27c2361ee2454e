// SLOWLOG GET [count] / LEN / RESET / HELP over the entries the dispatcher
// records (src/server/slowlog.ts), as Redis 7.0's slowlogCommand.

import { SLOWLOG_COUNT, subcommandSyntax } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import { containerRun, defineCommand } from '../spec.js';
import { replyHelp } from './help.js';

const SLOWLOG_HELP = [
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
];

const FLAGS = ['admin', 'loading', 'stale'] as const;

export const slowlog = defineCommand({
  name: 'slowlog',
  arity: -2,
  flags: [],
  docs: { summary: 'A container for slow log commands', since: '2.2.12', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [
    defineCommand({
      name: 'len',
      arity: 2,
      flags: FLAGS,
      tips: ['request_policy:all_nodes', 'response_policy:agg_sum', 'nondeterministic_output'],
      docs: { summary: "Get the slow log's length", since: '2.2.12', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        ctx.reply.integer(ctx.server.slowlog.entries.length);
      },
    }),
    defineCommand({
      name: 'reset',
      arity: 2,
      flags: FLAGS,
      tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
      docs: { summary: 'Clear all entries from the slow log', since: '2.2.12', group: 'server', complexity: 'O(N) where N is the number of entries in the slowlog' },
      run(ctx) {
        ctx.server.slowlog.reset();
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      docs: { summary: 'Show helpful text about the different subcommands', since: '6.2.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        replyHelp(ctx, 'SLOWLOG', SLOWLOG_HELP);
      },
    }),
    defineCommand({
      name: 'get',
      arity: -2,
      flags: FLAGS,
      tips: ['request_policy:all_nodes', 'nondeterministic_output'],
      docs: {
        summary: "Get the slow log's entries", since: '2.2.12', group: 'server', complexity: 'O(N) where N is the number of entries returned',
        history: [['4.0.0', 'Added client IP address, port and name to the reply.']],
        arguments: [{ name: 'count', type: 'integer', flags: ['optional'] }],
      },
      run(ctx, argv) {
        if (argv.length > 3) throw subcommandSyntax(argv[0]!, argv[1]!);
        const entries = ctx.server.slowlog.entries;
        let count = 10;
        if (argv.length === 3) {
          // getRangeLongFromObjectOrReply(-1, LONG_MAX) with a custom message.
          const n = parseInt64(argv[2]!);
          if (n === null || n < -1) throw SLOWLOG_COUNT;
          count = n === -1 ? entries.length : n;
        }
        const n = Math.min(count, entries.length);
        const r = ctx.reply;
        r.array(n);
        for (let i = 0; i < n; i++) {
          const e = entries[i]!;
          r.array(6);
          r.integer(e.id);
          r.integer(e.timestampSec);
          r.integer(e.durationUs);
          r.bulkArray(e.argv);
          r.bulk(e.addr);
          r.bulk(e.name);
        }
      },
    }),
  ],
  run: containerRun,
});
