// Command metadata (COMMAND INFO / COMMAND DOCS) of ZADD, ZINCRBY, ZREM, ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT, ZRANDMEMBER, ZSCAN,
// exactly as redis-server 7.0 declares them (generated with scripts/command-metadata.mjs).

import type { CommandMeta } from './common.js';

export const zadd: CommandMeta = {
  name: 'zadd',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Add one or more members to a sorted set, or update its score if it already exists',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) for each item added, where N is the number of elements in the sorted set.',
    history: [['2.4.0','Accepts multiple elements.'],['3.0.2','Added the `XX`, `NX`, `CH` and `INCR` options.'],['6.2.0','Added the `GT` and `LT` options.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'condition', type: 'oneof', since: '3.0.2', flags: ['optional'], arguments: [
        { name: 'nx', type: 'pure-token', token: 'NX' },
        { name: 'xx', type: 'pure-token', token: 'XX' },
      ] },
      { name: 'comparison', type: 'oneof', since: '6.2.0', flags: ['optional'], arguments: [
        { name: 'gt', type: 'pure-token', token: 'GT' },
        { name: 'lt', type: 'pure-token', token: 'LT' },
      ] },
      { name: 'change', type: 'pure-token', token: 'CH', since: '3.0.2', flags: ['optional'] },
      { name: 'increment', type: 'pure-token', token: 'INCR', since: '3.0.2', flags: ['optional'] },
      { name: 'score_member', type: 'block', flags: ['multiple'], arguments: [
        { name: 'score', type: 'double' },
        { name: 'member', type: 'string' },
      ] },
    ],
  },
};

export const zincrby: CommandMeta = {
  name: 'zincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Increment the score of a member in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) where N is the number of elements in the sorted set.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'increment', type: 'integer' },
      { name: 'member', type: 'string' },
    ],
  },
};

export const zrem: CommandMeta = {
  name: 'zrem',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove one or more members from a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.',
    history: [['2.4.0','Accepts multiple elements.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const zcard: CommandMeta = {
  name: 'zcard',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the number of members in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const zscore: CommandMeta = {
  name: 'zscore',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the score associated with the given member in a sorted set',
    since: '1.2.0',
    group: 'sorted-set',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string' },
    ],
  },
};

export const zmscore: CommandMeta = {
  name: 'zmscore',
  arity: -3,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the score associated with the given members in a sorted set',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N) where N is the number of members being requested.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const zrank: CommandMeta = {
  name: 'zrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Determine the index of a member in a sorted set',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N))',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string' },
    ],
  },
};

export const zrevrank: CommandMeta = {
  name: 'zrevrank',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Determine the index of a member in a sorted set, with scores ordered from high to low',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N))',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string' },
    ],
  },
};

export const zcount: CommandMeta = {
  name: 'zcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Count the members in a sorted set with scores within the given values',
    since: '2.0.0',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'double' },
      { name: 'max', type: 'double' },
    ],
  },
};

export const zlexcount: CommandMeta = {
  name: 'zlexcount',
  arity: 4,
  flags: ['readonly', 'fast'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Count the number of members in a sorted set between a given lexicographical range',
    since: '2.8.9',
    group: 'sorted-set',
    complexity: 'O(log(N)) with N being the number of elements in the sorted set.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'min', type: 'string' },
      { name: 'max', type: 'string' },
    ],
  },
};

export const zrandmember: CommandMeta = {
  name: 'zrandmember',
  arity: -2,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Get one or multiple random elements from a sorted set',
    since: '6.2.0',
    group: 'sorted-set',
    complexity: 'O(N) where N is the number of elements returned',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'options', type: 'block', flags: ['optional'], arguments: [
        { name: 'count', type: 'integer' },
        { name: 'withscores', type: 'pure-token', token: 'WITHSCORES', flags: ['optional'] },
      ] },
    ],
  },
};

export const zscan: CommandMeta = {
  name: 'zscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['sortedset'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate sorted sets elements and associated scores',
    since: '2.8.0',
    group: 'sorted-set',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', flags: ['optional'] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
    ],
  },
};
