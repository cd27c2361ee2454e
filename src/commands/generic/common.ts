// Helpers shared by the generic (keys) commands: lookups with Redis's exact
// stat/touch flags, the DB-index and int64 argument parsers, and replies of
// millisecond values that may exceed 2^53.

import { INT_OUT_OF_RANGE, INVALID_DB_INDEX } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import type { RedisValue } from '../../types/value.js';
import { INT64_MAX } from '../../util/int64.js';
import type { CommandContext } from '../context.js';
import { longArg } from '../args.js';

/**
 * lookupKeyReadWithFlags(LOOKUP_NOTOUCH): lazy expiry and keyspace hit/miss
 * counting, without refreshing the access clock (EXISTS, TYPE, TTL, SCAN TYPE);
 * a miss raises `keymiss` unless `notify` is false (LOOKUP_NONOTIFY, as OBJECT).
 */
export function lookupReadNoTouch(db: Database, key: string, notify = true): RedisValue | undefined {
  const v = db.lookupNoTouch(key);
  if (v === undefined) {
    db.keyspace.stats.keyspaceMisses++;
    if (notify && db.keyspace.emitsKeyMissEvents) db.keyspace.notify('m', 'keymiss', key, db.id);
  } else {
    db.keyspace.stats.keyspaceHits++;
  }
  return v;
}

/** getIntFromObjectOrReply(NULL) then selectDb's range check: MOVE, COPY ... DB. */
export function parseDbIndex(ctx: CommandContext, arg: string): Database {
  const v = longArg(arg);
  if (v < -2147483648 || v > 2147483647) throw INT_OUT_OF_RANGE;
  if (v < 0 || v >= ctx.keyspace.dbs.length) throw INVALID_DB_INDEX;
  return ctx.keyspace.db(v);
}

/**
 * Replies a millisecond quantity computed in doubles. Expiry times beyond
 * 2^53 ms are held as doubles, so clamp into int64 rather than print a value
 * Redis could never send.
 */
export function replyInt64(ctx: CommandContext, v: number): void {
  if (Number.isSafeInteger(v)) {
    ctx.reply.integer(v);
    return;
  }
  const big = BigInt(Math.trunc(v));
  ctx.reply.integer(big > INT64_MAX ? INT64_MAX : big < -INT64_MAX - 1n ? -INT64_MAX - 1n : big);
}
