// Command metadata (COMMAND INFO / COMMAND DOCS) of ZRANGE, ZRANGESTORE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX, ZREVRANGEBYLEX, ZREVRANGE, ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZREMRANGEBYLEX,
// exactly as redis-server 7.0 declares them (generated with scripts/command-metadata.mjs).

import type { CommandMeta } from './common.js';

export const zrange: CommandMeta = {
  name: 'zrange',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    history: [['6.2.0','Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'string' },
      { name: 'stop', type: 'string' },
      { name: 'sortby', type: 'oneof', since: '6.2.0', flags: ['optional'], arguments: [
        { name: 'byscore', type: 'pure-token', token: 'BYSCORE' },
        { name: 'bylex', type: 'pure-token', token: 'BYLEX' },
      ] },
      { name: 'rev', type: 'pure-token', token: 'REV', since: '6.2.0', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', since: '6.2.0', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
    ],
  },
};

export const zrangestore: CommandMeta = {
  name: 'zrangestore',
  arity: -5,
  flags: ['write', 'denyoom'],
  acl: ['sortedset'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Store a range of members from sorted set into another key',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.',
    arguments: [
      { name: 'dst', type: 'key', keySpecIndex: 0 },
      { name: 'src', type: 'key', keySpecIndex: 1 },
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
      { name: 'sortby', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'byscore', type: 'pure-token', token: 'BYSCORE' },
        { name: 'bylex', type: 'pure-token', token: 'BYLEX' },
      ] },
      { name: 'rev', type: 'pure-token', token: 'REV', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
  },
};

export const zrangebyscore: CommandMeta = {
  name: 'zrangebyscore',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set, by score',
    since: '1.0.5',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYSCORE` argument',
    history: [['2.0.0','Added the `WITHSCORES` modifier.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', since: '2.0.0', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
  },
};

export const zrevrangebyscore: CommandMeta = {
  name: 'zrevrangebyscore',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set, by score, with scores ordered from high to low',
    since: '2.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYSCORE` arguments',
    history: [['2.1.6','`min` and `max` can be exclusive.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'max', type: 'double' },
      { name: 'min', type: 'double' },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
  },
};

export const zrangebylex: CommandMeta = {
  name: 'zrangebylex',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set, by lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `BYLEX` argument',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
  },
};

export const zrevrangebylex: CommandMeta = {
  name: 'zrevrangebylex',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` and `BYLEX` arguments',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'max', type: 'string' },
      { name: 'min', type: 'string' },
      { name: 'offset_count', type: 'block', token: 'LIMIT', flags: ['optional'], arguments: [
        { name: 'offset', type: 'integer' },
        { name: 'count', type: 'integer' },
      ] },
    ],
  },
};

export const zrevrange: CommandMeta = {
  name: 'zrevrange',
  arity: -4,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Return a range of members in a sorted set, by index, with scores ordered from high to low',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.',
    docFlags: ['deprecated'],
    deprecatedSince: '6.2.0',
    replacedBy: '`ZRANGE` with the `REV` argument',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
      { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
    ],
  },
};

export const zremrangebyrank: CommandMeta = {
  name: 'zremrangebyrank',
  arity: 4,
  flags: ['write'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove all members in a sorted set within the given indexes',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'start', type: 'integer' },
      { name: 'stop', type: 'integer' },
    ],
  },
};

export const zremrangebyscore: CommandMeta = {
  name: 'zremrangebyscore',
  arity: 4,
  flags: ['write'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove all members in a sorted set within the given scores',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
    ],
  },
};

export const zremrangebylex: CommandMeta = {
  name: 'zremrangebylex',
  arity: 4,
  flags: ['write'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove all members in a sorted set between the given lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
    ],
  },
};
