// Command metadata (COMMAND INFO / COMMAND DOCS) of ZPOPMIN, ZPOPMAX, ZMPOP, BZPOPMIN, BZPOPMAX, BZMPOP,
// exactly as redis-server 7.0 declares them (generated with scripts/command-metadata.mjs).

import type { CommandMeta } from './common.js';

export const zpopmin: CommandMeta = {
  name: 'zpopmin',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove and return members with the lowest scores in a sorted set',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'count', type: 'integer', flags: ['optional'] },
    ],
  },
};

export const zpopmax: CommandMeta = {
  name: 'zpopmax',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove and return members with the highest scores in a sorted set',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'count', type: 'integer', flags: ['optional'] },
    ],
  },
};

export const zmpop: CommandMeta = {
  name: 'zmpop',
  arity: -4,
  flags: ['write'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Remove and return members with scores in a sorted set',
    since: '7.0.0',
    group: 'sorted-set',
    complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'where', type: 'oneof', arguments: [
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
    ],
  },
};

export const bzpopmin: CommandMeta = {
  name: 'bzpopmin',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: -2, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove and return the member with the lowest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    history: [['6.0.0','`timeout` is interpreted as a double instead of an integer.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'timeout', type: 'double' },
    ],
  },
};

export const bzpopmax: CommandMeta = {
  name: 'bzpopmax',
  arity: -3,
  flags: ['write', 'noscript', 'blocking', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: -2, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove and return the member with the highest score from one or more sorted sets, or block until one is available',
    since: '5.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    history: [['6.0.0','`timeout` is interpreted as a double instead of an integer.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'timeout', type: 'double' },
    ],
  },
};

export const bzmpop: CommandMeta = {
  name: 'bzmpop',
  arity: -5,
  flags: ['write', 'blocking'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 2 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Remove and return members with scores in a sorted set or block until one is available',
    since: '7.0.0',
    group: 'sorted-set',
    complexity: 'O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.',
    arguments: [
      { name: 'timeout', type: 'double' },
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'where', type: 'oneof', arguments: [
        { name: 'min', type: 'pure-token', token: 'MIN' },
        { name: 'max', type: 'pure-token', token: 'MAX' },
      ] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
    ],
  },
};
