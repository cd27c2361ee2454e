// DEL, UNLINK, EXISTS, TOUCH, TYPE: per-key presence and removal.

import { typeOf } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { defineCommand, type Argv } from '../spec.js';
import { lookupReadNoTouch } from './common.js';

/** Redis's delGenericCommand: expired keys count as absent; each removal is a `del` event. */
function deleteKeys(ctx: CommandContext, argv: Argv): void {
  const db = ctx.db;
  let deleted = 0;
  for (let i = 1; i < argv.length; i++) {
    const key = argv[i]!;
    if (db.expireIfNeeded(key)) continue;
    if (db.delete(key)) {
      ctx.modified(key, 'del');
      deleted++;
    }
  }
  ctx.reply.integer(deleted);
}

const multiKeyDelete = [{ flags: ['RM', 'delete'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }] as const;
const aggSum = ['request_policy:multi_shard', 'response_policy:agg_sum'];

export const del = defineCommand({
  name: 'del',
  arity: -2,
  flags: ['write'],
  acl: ['keyspace'],
  keys: multiKeyDelete,
  tips: aggSum,
  docs: {
    summary: 'Delete a key',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run: deleteKeys,
});

/** UNLINK frees memory lazily in Redis; here the garbage collector does that for both. */
export const unlink = defineCommand({
  name: 'unlink',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['keyspace'],
  keys: multiKeyDelete,
  tips: aggSum,
  docs: {
    summary: 'Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.',
    since: '4.0.0',
    group: 'generic',
    complexity: 'O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run: deleteKeys,
});

export const exists = defineCommand({
  name: 'exists',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: aggSum,
  docs: {
    summary: 'Determine if a key exists',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys to check.',
    history: [['3.0.3', 'Accepts multiple `key` arguments.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    // A key named twice counts twice, as in Redis.
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (lookupReadNoTouch(ctx.db, argv[i]!) !== undefined) n++;
    ctx.reply.integer(n);
  },
});

export const touch = defineCommand({
  name: 'touch',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: aggSum,
  docs: {
    summary: 'Alters the last access time of a key(s). Returns the number of existing keys specified.',
    since: '3.2.1',
    group: 'generic',
    complexity: 'O(N) where N is the number of keys that will be touched.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
  run(ctx, argv) {
    let n = 0;
    for (let i = 1; i < argv.length; i++) if (ctx.db.lookupRead(argv[i]!) !== undefined) n++;
    ctx.reply.integer(n);
  },
});

export const type = defineCommand({
  name: 'type',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['keyspace'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Determine the type stored at key',
    since: '1.0.0',
    group: 'generic',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
  run(ctx, argv) {
    const v = lookupReadNoTouch(ctx.db, argv[1]!);
    ctx.reply.simple(v === undefined ? 'none' : typeOf(v));
  },
});
