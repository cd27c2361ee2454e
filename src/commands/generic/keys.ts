// KEYS, SCAN, RANDOMKEY: walking the keyspace. SCAN follows Redis 7.0's
// scanGenericCommand: collect about COUNT keys with the dict's reverse-binary
// cursor, then filter by MATCH, TYPE and expiry.

import type { Database } from '../../keyspace/database.js';
import { typeOf } from '../../types/value.js';
import { compileGlob, literalPattern, type Matcher } from '../../util/glob.js';
import { parseScanCursor, parseScanOptions } from '../args.js';
import { defineCommand } from '../spec.js';
import { lookupReadNoTouch } from './common.js';

function isExpired(db: Database, key: string, now: number): boolean {
  const at = db.expires.get(key);
  // As Redis's keyIsExpired: a key is alive through its expiry millisecond.
  return at !== undefined && now > at;
}

export const keys = defineCommand({
  name: 'keys',
  arity: 2,
  flags: ['readonly'],
  acl: ['keyspace', 'dangerous'],
  tips: ['request_policy:all_shards', 'nondeterministic_output_order'],
  docs: {
    summary: 'Find all keys matching the given pattern',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.',
    arguments: [
      { name: 'pattern', type: 'pattern' },
    ],
  },
  run(ctx, argv) {
    const db = ctx.db;
    const pattern = argv[1]!;
    const now = ctx.keyspace.clock.now();
    const checkExpiry = db.expires.size !== 0;
    // Expired keys are left in place (Redis's keyIsExpired, not expireIfNeeded).
    const literal = literalPattern(pattern);
    if (literal !== null) {
      // Without glob syntax only the key itself can match: one lookup, not a walk.
      const found = db.dict.has(literal) && !(checkExpiry && isExpired(db, literal, now));
      ctx.reply.bulkArray(found ? [literal] : []);
      return;
    }
    const all = pattern === '*';
    const match: Matcher = all ? () => true : compileGlob(pattern);
    const out: string[] = [];
    const dict = db.dict;
    dict.forEach((e) => {
      const key = dict.keyAt(e);
      if (match(key) && !(checkExpiry && isExpired(db, key, now))) out.push(key);
    });
    ctx.reply.bulkArray(out);
  },
});

export const scan = defineCommand({
  name: 'scan',
  arity: -2,
  flags: ['readonly'],
  acl: ['keyspace'],
  tips: ['nondeterministic_output', 'request_policy:special'],
  docs: {
    summary: 'Incrementally iterate the keys space',
    since: '2.8.0',
    group: 'generic',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    history: [['6.0.0', 'Added the `TYPE` subcommand.']],
    arguments: [
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', flags: ['optional'] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
      { name: 'type', type: 'string', token: 'TYPE', since: '6.0.0', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    let cursor = parseScanCursor(argv[1]!);
    const { count, match, typeName } = parseScanOptions(argv, 2, true);

    const db = ctx.db;
    const found: string[] = [];
    const collect = (key: string): void => {
      found.push(key);
    };
    // At most 10*COUNT steps, so a sparse table cannot stall the server.
    let maxIterations = count * 10;
    do {
      cursor = db.dict.scan(cursor, collect);
    } while (cursor !== 0 && maxIterations-- !== 0 && found.length < count);

    const out: string[] = [];
    for (const key of found) {
      if (match !== null && !match(key)) continue;
      if (typeName !== null) {
        const v = lookupReadNoTouch(db, key);
        if ((v === undefined ? 'none' : typeOf(v)) !== typeName) continue;
      }
      if (db.expireIfNeeded(key)) continue;
      out.push(key);
    }
    ctx.reply.array(2);
    ctx.reply.bulk(String(cursor));
    ctx.reply.bulkArray(out);
  },
});

export const randomkey = defineCommand({
  name: 'randomkey',
  arity: 1,
  flags: ['readonly'],
  acl: ['keyspace'],
  tips: ['request_policy:all_shards', 'nondeterministic_output'],
  docs: {
    summary: 'Return a random key from the keyspace',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
  },
  run(ctx) {
    const key = ctx.db.randomKey();
    if (key === null) ctx.reply.null();
    else ctx.reply.bulk(key);
  },
});
