// RENAME, RENAMENX, MOVE, COPY: a value changes name or database, keeping its TTL.

import { NO_SUCH_KEY, SAME_OBJECT, SYNTAX } from '../../errors.js';
import type { Database } from '../../keyspace/database.js';
import { duplicateViaRdb } from '../../persistence/rdb/dump.js';
import { ByteString, type CollectionValue, type RedisValue } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv } from '../spec.js';
import { parseDbIndex } from './common.js';

/**
 * Stores `value` under `key` in `db` with absolute expiry `expireAt` (-1: none).
 * The caller has established the key is absent (or deleted it); set() rather
 * than an insert keeps the table sound even if it is not.
 */
function place(db: Database, key: string, value: RedisValue, expireAt: number): void {
  db.setKey(key, value);
  if (expireAt !== -1) db.setExpire(key, expireAt);
}

/**
 * COPY's deep copy (Redis's dupStringObject / listTypeDup / ...): JS strings are
 * immutable and shared, ByteStrings copied; a collection uses its own clone() when
 * it has one (keeping its exact encoding), else a round trip through its RDB codec.
 */
function duplicate(value: RedisValue): RedisValue {
  if (typeof value === 'string') return value;
  // dupStringObject keeps a raw string raw: an independent copy of the bytes.
  if (value instanceof ByteString) return ByteString.fromBytes(value.view());
  const cloneable = value as CollectionValue & { clone?: () => CollectionValue };
  return typeof cloneable.clone === 'function' ? cloneable.clone() : duplicateViaRdb(value);
}

/** Redis's renameGenericCommand. */
function renameGeneric(ctx: CommandContext, argv: Argv, nx: boolean): void {
  const db = ctx.db;
  const src = argv[1]!;
  const dst = argv[2]!;
  const value = db.lookupWrite(src);
  if (value === undefined) throw NO_SUCH_KEY;
  if (src === dst) {
    // Nothing changes, nothing is propagated.
    if (nx) ctx.reply.integer(0);
    else ctx.reply.ok();
    return;
  }
  const expireAt = db.getExpire(src);
  if (db.lookupWrite(dst) !== undefined) {
    if (nx) {
      ctx.reply.integer(0);
      return;
    }
    db.delete(dst);
  }
  place(db, dst, value, expireAt);
  db.delete(src);
  // One write for dirty (as Redis's server.dirty++), two modified keys.
  ctx.modified(src, 'rename_from');
  ctx.keyspace.keyModified(db, dst);
  ctx.notify('g', 'rename_to', dst);
  if (nx) ctx.reply.integer(1);
  else ctx.reply.ok();
}

export const rename = defineCommand({
  name: 'rename',
  arity: 3,
  flags: ['write'],
  acl: ['keyspace'],
  keys: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
    { flags: ['OW', 'update'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
  ],
  docs: {
    summary: 'Rename a key',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'newkey', type: 'key', keySpecIndex: 1 },
    ],
  },
  run(ctx, argv) {
    renameGeneric(ctx, argv, false);
  },
});

export const renamenx = defineCommand({
  name: 'renamenx',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  keys: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
    { flags: ['OW', 'insert'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
  ],
  docs: {
    summary: 'Rename a key, only if the new key does not exist',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    history: [['3.2.0', 'The command no longer returns an error when source and destination names are the same.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'newkey', type: 'key', keySpecIndex: 1 },
    ],
  },
  run(ctx, argv) {
    renameGeneric(ctx, argv, true);
  },
});

export const move = defineCommand({
  name: 'move',
  arity: 3,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Move a key to another database',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'db', type: 'integer' },
    ],
  },
  run(ctx, argv) {
    const key = argv[1]!;
    const src = ctx.db;
    const dst = parseDbIndex(ctx, argv[2]!);
    if (dst === src) throw SAME_OBJECT;
    const value = src.lookupWrite(key);
    if (value === undefined || dst.lookupWrite(key) !== undefined) {
      ctx.reply.integer(0);
      return;
    }
    place(dst, key, value, src.getExpire(key));
    src.delete(key);
    ctx.modified(key, 'move_from', 'g', src);
    ctx.keyspace.keyModified(dst, key);
    ctx.notify('g', 'move_to', key, dst);
    ctx.reply.integer(1);
  },
});

export const copy = defineCommand({
  name: 'copy',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['keyspace'],
  keys: [
    { flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
    { flags: ['OW', 'update'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } },
  ],
  docs: {
    summary: 'Copy a key',
    since: '6.2.0',
    group: 'generic',
    complexity: 'O(N) worst case for collections, where N is the number of nested items. O(1) for string values.',
    arguments: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      { name: 'destination-db', type: 'integer', token: 'DB', flags: ['optional'] },
      { name: 'replace', type: 'pure-token', token: 'REPLACE', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    const src = ctx.db;
    let dst = src;
    let replace = false;
    for (let j = 3; j < argv.length; j++) {
      const opt = argv[j]!.toLowerCase();
      if (opt === 'replace') {
        replace = true;
      } else if (opt === 'db' && j + 1 < argv.length) {
        dst = parseDbIndex(ctx, argv[++j]!);
      } else {
        throw SYNTAX;
      }
    }
    const key = argv[1]!;
    const newKey = argv[2]!;
    if (src === dst && key === newKey) throw SAME_OBJECT;
    const value = src.lookupRead(key);
    if (value === undefined) {
      ctx.reply.integer(0);
      return;
    }
    const expireAt = src.getExpire(key);
    if (dst.lookupWrite(newKey) !== undefined) {
      if (!replace) {
        ctx.reply.integer(0);
        return;
      }
      dst.delete(newKey);
    }
    place(dst, newKey, duplicate(value), expireAt);
    ctx.modified(newKey, 'copy_to', 'g', dst);
    ctx.reply.integer(1);
  },
});
