// COMMAND INFO / COMMAND DOCS metadata of the hash commands, from Redis 7.0.
import type { CommandSpec } from '../spec.js';

export type Meta = Omit<CommandSpec, 'run'>;

export const hsetMeta: Meta = {
  name: 'hset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the string value of a hash field',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    history: [['4.0.0','Accepts multiple `field` and `value` arguments.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field_value', type: 'block', flags: ['multiple'], arguments: [
        { name: 'field', type: 'string' },
        { name: 'value', type: 'string' },
      ] },
    ],
  },
};

export const hsetnxMeta: Meta = {
  name: 'hsetnx',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set the value of a hash field, only if the field does not exist',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
      { name: 'value', type: 'string' },
    ],
  },
};

export const hgetMeta: Meta = {
  name: 'hget',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the value of a hash field',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
    ],
  },
};

export const hmgetMeta: Meta = {
  name: 'hmget',
  arity: -3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the values of all the given hash fields',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields being requested.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const hmsetMeta: Meta = {
  name: 'hmset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Set multiple hash fields to multiple values',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields being set.',
    docFlags: ['deprecated'],
    deprecatedSince: '4.0.0',
    replacedBy: '`HSET` with multiple field-value pairs',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field_value', type: 'block', flags: ['multiple'], arguments: [
        { name: 'field', type: 'string' },
        { name: 'value', type: 'string' },
      ] },
    ],
  },
};

export const hdelMeta: Meta = {
  name: 'hdel',
  arity: -3,
  flags: ['write', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Delete one or more hash fields',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields to be removed.',
    history: [['2.4.0','Accepts multiple `field` arguments.']],
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string', flags: ['multiple'] },
    ],
  },
};

export const hlenMeta: Meta = {
  name: 'hlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the number of fields in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const hstrlenMeta: Meta = {
  name: 'hstrlen',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Get the length of the value of a hash field',
    since: '3.2.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
    ],
  },
};

export const hexistsMeta: Meta = {
  name: 'hexists',
  arity: 3,
  flags: ['readonly', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RO'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Determine if a hash field exists',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
    ],
  },
};

export const hkeysMeta: Meta = {
  name: 'hkeys',
  arity: 2,
  flags: ['readonly'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Get all the fields in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the size of the hash.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const hvalsMeta: Meta = {
  name: 'hvals',
  arity: 2,
  flags: ['readonly'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Get all the values in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the size of the hash.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const hgetallMeta: Meta = {
  name: 'hgetall',
  arity: 2,
  flags: ['readonly'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Get all the fields and values in a hash',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(N) where N is the size of the hash.',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
    ],
  },
};

export const hincrbyMeta: Meta = {
  name: 'hincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Increment the integer value of a hash field by the given number',
    since: '2.0.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
      { name: 'increment', type: 'integer' },
    ],
  },
};

export const hincrbyfloatMeta: Meta = {
  name: 'hincrbyfloat',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  acl: ['hash'],
  keys: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Increment the float value of a hash field by the given amount',
    since: '2.6.0',
    group: 'hash',
    complexity: 'O(1)',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'field', type: 'string' },
      { name: 'increment', type: 'double' },
    ],
  },
};

export const hrandfieldMeta: Meta = {
  name: 'hrandfield',
  arity: -2,
  flags: ['readonly'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Get one or multiple random fields from a hash',
    since: '6.2.0',
    group: 'hash',
    complexity: 'O(N) where N is the number of fields returned',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'options', type: 'block', flags: ['optional'], arguments: [
        { name: 'count', type: 'integer' },
        { name: 'withvalues', type: 'pure-token', token: 'WITHVALUES', flags: ['optional'] },
      ] },
    ],
  },
};

export const hscanMeta: Meta = {
  name: 'hscan',
  arity: -3,
  flags: ['readonly'],
  acl: ['hash'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  tips: ['nondeterministic_output'],
  docs: {
    summary: 'Incrementally iterate hash fields and associated values',
    since: '2.8.0',
    group: 'hash',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'cursor', type: 'integer' },
      { name: 'pattern', type: 'pattern', token: 'MATCH', flags: ['optional'] },
      { name: 'count', type: 'integer', token: 'COUNT', flags: ['optional'] },
    ],
  },
};

