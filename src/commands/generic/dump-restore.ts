// DUMP and RESTORE: values in Redis's serialized (RDB) form, so keys move
// between respite and Redis in both directions. RESTORE follows Redis 7.0's
// restoreCommand check order: options, BUSYKEY, TTL, payload footer, body.

import { BAD_DATA_FORMAT, BAD_FREQ, BAD_IDLETIME, BAD_TTL, BUSYKEY, DUMP_PAYLOAD, SYNTAX } from '../../errors.js';
import { RdbFormatError } from '../../persistence/rdb/constants.js';
import { createDumpPayload, loadDumpPayload, verifyDumpPayload } from '../../persistence/rdb/dump.js';
import type { RedisValue } from '../../types/value.js';
import { INT64_MAX } from '../../util/int64.js';
import { defineCommand } from '../spec.js';
import { longLongArg } from '../args.js';

const TWO_64 = 1n << 64n;

export const dump = defineCommand({
  name: 'dump',
  arity: 2,
  flags: ['readonly'],
  acl: ['keyspace'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Return a serialized version of the value stored at the specified key.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const value = ctx.db.lookupRead(argv[1]!);
    if (value === undefined) ctx.reply.null();
    else ctx.reply.bulk(createDumpPayload(value));
  },
});

export const restore = defineCommand({
  name: 'restore',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['keyspace', 'dangerous'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Create a key using the provided serialized value, previously obtained using DUMP.',
    since: '2.6.0',
    group: 'generic',
    complexity: 'O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).',
    history: [['3.0.0', 'Added the `REPLACE` modifier.'], ['5.0.0', 'Added the `ABSTTL` modifier.'], ['5.0.0', 'Added the `IDLETIME` and `FREQ` options.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'ttl', type: 'integer' },
      { name: 'serialized-value', type: 'string' },
      { name: 'replace', type: 'pure-token', token: 'REPLACE', since: '3.0.0', flags: ['optional'] },
      { name: 'absttl', type: 'pure-token', token: 'ABSTTL', since: '5.0.0', flags: ['optional'] },
      { name: 'seconds', type: 'integer', token: 'IDLETIME', since: '5.0.0', flags: ['optional'] },
      { name: 'frequency', type: 'integer', token: 'FREQ', since: '5.0.0', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    let replace = false;
    let absTtl = false;
    let idleSec = -1n;
    let freq = -1n;
    for (let j = 4; j < argv.length; j++) {
      const opt = argv[j]!.toLowerCase();
      const hasValue = j + 1 < argv.length;
      if (opt === 'replace') {
        replace = true;
      } else if (opt === 'absttl') {
        absTtl = true;
      } else if (opt === 'idletime' && hasValue && freq === -1n) {
        idleSec = longLongArg(argv[++j]!);
        if (idleSec < 0n) throw BAD_IDLETIME;
      } else if (opt === 'freq' && hasValue && idleSec === -1n) {
        freq = longLongArg(argv[++j]!);
        if (freq < 0n || freq > 255n) throw BAD_FREQ;
      } else {
        throw SYNTAX;
      }
    }

    const db = ctx.db;
    const key = argv[1]!;
    const existed = db.lookupWrite(key) !== undefined;
    if (existed && !replace) throw BUSYKEY;
    const ttl = longLongArg(argv[2]!);
    if (ttl < 0n) throw BAD_TTL;
    const payload = Buffer.from(argv[3]!, 'latin1');
    if (!verifyDumpPayload(payload)) throw DUMP_PAYLOAD;
    let value: RedisValue;
    try {
      value = loadDumpPayload(payload);
    } catch (err) {
      if (err instanceof RdbFormatError) throw BAD_DATA_FORMAT;
      throw err;
    }

    const deleted = replace && existed && db.delete(key);
    const now = ctx.keyspace.clock.now();
    let at = ttl;
    if (ttl !== 0n && !absTtl) {
      at += BigInt(now);
      // Redis adds in signed 64-bit arithmetic: an overflow wraps into the past.
      if (at > INT64_MAX) at -= TWO_64;
    }
    if (ttl !== 0n && at <= BigInt(now) && !ctx.keyspace.loading) {
      // checkAlreadyExpired: the key is not created; a replaced one is gone.
      if (deleted) {
        ctx.propagateAs(['DEL', key]);
        ctx.modified(key, 'del');
      }
      ctx.reply.ok();
      return;
    }
    db.setKey(key, value);
    if (ttl !== 0n) {
      db.setExpire(key, Number(at));
      if (!absTtl) {
        const rewritten = argv.slice();
        rewritten[2] = at.toString();
        rewritten.push('ABSTTL');
        ctx.propagateAs(rewritten);
      }
    }
    if (idleSec >= 0n && !ctx.server.config.get('maxmemory-policy').includes('lfu')) {
      // objectSetLRUOrLFU: the access clock goes back by the idle time (clamped at 0).
      const lru = ctx.keyspace.lruClock;
      const idle = idleSec > BigInt(lru) ? lru : Number(idleSec);
      db.dict.setLruAt(db.dict.find(key), lru - idle);
    }
    // FREQ sets an LFU counter in Redis; respite keeps none yet (see OBJECT FREQ).
    ctx.modified(key, 'restore');
    ctx.reply.ok();
  },
});
