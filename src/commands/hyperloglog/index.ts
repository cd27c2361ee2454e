// The hyperloglog group: PFADD PFCOUNT PFMERGE PFDEBUG PFSELFTEST, as
// Redis 7.0's hyperloglog.c, on string values holding Redis's exact bytes.

import { HLL_INVALID, HLL_WRONGTYPE, PFDEBUG_NO_KEY, PFDEBUG_NOT_SPARSE, WRONGTYPE, pfdebugUnknown } from '../../errors.js';
import { countRaw, denseGet, denseSet, HLL_DENSE, HLL_HDR_SIZE, HLL_REGISTERS, HLL_SPARSE, Hll, isHllString } from '../../types/hll.js';
import type { RedisValue } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type CommandSpec } from '../spec.js';
import { optionWord } from '../string/common.js';
import { pfselftest } from './selftest.js';

/** isHLLObjectOrReply on an existing value. */
function asHll(v: RedisValue): Hll {
  if (typeof v !== 'string') throw WRONGTYPE;
  if (!isHllString(v)) throw HLL_WRONGTYPE;
  return Hll.fromString(v);
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
      updated++;
    } else {
      hll = asHll(old);
    }
    const max = sparseMax(ctx);
    for (let j = 2; j < argv.length; j++) {
      const r = hll.add(argv[j]!, max);
      if (r === 1) updated++;
      else if (r === -1) {
        // Redis edits the value in place: what was added before the corruption stays.
        if (old === undefined) db.add(key, hll.toString()); else db.overwrite(key, hll.toString());
        throw HLL_INVALID;
      }
    }
    if (updated) {
      hll.invalidateCache();
      if (old === undefined) db.add(key, hll.toString()); else db.overwrite(key, hll.toString());
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
    const hll = asHll(v);
    if (hll.validCache()) {
      ctx.reply.integer(hll.cachedCard());
      return;
    }
    const card = hll.count();
    if (card === null) throw HLL_INVALID;
    hll.setCachedCard(card);
    // A read-only command that still rewrites the cached cardinality: dirty and WATCH, no event.
    db.overwrite(key, hll.toString());
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
    const hll = old === undefined ? Hll.create() : Hll.fromString(old as string);
    const store = () => { if (old === undefined) db.add(key, hll.toString()); else db.overwrite(key, hll.toString()); };
    if (useDense && !hll.toDense()) {
      if (old === undefined) store();
      throw HLL_INVALID;
    }
    const sparseMaxBytes = sparseMax(ctx);
    for (let j = 0; j < HLL_REGISTERS; j++) {
      if (max[j] === 0) continue;
      if (hll.encoding === HLL_DENSE) denseSet(hll.buf, HLL_HDR_SIZE, j, max[j]!);
      else if (hll.encoding === HLL_SPARSE) hll.sparseSet(j, max[j]!, sparseMaxBytes);
    }
    hll.invalidateCache();
    store();
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
    const hll = asHll(v);
    const reply = ctx.reply;
    switch (sub) {
      case 'getreg':
      case 'todense': {
        const sparse = hll.encoding === HLL_SPARSE;
        if (sparse) {
          if (!hll.toDense()) throw HLL_INVALID;
          db.overwrite(key, hll.toString());
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
