// Whole-database commands: SELECT-independent keyspace management
// (DBSIZE, FLUSHDB, FLUSHALL, SWAPDB).

import { INVALID_DB_INDEX, INVALID_FIRST_DB, INVALID_SECOND_DB, SYNTAX, type RedisError } from '../../errors.js';
import { parseInt64 } from '../../util/int64.js';
import type { Server } from '../../server/server.js';
import { defineCommand, type Argv, type CommandSpec } from '../spec.js';

/** getFlushCommandFlags: nothing, SYNC or ASYNC (both free memory the same way here). */
function checkFlushArgs(argv: Argv): void {
  if (argv.length === 1) return;
  const mode = argv[1]!.toLowerCase();
  if (argv.length === 2 && (mode === 'sync' || mode === 'async')) return;
  throw SYNTAX;
}

/** getIntFromObjectOrReply with a custom message: the same text for non-integers and values beyond C's int. */
function parseIntOr(arg: string, err: RedisError): number {
  const v = parseInt64(arg);
  if (v === null || v < -2147483648 || v > 2147483647) throw err;
  return v;
}

export const dbsize = defineCommand({
  name: 'dbsize',
  arity: 1,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  tips: ['request_policy:all_shards', 'response_policy:agg_sum'],
  docs: {
    summary: 'Return the number of keys in the selected database',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(1)',
  },
  run(ctx) {
    // Keys past their TTL but not yet reclaimed are counted, as in Redis.
    ctx.reply.integer(ctx.db.size);
  },
});

const flushArgs = [
  { name: 'async', type: 'oneof', flags: ['optional'], arguments: [
    { name: 'async', type: 'pure-token', token: 'ASYNC', since: '4.0.0' },
    { name: 'sync', type: 'pure-token', token: 'SYNC', since: '6.2.0' },
  ] },
] as const;
const flushHistory = [['4.0.0', 'Added the `ASYNC` flushing mode modifier.'], ['6.2.0', 'Added the `SYNC` flushing mode modifier.']] as const;

function flushSpec(name: string, summary: string, complexity: string, all: boolean): CommandSpec {
  return defineCommand({
    name,
    arity: -1,
    flags: ['write'],
    acl: ['keyspace', 'dangerous'],
    tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
    docs: { summary, since: '1.0.0', group: 'server', complexity, history: flushHistory, arguments: flushArgs },
    run(ctx, argv) {
      checkFlushArgs(argv);
      const removed = all ? ctx.keyspace.flushAll() : ctx.keyspace.flushDb(ctx.db);
      // server.dirty += removed keys (FLUSHALL adds one more), and the command
      // is propagated even when there was nothing to remove.
      ctx.keyspace.dirty += removed + (all ? 1 : 0);
      if (all) resetRdbAfterFlushAll(ctx.server);
      ctx.propagateAs(argv);
      ctx.reply.ok();
    },
  });
}

/**
 * Redis's flushAllDataAndResetRDB: a running BGSAVE is stopped, and with save
 * points the (now empty) data set is saved at once, which leaves no changes
 * since the last save (the FLUSHALL itself still propagates: propagateAs).
 */
function resetRdbAfterFlushAll(server: Server): void {
  const snapshots = server.snapshots;
  if (snapshots.bgsaveInProgress) snapshots.killBgsave();
  if (snapshots.autoSave && snapshots.hasSavePoints) snapshots.save();
}

export const flushdb = flushSpec('flushdb', 'Remove all keys from the current database',
  'O(N) where N is the number of keys in the selected database', false);
export const flushall = flushSpec('flushall', 'Remove all keys from all databases',
  'O(N) where N is the total number of keys in all databases', true);

export const swapdb = defineCommand({
  name: 'swapdb',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace', 'dangerous'],
  docs: {
    summary: 'Swaps two Redis databases',
    since: '4.0.0',
    group: 'server',
    complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
    arguments: [
      { name: 'index1', type: 'integer' },
      { name: 'index2', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    const a = parseIntOr(argv[1]!, INVALID_FIRST_DB);
    const b = parseIntOr(argv[2]!, INVALID_SECOND_DB);
    const n = ctx.keyspace.dbs.length;
    if (a < 0 || a >= n || b < 0 || b >= n) throw INVALID_DB_INDEX;
    if (a !== b) ctx.keyspace.swapDbs(a, b);
    ctx.keyspace.dirty++;
    ctx.reply.ok();
  },
});

export const DATABASE_COMMANDS: readonly CommandSpec[] = [dbsize, flushdb, flushall, swapdb];
