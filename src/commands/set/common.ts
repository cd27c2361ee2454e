// Helpers shared by the set commands: typed lookups and the intset limit.

import { WRONGTYPE } from '../../errors.js';
import { SetValue } from '../../types/set-value.js';
import type { RedisValue } from '../../types/value.js';
import type { CommandContext } from '../context.js';

export function asSet(v: RedisValue | undefined): SetValue | undefined {
  if (v === undefined) return undefined;
  if (v instanceof SetValue) return v;
  throw WRONGTYPE;
}

export function readSet(ctx: CommandContext, key: string): SetValue | undefined {
  return asSet(ctx.db.lookupRead(key));
}

export function writeSet(ctx: CommandContext, key: string): SetValue | undefined {
  return asSet(ctx.db.lookupWrite(key));
}

export function maxIntset(ctx: CommandContext): number {
  return ctx.server.config.num('set-max-intset-entries');
}

/** Replies members as a RESP3 set (an array in RESP2). */
export function replySet(ctx: CommandContext, members: readonly string[]): void {
  ctx.reply.set(members.length);
  for (const m of members) ctx.reply.bulk(m);
}
