// GETEX (EX PX EXAT PXAT PERSIST) and GETDEL, as Redis's getexCommand and
// getdelCommand. Neither propagates as sent: GETEX becomes PEXPIREAT, PERSIST
// or DEL/UNLINK; GETDEL becomes DEL/UNLINK.

import { stringReplyValue } from '../../types/value.js';
import { defineCommand } from '../spec.js';
import {
  OBJ_EXAT, OBJ_PERSIST, OBJ_PXAT, absoluteExpire, configYes, parseExtendedArgs, readStringValue,
} from './common.js';

export const getex = defineCommand({
  name: 'getex',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['string'],
  keys: [{ notes: 'RW and UPDATE because it changes the TTL', flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the value of a key and optionally set its expiration',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'expiration', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'seconds', type: 'integer', token: 'EX' },
        { name: 'milliseconds', type: 'integer', token: 'PX' },
        { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT' },
        { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT' },
        { name: 'persist', type: 'pure-token', token: 'PERSIST' },
      ] },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const { flags, expire } = parseExtendedArgs(argv, false);
    const db = ctx.db;
    const value = readStringValue(db, key);
    if (value === undefined) {
      ctx.reply.null();
      return;
    }
    // As in Redis 7.0, the expire value is validated only once the key is known to exist.
    const now = ctx.keyspace.clock.now();
    const at = expire === null ? null : absoluteExpire(expire, flags, now, 'getex');
    ctx.reply.bulk(stringReplyValue(value));
    if (at !== null && (flags & (OBJ_EXAT | OBJ_PXAT)) !== 0 && at.ms <= now && !ctx.keyspace.loading) {
      // An absolute time already past deletes the key (Redis's checkAlreadyExpired).
      db.delete(key);
      ctx.propagateAs([configYes(ctx, 'lazyfree-lazy-expire') ? 'UNLINK' : 'DEL', key]);
      ctx.modified(key, 'del', 'g');
    } else if (at !== null) {
      db.setExpire(key, at.ms);
      ctx.propagateAs(['PEXPIREAT', key, at.text]);
      ctx.modified(key, 'expire', 'g');
    } else if ((flags & OBJ_PERSIST) !== 0 && db.removeExpire(key)) {
      ctx.propagateAs(['PERSIST', key]);
      ctx.modified(key, 'persist', 'g');
    }
  },
});

export const getdel = defineCommand({
  name: 'getdel',
  arity: 2,
  flags: ['write', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the value of a key and delete the key',
    since: '6.2.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const value = readStringValue(ctx.db, key);
    if (value === undefined) {
      ctx.reply.null();
      return;
    }
    ctx.reply.bulk(stringReplyValue(value));
    ctx.db.delete(key);
    ctx.propagateAs([configYes(ctx, 'lazyfree-lazy-user-del') ? 'UNLINK' : 'DEL', key]);
    ctx.modified(key, 'del', 'g');
  },
});
