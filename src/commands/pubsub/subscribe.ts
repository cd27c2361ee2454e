// SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, SSUBSCRIBE, SUNSUBSCRIBE:
// each (un)subscription is confirmed with its own push carrying the count
// after it (channels + patterns, or shard channels), as Redis.

import { denyBlockingSubscribe } from '../../errors.js';
import type { SubscriptionKind } from '../../server/pubsub-hub.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv, type KeySpec } from '../spec.js';

function subscribeAll(ctx: CommandContext, argv: Argv, kind: SubscriptionKind): void {
  const hub = ctx.server.pubsub;
  const client = ctx.client;
  for (let i = 1; i < argv.length; i++) {
    hub.subscribe(client, kind, argv[i]!);
    hub.confirm(client, kind, true, argv[i]!);
  }
}

/** With no names, every subscription of the kind goes; with none at all, one confirmation with a nil name. */
function unsubscribeAll(ctx: CommandContext, argv: Argv, kind: SubscriptionKind): void {
  const hub = ctx.server.pubsub;
  const client = ctx.client;
  if (argv.length === 1) {
    const names = hub.subscriptions(client, kind);
    for (const name of names) {
      hub.unsubscribe(client, kind, name);
      hub.confirm(client, kind, false, name);
    }
    if (names.length === 0) hub.confirm(client, kind, false, null);
    return;
  }
  for (let i = 1; i < argv.length; i++) {
    hub.unsubscribe(client, kind, argv[i]!);
    hub.confirm(client, kind, false, argv[i]!);
  }
}

// SSUBSCRIBE/SUNSUBSCRIBE declare their shard channels as not_key key specs (cluster slot routing).
const shardChannels: KeySpec = { flags: ['not_key'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } };

export const subscribe = defineCommand({
  name: 'subscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  docs: {
    summary: 'Listen for messages published to the given channels',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of channels to subscribe to.',
    arguments: [
      { name: 'channel', type: 'string', flags: ['multiple'] },
    ],
  },
  // Redis refuses SUBSCRIBE to DENY BLOCKING clients except inside MULTI; the
  // only other such clients are scripts, which 'noscript' already refuses.
  run(ctx, argv) {
    subscribeAll(ctx, argv, 'channel');
  },
});

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  docs: {
    summary: 'Stop listening for messages posted to the given channels',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a channel.',
    arguments: [
      { name: 'channel', type: 'string', flags: ['optional', 'multiple'] },
    ],
  },
  run(ctx, argv) {
    unsubscribeAll(ctx, argv, 'channel');
  },
});

export const psubscribe = defineCommand({
  name: 'psubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  docs: {
    summary: 'Listen for messages published to channels matching the given patterns',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of patterns the client is already subscribed to.',
    arguments: [
      { name: 'pattern', type: 'block', flags: ['multiple'], arguments: [
        { name: 'pattern', type: 'pattern' },
      ] },
    ],
  },
  run(ctx, argv) {
    subscribeAll(ctx, argv, 'pattern');
  },
});

export const punsubscribe = defineCommand({
  name: 'punsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  docs: {
    summary: 'Stop listening for messages posted to channels matching the given patterns',
    since: '2.0.0',
    group: 'pubsub',
    complexity: 'O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).',
    arguments: [
      { name: 'pattern', type: 'pattern', flags: ['optional', 'multiple'] },
    ],
  },
  run(ctx, argv) {
    unsubscribeAll(ctx, argv, 'pattern');
  },
});

export const ssubscribe = defineCommand({
  name: 'ssubscribe',
  arity: -2,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  keys: [shardChannels],
  docs: {
    summary: 'Listen for messages published to the given shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of shard channels to subscribe to.',
    arguments: [
      { name: 'shardchannel', type: 'string', flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    // Unlike SUBSCRIBE, Redis 7.0 refuses SSUBSCRIBE inside MULTI/EXEC too.
    if (ctx.client.denyBlocking) throw denyBlockingSubscribe('SSUBSCRIBE');
    subscribeAll(ctx, argv, 'shard');
  },
});

export const sunsubscribe = defineCommand({
  name: 'sunsubscribe',
  arity: -1,
  flags: ['pubsub', 'noscript', 'loading', 'stale'],
  keys: [shardChannels],
  docs: {
    summary: 'Stop listening for messages posted to the given shard channels',
    since: '7.0.0',
    group: 'pubsub',
    complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.',
    arguments: [
      { name: 'shardchannel', type: 'string', flags: ['optional', 'multiple'] },
    ],
  },
  run(ctx, argv) {
    unsubscribeAll(ctx, argv, 'shard');
  },
});
