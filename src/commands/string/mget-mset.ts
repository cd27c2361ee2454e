// MGET, MSET, MSETNX.

import { wrongArity } from '../../errors.js';
import { ByteString } from '../../types/value.js';
import { defineCommand } from '../spec.js';
import { storeString } from './common.js';

const MSET_ARITY = wrongArity('mset');
const MSETNX_ARITY = wrongArity('msetnx');

export const mget = defineCommand({
  name: 'mget',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: ['request_policy:multi_shard'],
  docs: {
    summary: 'Get the values of all the given keys',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to retrieve.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    const db = ctx.db;
    const reply = ctx.reply;
    reply.array(argv.length - 1);
    for (let j = 1; j < argv.length; j++) {
      const v = db.lookupRead(argv[j]!);
      // A key of another type reads as nil, not WRONGTYPE.
      if (typeof v === 'string') reply.bulk(v);
      else if (v instanceof ByteString) reply.bulk(v.snapshot());
      else reply.null();
    }
  },
});

export const mset = defineCommand({
  name: 'mset',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 2, limit: 0 } } }],
  tips: ['request_policy:multi_shard', 'response_policy:all_succeeded'],
  docs: {
    summary: 'Set multiple keys to multiple values',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
    arguments: [
      { name: 'key_value', type: 'block', flags: ['multiple'], arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'value', type: 'string' },
      ] },
    ],
  },
  run(ctx, argv) {
    if (argv.length % 2 === 0) throw MSET_ARITY;
    const db = ctx.db;
    for (let j = 1; j < argv.length; j += 2) {
      const key = argv[j]!;
      storeString(db, key, argv[j + 1]!, false);
      ctx.modified(key, 'set', '$');
    }
    ctx.reply.ok();
  },
});

export const msetnx = defineCommand({
  name: 'msetnx',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ flags: ['OW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 2, limit: 0 } } }],
  tips: ['request_policy:multi_shard', 'response_policy:agg_min'],
  docs: {
    summary: 'Set multiple keys to multiple values, only if none of the keys exist',
    since: '1.0.1',
    group: 'string',
    complexity: 'O(N) where N is the number of keys to set.',
    arguments: [
      { name: 'key_value', type: 'block', flags: ['multiple'], arguments: [
        { name: 'key', type: 'key', keySpecIndex: 0 },
        { name: 'value', type: 'string' },
      ] },
    ],
  },
  run(ctx, argv) {
    if (argv.length % 2 === 0) throw MSETNX_ARITY;
    const db = ctx.db;
    for (let j = 1; j < argv.length; j += 2) {
      if (db.lookupWrite(argv[j]!) !== undefined) {
        ctx.reply.integer(0);
        return;
      }
    }
    for (let j = 1; j < argv.length; j += 2) {
      const key = argv[j]!;
      storeString(db, key, argv[j + 1]!, false);
      ctx.modified(key, 'set', '$');
    }
    ctx.reply.integer(1);
  },
});
