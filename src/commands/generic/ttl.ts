// TTL, PTTL, EXPIRETIME, PEXPIRETIME (Redis's ttlGenericCommand): -2 for a
// missing key, -1 without a TTL; seconds are rounded to the nearest.

import type { CommandContext } from '../context.js';
import { defineCommand, type CommandSpec } from '../spec.js';
import { lookupReadNoTouch, replyInt64 } from './common.js';

function ttlGeneric(ctx: CommandContext, key: string, ms: boolean, absolute: boolean): void {
  if (lookupReadNoTouch(ctx.db, key) === undefined) {
    ctx.reply.integer(-2);
    return;
  }
  const at = ctx.db.getExpire(key);
  if (at === -1) {
    ctx.reply.integer(-1);
    return;
  }
  let ttl = absolute ? at : at - ctx.keyspace.clock.now();
  if (ttl < 0) ttl = 0;
  // C integer division of a non-negative value: (ttl+500)/1000 rounds half up.
  replyInt64(ctx, ms ? ttl : Math.floor((ttl + 500) / 1000));
}

function ttlSpec(name: string, summary: string, since: string, ms: boolean, absolute: boolean): CommandSpec {
  return defineCommand({
    name,
    arity: 2,
    flags: ['readonly', 'fast'],
    acl: ['keyspace'],
    keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
    ...(absolute ? {} : { tips: ['nondeterministic_output'] }),
    docs: {
      summary,
      since,
      group: 'generic',
      complexity: 'O(1)',
      ...(absolute ? {} : { history: [['2.8.0', 'Added the -2 reply.']] as const }),
      arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
      ],
    },
    run(ctx, argv) {
      ttlGeneric(ctx, argv[1]!, ms, absolute);
    },
  });
}

export const ttl = ttlSpec('ttl', 'Get the time to live for a key in seconds', '1.0.0', false, false);
export const pttl = ttlSpec('pttl', 'Get the time to live for a key in milliseconds', '2.6.0', true, false);
export const expiretime = ttlSpec('expiretime', 'Get the expiration Unix timestamp for a key', '7.0.0', false, true);
export const pexpiretime = ttlSpec('pexpiretime', 'Get the expiration Unix timestamp for a key in milliseconds', '7.0.0', true, true);
