// PUBSUB CHANNELS / NUMSUB / NUMPAT / SHARDCHANNELS / SHARDNUMSUB / HELP:
// introspection of the hub's live subscriptions.

import { subcommandSyntax } from '../../errors.js';
import { stringMatch } from '../../util/glob.js';
import type { CommandContext } from '../context.js';
import { replyHelp } from '../server/help.js';
import { containerRun, defineCommand, type Argv } from '../spec.js';

const HELP = [
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
];

/** CHANNELS and SHARDCHANNELS take at most one pattern; more is Redis's subcommand syntax error. */
function channelList(ctx: CommandContext, argv: Argv, channels: ReadonlyMap<string, unknown>): void {
  if (argv.length > 3) throw subcommandSyntax(argv[0]!, argv[1]!);
  const pattern = argv.length === 3 ? argv[2]! : null;
  const matching: string[] = [];
  for (const name of channels.keys()) if (pattern === null || stringMatch(pattern, name)) matching.push(name);
  ctx.reply.bulkArray(matching);
}

function numsub(ctx: CommandContext, argv: Argv, count: (channel: string) => number): void {
  ctx.reply.array((argv.length - 2) * 2);
  for (let i = 2; i < argv.length; i++) {
    ctx.reply.bulk(argv[i]!);
    ctx.reply.integer(count(argv[i]!));
  }
}

export const pubsub = defineCommand({
  name: 'pubsub',
  arity: -2,
  flags: [],
  docs: {
    summary: 'A container for Pub/Sub commands',
    since: '2.8.0',
    group: 'pubsub',
    complexity: 'Depends on subcommand.',
  },
  subcommands: [
    defineCommand({
      name: 'numpat',
      arity: 2,
      flags: ['pubsub', 'loading', 'stale'],
      docs: {
        summary: 'Get the count of unique patterns pattern subscriptions',
        since: '2.8.0',
        group: 'pubsub',
        complexity: 'O(1)',
      },
      run(ctx) {
        ctx.reply.integer(ctx.server.pubsub.numpat);
      },
    }),
    defineCommand({
      name: 'channels',
      arity: -2,
      flags: ['pubsub', 'loading', 'stale'],
      docs: {
        summary: 'List active channels',
        since: '2.8.0',
        group: 'pubsub',
        complexity: 'O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)',
        arguments: [
          { name: 'pattern', type: 'pattern', flags: ['optional'] },
        ],
      },
      run(ctx, argv) {
        channelList(ctx, argv, ctx.server.pubsub.channels);
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      docs: {
        summary: 'Show helpful text about the different subcommands',
        since: '6.2.0',
        group: 'pubsub',
        complexity: 'O(1)',
      },
      run(ctx) {
        replyHelp(ctx, 'PUBSUB', HELP);
      },
    }),
    defineCommand({
      name: 'shardchannels',
      arity: -2,
      flags: ['pubsub', 'loading', 'stale'],
      docs: {
        summary: 'List active shard channels',
        since: '7.0.0',
        group: 'pubsub',
        complexity: 'O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).',
        arguments: [
          { name: 'pattern', type: 'pattern', flags: ['optional'] },
        ],
      },
      run(ctx, argv) {
        channelList(ctx, argv, ctx.server.pubsub.shardChannels);
      },
    }),
    defineCommand({
      name: 'numsub',
      arity: -2,
      flags: ['pubsub', 'loading', 'stale'],
      docs: {
        summary: 'Get the count of subscribers for channels',
        since: '2.8.0',
        group: 'pubsub',
        complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels',
        arguments: [
          { name: 'channel', type: 'string', flags: ['optional', 'multiple'] },
        ],
      },
      run(ctx, argv) {
        const hub = ctx.server.pubsub;
        numsub(ctx, argv, (ch) => hub.numsub(ch));
      },
    }),
    defineCommand({
      name: 'shardnumsub',
      arity: -2,
      flags: ['pubsub', 'loading', 'stale'],
      docs: {
        summary: 'Get the count of subscribers for shard channels',
        since: '7.0.0',
        group: 'pubsub',
        complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels',
        arguments: [
          { name: 'shardchannel', type: 'string', flags: ['optional', 'multiple'] },
        ],
      },
      run(ctx, argv) {
        const hub = ctx.server.pubsub;
        numsub(ctx, argv, (ch) => hub.shardNumsub(ch));
      },
    }),
  ],
  run: containerRun,
});
