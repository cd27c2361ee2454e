// The hyperloglog group: PFADD PFCOUNT PFMERGE PFDEBUG PFSELFTEST, as
// Redis 7.0's hyperloglog.c, on string values holding Redis's exact bytes,
// edited in place (ByteString) as Redis edits the sds after dbUnshareStringValue.

import { HLL_INVALID, HLL_WRONGTYPE, PFDEBUG_NO_KEY, PFDEBUG_NOT_SPARSE, WRONGTYPE, pfdebugUnknown } from '../../errors.js';
import { countRaw, denseGet, denseSet, HLL_DENSE, HLL_HDR_SIZE, HLL_REGISTERS, HLL_SPARSE, Hll, isHllValue } from '../../types/hll.js';
import { isStringValue, type RedisValue } from '../../types/value.js';
import type { Database } from '../../keyspace/database.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type CommandSpec } from '../spec.js';
import { optionWord } from '../string/common.js';
import { pfselftest } from './selftest.js';

/** isHLLObjectOrReply on an existing value; a read-only view (a JS string is copied). */
function asHll(v: RedisValue): Hll {
  if (!isStringValue(v)) throw WRONGTYPE;
  if (!isHllValue(v)) throw HLL_WRONGTYPE;
  return Hll.fromValue(v);
}

/**
 * isHLLObjectOrReply + dbUnshareStringValue: the HLL at `key` to edit in
 * place; a JS string value is replaced by its raw copy (stored before any
 * byte changes, so a running snapshot keeps the old value).
 */
function unsharedHll(db: Database, key: string, v: RedisValue): Hll {
  const hll = asHll(v);
  if (hll.s !== v) db.overwrite(key, hll.s);
  return hll;
}

const sparseMax = (ctx: CommandContext) => ctx.server.config.num('hll-sparse-max-bytes');

export const pfadd = defineCommand({
  name: 'pfadd',
  arity: -2,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hyperloglog'],
  keys: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Adds the specified elements to the specified HyperLogLog.',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity: 'O(1) to add every element.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'element', type: 'string', flags: ['optional', 'multiple'] },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const db = ctx.db;
    const old = db.lookupWrite(key);
    let updated = 0;
    let hll: Hll;
    if (old === undefined) {
      hll = Hll.create();
      db.add(key, hll.s);
      updated++;
    } else {
      hll = unsharedHll(db, key, old);
    }
    const max = sparseMax(ctx);
    for (let j = 2; j < argv.length; j++) {
      const r = hll.add(argv[j]!, max);
      if (r === 1) updated++;
      // Edited in place as in Redis: what was added before the corruption stays.
      else if (r === -1) throw HLL_INVALID;
    }
    if (updated) {
      hll.invalidateCache();
      ctx.modified(key, 'pfadd', '$');
      ctx.keyspace.dirty += updated - 1;
    }
    ctx.reply.integer(updated ? 1 : 0);
  },
});

export const pfcount = defineCommand({
  name: 'pfcount',
  arity: -2,
  flags: ['readonly'],
  acl: ['hyperloglog'],
  keys: [{ notes: 'RW because it may change the internal representation of the key, and propagate to replicas', flags: ['RW', 'access'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity: 'O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    const db = ctx.db;
    if (argv.length > 2) {
      const max = new Uint8Array(HLL_REGISTERS);
      for (let j = 1; j < argv.length; j++) {
        const v = db.lookupRead(argv[j]!);
        if (v === undefined) continue;
        if (!asHll(v).mergeInto(max)) throw HLL_INVALID;
      }
      ctx.reply.integer(countRaw(max));
      return;
    }
    const key = argv[1]!;
    const v = db.lookupRead(key);
    if (v === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const hll = unsharedHll(db, key, v);
    if (hll.validCache()) {
      ctx.reply.integer(hll.cachedCard());
      return;
    }
    const card = hll.count();
    if (card === null) throw HLL_INVALID;
    // A read-only command that still rewrites the cached cardinality: dirty and WATCH, no event.
    // The overwrite (same value) comes first so that a running snapshot saves the old bytes.
    db.overwrite(key, hll.s);
    hll.setCachedCard(card);
    ctx.modified(key);
    ctx.reply.integer(card);
  },
});

export const pfmerge = defineCommand({
  name: 'pfmerge',
  arity: -2,
  flags: ['write', 'denyoom'],
  acl: ['hyperloglog'],
  keys: [{ flags: ['RW', 'access', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Merge N different HyperLogLogs into a single one.',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity: 'O(N) to merge N HyperLogLogs, but with high constant times.',
    arguments: [
      { name: 'destkey', type: 'key', keySpecIndex: 0 },
      { name: 'sourcekey', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    const db = ctx.db;
    const max = new Uint8Array(HLL_REGISTERS);
    let useDense = false;
    for (let j = 1; j < argv.length; j++) {
      const v = db.lookupRead(argv[j]!);
      if (v === undefined) continue;
      const h = asHll(v);
      if (h.encoding === HLL_DENSE) useDense = true;
      if (!h.mergeInto(max)) throw HLL_INVALID;
    }
    const key = argv[1]!;
    const old = db.lookupWrite(key);
    // An existing destination was validated as a source above.
    let hll: Hll;
    if (old === undefined) {
      hll = Hll.create();
      db.add(key, hll.s);
    } else {
      hll = unsharedHll(db, key, old);
    }
    if (useDense && !hll.toDense()) throw HLL_INVALID;
    const sparseMaxBytes = sparseMax(ctx);
    for (let j = 0; j < HLL_REGISTERS; j++) {
      if (max[j] === 0) continue;
      if (hll.encoding === HLL_DENSE) denseSet(hll.buf, HLL_HDR_SIZE, j, max[j]!);
      else if (hll.encoding === HLL_SPARSE) hll.sparseSet(j, max[j]!, sparseMaxBytes);
    }
    hll.invalidateCache();
    ctx.modified(key, 'pfadd', '$');
    ctx.reply.ok();
  },
});

export const pfdebug = defineCommand({
  name: 'pfdebug',
  arity: 3,
  flags: ['write', 'denyoom', 'admin'],
  acl: ['hyperloglog'],
  keys: [{ flags: ['RW', 'access'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Internal commands for debugging HyperLogLog values',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity: 'N/A',
    docFlags: ['syscmd'],
    arguments: [
      { name: 'subcommand', type: 'string' },
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const sub = optionWord(argv[1]!);
    const key = argv[2]!;
    const db = ctx.db;
    const v = db.lookupWrite(key);
    if (v === undefined) throw PFDEBUG_NO_KEY;
    const hll = unsharedHll(db, key, v);
    const reply = ctx.reply;
    switch (sub) {
      case 'getreg':
      case 'todense': {
        const sparse = hll.encoding === HLL_SPARSE;
        if (sparse) {
          if (!hll.toDense()) throw HLL_INVALID;
          ctx.keyspace.dirty++; // Redis forces propagation on the encoding change, without a WATCH signal.
        }
        if (sub === 'todense') {
          reply.integer(sparse ? 1 : 0);
          return;
        }
        reply.array(HLL_REGISTERS);
        for (let j = 0; j < HLL_REGISTERS; j++) reply.integer(denseGet(hll.buf, HLL_HDR_SIZE, j));
        return;
      }
      case 'decode':
        if (hll.encoding !== HLL_SPARSE) throw PFDEBUG_NOT_SPARSE;
        reply.bulk(hll.decode());
        return;
      case 'encoding':
        reply.simple(hll.encoding === HLL_DENSE ? 'dense' : 'sparse');
        return;
      default:
        throw pfdebugUnknown(argv[1]!);
    }
  },
});

export const HYPERLOGLOG_COMMANDS: readonly CommandSpec[] = [pfadd, pfcount, pfmerge, pfdebug, pfselftest];
