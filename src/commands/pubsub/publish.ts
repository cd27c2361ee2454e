// PUBLISH and SPUBLISH: deliver through the hub, reply with the number of
// deliveries (a client matching both a channel and a pattern counts twice).

import { defineCommand, type KeySpec } from '../spec.js';

const shardChannel: KeySpec = { flags: ['not_key'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } };

export const publish = defineCommand({
  name: 'publish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast'],
  docs: {
    summary: 'Post a message to a channel',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).',
    arguments: [
      { name: 'channel', type: 'string' },
      { name: 'message', type: 'string' },
    ],
  },
  run(ctx, argv) {
    ctx.reply.integer(ctx.server.pubsub.publish(argv[1]!, argv[2]!, ctx.client));
  },
});

export const spublish = defineCommand({
  name: 'spublish',
  arity: 3,
  flags: ['pubsub', 'loading', 'stale', 'fast'],
  keys: [shardChannel],
  docs: {
    summary: 'Post a message to a shard channel',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
    arguments: [
      { name: 'shardchannel', type: 'string' },
      { name: 'message', type: 'string' },
    ],
  },
  run(ctx, argv) {
    ctx.reply.integer(ctx.server.pubsub.spublish(argv[1]!, argv[2]!, ctx.client));
  },
});
