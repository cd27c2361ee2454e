// Command metadata (COMMAND INFO / COMMAND DOCS) of ZUNION, ZINTER, ZDIFF, ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE, ZINTERCARD,
// exactly as redis-server 7.0 declares them (generated with scripts/command-metadata.mjs).

import type { CommandMeta } from './common.js';

export const zunion: CommandMeta = {
  name: 'zunion',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Add multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
      { name: 'aggregate', type: 'oneof', token: 'AGGREGATE', flags: ['optional'], arguments: [
        { name: 'sum', type: 'pure-token', token: 'SUM' },
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
    ],
  },
};

export const zinter: CommandMeta = {
  name: 'zinter',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Intersect multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
      { name: 'aggregate', type: 'oneof', token: 'AGGREGATE', flags: ['optional'], arguments: [
        { name: 'sum', type: 'pure-token', token: 'SUM' },
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
    ],
  },
};

export const zdiff: CommandMeta = {
  name: 'zdiff',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Subtract multiple sorted sets',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
    ],
  },
};

export const zunionstore: CommandMeta = {
  name: 'zunionstore',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['sortedset'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Add multiple sorted sets and store the resulting sorted set in a new key',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
      { name: 'aggregate', type: 'oneof', token: 'AGGREGATE', flags: ['optional'], arguments: [
        { name: 'sum', type: 'pure-token', token: 'SUM' },
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
    ],
  },
};

export const zinterstore: CommandMeta = {
  name: 'zinterstore',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['sortedset'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Intersect multiple sorted sets and store the resulting sorted set in a new key',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
      { name: 'weight', type: 'integer', token: 'WEIGHTS', flags: ['optional', 'multiple'] },
      { name: 'aggregate', type: 'oneof', token: 'AGGREGATE', flags: ['optional'], arguments: [
        { name: 'sum', type: 'pure-token', token: 'SUM' },
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
    ],
  },
};

export const zdiffstore: CommandMeta = {
  name: 'zdiffstore',
  arity: -4,
  flags: ['write', 'denyoom'],
  acl: ['sortedset'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Subtract multiple sorted sets and store the resulting sorted set in a new key',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
};

export const zintercard: CommandMeta = {
  name: 'zintercard',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Intersect multiple sorted sets and return the cardinality of the result',
    since: '7.0.0',
    group: 'sorted-set',
    complexity: 'O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'limit', type: 'integer', token: 'LIMIT', flags: ['optional'] },
    ],
  },
};
