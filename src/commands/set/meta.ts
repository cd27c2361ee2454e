// COMMAND INFO / COMMAND DOCS metadata of the set commands, from Redis 7.0.
import type { CommandSpec } from '../spec.js';

export type Meta = Omit<CommandSpec, 'run'>;

export const saddMeta: Meta = {
  name: 'sadd',
  arity: -3,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Add one or more members to a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    history: [['2.4.0','Accepts multiple `member` arguments.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const sremMeta: Meta = {
  name: 'srem',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Remove one or more members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the number of members to be removed.',
    history: [['2.4.0','Accepts multiple `member` arguments.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const scardMeta: Meta = {
  name: 'scard',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the number of members in a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const sismemberMeta: Meta = {
  name: 'sismember',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Determine if a given value is a member of a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string' },
    ],
  },
};

export const smismemberMeta: Meta = {
  name: 'smismember',
  arity: -3,
  flags: ['readonly', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Returns the membership associated with the given elements for a set',
    since: '6.2.0',
    group: 'set',
    complexity: 'O(N) where N is the number of elements being checked for membership',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'member', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const smembersMeta: Meta = {
  name: 'smembers',
  arity: 2,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Get all the members in a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the set cardinality.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const srandmemberMeta: Meta = {
  name: 'srandmember',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Get one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
    history: [['2.6.0','Added the optional `count` argument.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'count', type: 'integer', since: '2.6.0', flags: ['optional'] },
    ],
  },
};

export const spopMeta: Meta = {
  name: 'spop',
  arity: -2,
  flags: ['write', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Remove and return one or multiple random members from a set',
    since: '1.0.0',
    group: 'set',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    history: [['3.2.0','Added the `count` argument.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'count', type: 'integer', since: '3.2.0', flags: ['optional'] },
    ],
  },
};

export const smoveMeta: Meta = {
  name: 'smove',
  arity: 4,
  flags: ['write', 'fast'],
  acl: ['set'],
  keys: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RW', 'insert'], begin: { index: 2 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Move a member from one set to another',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(1)',
    arguments: [
      { name: 'source', type: 'key', keySpecIndex: 0 },
      { name: 'destination', type: 'key', keySpecIndex: 1 },
      { name: 'member', type: 'string' },
    ],
  },
};

export const sinterMeta: Meta = {
  name: 'sinter',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Intersect multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
};

export const sintercardMeta: Meta = {
  name: 'sintercard',
  arity: -3,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } } }],
  docs: {
    summary: 'Intersect multiple sets and return the cardinality of the result',
    since: '7.0.0',
    group: 'set',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    arguments: [
      { name: 'numkeys', type: 'integer' },
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
      { name: 'limit', type: 'integer', token: 'LIMIT', flags: ['optional'] },
    ],
  },
};

export const sinterstoreMeta: Meta = {
  name: 'sinterstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['set'],
  keys: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Intersect multiple sets and store the resulting set in a key',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
};

export const sunionMeta: Meta = {
  name: 'sunion',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Add multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
};

export const sunionstoreMeta: Meta = {
  name: 'sunionstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['set'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Add multiple sets and store the resulting set in a key',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
};

export const sdiffMeta: Meta = {
  name: 'sdiff',
  arity: -2,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Subtract multiple sets',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0, flags: ['multiple'] },
    ],
  },
};

export const sdiffstoreMeta: Meta = {
  name: 'sdiffstore',
  arity: -3,
  flags: ['write', 'denyoom'],
  acl: ['set'],
  keys: [{ flags: ['OW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }, { flags: ['RO', 'access'], begin: { index: 2 }, find: { range: { lastKey: -1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Subtract multiple sets and store the resulting set in a key',
    since: '1.0.0',
    group: 'set',
    complexity: 'O(N) where N is the total number of elements in all given sets.',
    arguments: [
      { name: 'destination', type: 'key', keySpecIndex: 0 },
      { name: 'key', type: 'key', keySpecIndex: 1, flags: ['multiple'] },
    ],
  },
};

export const sscanMeta: Meta = {
  name: 'sscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['set'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate Set elements',
    since: '2.8.0',
    group: 'set',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', flags: ['optional'] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
    ],
  },
};

