// The transactions group: MULTI, EXEC, DISCARD, WATCH, UNWATCH. Queueing
// inside MULTI happens in the dispatcher; the state lives in
// server/transactions.ts.

import {
  DISCARD_WITHOUT_MULTI, EXEC_WITHOUT_MULTI, MULTI_NESTED, WATCH_INSIDE_MULTI,
} from '../../errors.js';
import { defineCommand, type CommandSpec } from '../spec.js';

export const multi = defineCommand({
  name: 'multi',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  docs: { summary: 'Mark the start of a transaction block', since: '1.2.0', group: 'transactions', complexity: 'O(1)' },
  run(ctx) {
    if (ctx.client.multiQueued >= 0) throw MULTI_NESTED;
    ctx.server.transactions.multi(ctx.client);
    ctx.reply.ok();
  },
});

export const exec = defineCommand({
  name: 'exec',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'skip_slowlog'],
  acl: ['transaction'],
  docs: {
    summary: 'Execute all commands issued after MULTI', since: '1.2.0', group: 'transactions',
    complexity: 'Depends on commands in the transaction',
  },
  run(ctx) {
    if (ctx.client.multiQueued < 0) throw EXEC_WITHOUT_MULTI;
    const err = ctx.server.transactions.exec(ctx.client);
    if (err !== null) throw err;
  },
});

export const discard = defineCommand({
  name: 'discard',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  docs: {
    summary: 'Discard all commands issued after MULTI', since: '2.0.0', group: 'transactions',
    complexity: 'O(N), when N is the number of queued commands',
  },
  run(ctx) {
    if (ctx.client.multiQueued < 0) throw DISCARD_WITHOUT_MULTI;
    ctx.server.transactions.discard(ctx.client);
    ctx.reply.ok();
  },
});

export const watch = defineCommand({
  name: 'watch',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Watch the given keys to determine execution of the MULTI/EXEC block',
    since: '2.2.0',
    group: 'transactions',
    complexity: 'O(1) for every key.',
    arguments: [{ name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] }],
  },
  run(ctx, argv) {
    if (ctx.client.multiQueued >= 0) throw WATCH_INSIDE_MULTI;
    ctx.server.transactions.watch(ctx.client, argv.slice(1));
    ctx.reply.ok();
  },
});

export const unwatch = defineCommand({
  name: 'unwatch',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'allow_busy'],
  acl: ['transaction'],
  docs: { summary: 'Forget about all watched keys', since: '2.2.0', group: 'transactions', complexity: 'O(1)' },
  run(ctx) {
    ctx.server.transactions.unwatch(ctx.client);
    ctx.reply.ok();
  },
});

export const TRANSACTION_COMMANDS: readonly CommandSpec[] = [multi, exec, discard, watch, unwatch];
