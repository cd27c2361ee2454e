// SET (NX XX GET EX PX EXAT PXAT KEEPTTL), SETNX, SETEX, PSETEX, GETSET:
// one generic, as Redis's setGenericCommand. Relative expiries propagate as
// SET key value PXAT <absolute ms>.

import { stringReplyValue } from '../../types/value.js';
import { defineCommand } from '../spec.js';
import type { CommandContext } from '../context.js';
import {
  OBJ_EX, OBJ_KEEPTTL, OBJ_PX, OBJ_SET_GET, OBJ_SET_NX, OBJ_SET_XX,
  absoluteExpire, optionWord, parseExtendedArgs, readStringValue, storeString,
} from './common.js';

/**
 * Redis's setGenericCommand. `expire` is the raw EX/PX/EXAT/PXAT argument.
 * Replies OK (or 1 for SETNX), the abort reply when NX/XX prevents the write,
 * or with GET the old value (already sent before the write).
 */
function setGeneric(
  ctx: CommandContext, argv: readonly string[], flags: number, key: string, value: string,
  expire: string | null, command: string, isSetnx: boolean,
): void {
  const db = ctx.db;
  const at = expire === null ? null : absoluteExpire(expire, flags, ctx.keyspace.clock.now(), command);
  if ((flags & OBJ_SET_GET) !== 0) {
    const old = readStringValue(db, key);
    if (old === undefined) ctx.reply.null();
    else ctx.reply.bulk(stringReplyValue(old));
  }
  if ((flags & (OBJ_SET_NX | OBJ_SET_XX)) !== 0) {
    const found = db.lookupWrite(key) !== undefined;
    if (((flags & OBJ_SET_NX) !== 0 && found) || ((flags & OBJ_SET_XX) !== 0 && !found)) {
      if ((flags & OBJ_SET_GET) === 0) {
        if (isSetnx) ctx.reply.integer(0);
        else ctx.reply.null();
      }
      return;
    }
  }
  storeString(db, key, value, (flags & OBJ_KEEPTTL) !== 0);
  ctx.modified(key, 'set', '$');
  if (at !== null) {
    db.setExpire(key, at.ms);
    ctx.propagateAs(['SET', key, value, 'PXAT', at.text]);
    ctx.notify('g', 'expire', key);
  }
  if ((flags & OBJ_SET_GET) === 0) {
    if (isSetnx) ctx.reply.integer(1);
    else ctx.reply.ok();
  } else if (at === null) {
    // Propagate without the GET option(s), which replicas must not answer.
    const rewritten: string[] = [];
    for (let j = 0; j < argv.length; j++) {
      if (j >= 3 && optionWord(argv[j]!) === 'get') continue;
      rewritten.push(argv[j]!);
    }
    ctx.propagateAs(rewritten);
  }
}

export const set = defineCommand({
  name: 'set',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ notes: 'RW and ACCESS due to the optional `GET` argument', flags: ['RW', 'access', 'update', 'variable_flags'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the string value of a key',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    history: [['2.6.12', 'Added the `EX`, `PX`, `NX` and `XX` options.'], ['6.0.0', 'Added the `KEEPTTL` option.'], ['6.2.0', 'Added the `GET`, `EXAT` and `PXAT` option.'], ['7.0.0', 'Allowed the `NX` and `GET` options to be used together.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
      { name: 'condition', type: 'oneof', since: '2.6.12', flags: ['optional'], arguments: [
        { name: 'nx', type: 'pure-token', token: 'NX' },
        { name: 'xx', type: 'pure-token', token: 'XX' },
      ] },
      { name: 'get', type: 'pure-token', token: 'GET', since: '6.2.0', flags: ['optional'] },
      { name: 'expiration', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'seconds', type: 'integer', token: 'EX', since: '2.6.12' },
        { name: 'milliseconds', type: 'integer', token: 'PX', since: '2.6.12' },
        { name: 'unix-time-seconds', type: 'unix-time', token: 'EXAT', since: '6.2.0' },
        { name: 'unix-time-milliseconds', type: 'unix-time', token: 'PXAT', since: '6.2.0' },
        { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL', since: '6.0.0' },
      ] },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    if (argv.length === 3) {
      // The plain SET: the hot path, no option parsing.
      storeString(ctx.db, key, argv[2]!, false);
      ctx.modified(key, 'set', '$');
      ctx.reply.ok();
      return;
    }
    const { flags, expire } = parseExtendedArgs(argv, true);
    setGeneric(ctx, argv, flags, key, argv[2]!, expire, 'set', false);
  },
});

export const setnx = defineCommand({
  name: 'setnx',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['OW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the value of a key, only if the key does not exist',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    setGeneric(ctx, argv, OBJ_SET_NX, argv[1]!, argv[2]!, null, 'setnx', true);
  },
});

export const setex = defineCommand({
  name: 'setex',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the value and expiration of a key',
    since: '2.0.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'seconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    setGeneric(ctx, argv, OBJ_EX, argv[1]!, argv[3]!, argv[2]!, 'setex', false);
  },
});

export const psetex = defineCommand({
  name: 'psetex',
  arity: 4,
  flags: ['write', 'denyoom'],
  acl: ['string'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the value and expiration in milliseconds of a key',
    since: '2.6.0',
    group: 'string',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'milliseconds', type: 'integer' },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    setGeneric(ctx, argv, OBJ_PX, argv[1]!, argv[3]!, argv[2]!, 'psetex', false);
  },
});

export const getset = defineCommand({
  name: 'getset',
  arity: 3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['string'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the string value of a key and return its old value',
    since: '1.0.0',
    group: 'string',
    complexity: 'O(1)',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`SET` with the `!GET` argument',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'value', type: 'string' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const value = argv[2]!;
    const old = readStringValue(ctx.db, key);
    if (old === undefined) ctx.reply.null();
    else ctx.reply.bulk(stringReplyValue(old));
    storeString(ctx.db, key, value, false);
    ctx.modified(key, 'set', '$');
    ctx.propagateAs(['SET', key, value]);
  },
});

export const SET_COMMANDS = [set, setnx, setex, psetex, getset];
