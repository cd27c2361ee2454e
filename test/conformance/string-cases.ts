// The side-by-side cases of the string commands (string.test.ts runs them).

import type { Case } from './harness.js';

const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const BIN = 'a\x00b\r\n\xff\x80';

export const basics: Case[] = [
  { name: 'GET and SET round-trip strings, empty and binary values', steps: [
    ['GET', 'k'], ['SET', 'k', 'v'], ['GET', 'k'], ['SET', 'k', ''], ['GET', 'k'],
    ['SET', 'k', BIN], ['GET', 'k'], ['SET', BIN, 'binkey'], ['GET', BIN],
    ['SET', 'k', 'x'.repeat(100000)], ['GET', 'k'], ['SET', 'k', '12345'], ['GET', 'k'],
  ] },
  { name: 'GET and SET arity', steps: [['GET'], ['GET', 'a', 'b'], ['SET', 'k'], ['SET'], ['get']] },
  { name: 'SET NX and XX', steps: [
    ['SET', 'k', 'v', 'XX'], ['GET', 'k'], ['SET', 'k', 'v', 'NX'], ['SET', 'k', 'v2', 'NX'], ['GET', 'k'],
    ['SET', 'k', 'v3', 'XX'], ['GET', 'k'], ['SET', 'k', 'v', 'nx', 'nx'], ['SET', 'k', 'v4', 'xx', 'XX'], ['GET', 'k'],
  ] },
  { name: 'SET option conflicts and unknown options are syntax errors', steps: [
    ['SET', 'k', 'v', 'NX', 'XX'], ['SET', 'k', 'v', 'XX', 'NX'], ['SET', 'k', 'v', 'EX', '10', 'PX', '100'],
    ['SET', 'k', 'v', 'PX', '100', 'EX', '10'], ['SET', 'k', 'v', 'EX', '10', 'EXAT', '9999999999'],
    ['SET', 'k', 'v', 'PXAT', '9999999999999', 'EX', '10'], ['SET', 'k', 'v', 'KEEPTTL', 'EX', '10'],
    ['SET', 'k', 'v', 'EX', '10', 'KEEPTTL'], ['SET', 'k', 'v', 'PERSIST'], ['SET', 'k', 'v', 'EX'],
    ['SET', 'k', 'v', 'PX'], ['SET', 'k', 'v', 'FOO'], ['SET', 'k', 'v', 'GETX'], ['SET', 'k', 'v', 'NXX'],
    ['SET', 'k', 'v', 'EX', '10', 'EX'], ['SET', 'k', 'v', 'NX\x00junk'], ['GET', 'k'],
  ] },
  { name: 'SET expire values: invalid, overflowing, not integers', steps: [
    ['SET', 'k', 'v', 'EX', '0'], ['SET', 'k', 'v', 'EX', '-1'], ['SET', 'k', 'v', 'PX', '0'],
    ['SET', 'k', 'v', 'EXAT', '0'], ['SET', 'k', 'v', 'PXAT', '-5'], ['SET', 'k', 'v', 'EX', 'abc'],
    ['SET', 'k', 'v', 'EX', '1.5'], ['SET', 'k', 'v', 'EX', ' 10'], ['SET', 'k', 'v', 'EX', '+10'],
    ['SET', 'k', 'v', 'EX', '9223372036854775'], ['SET', 'k', 'v', 'EX', '9223372036854776'],
    ['SET', 'k', 'v', 'EXAT', '9223372036854776'], ['SET', 'k', 'v', 'PX', I64_MAX],
    ['SET', 'k', 'v', 'PX', '9223372036854775808'], ['SET', 'k', 'v', 'EX', I64_MIN], ['GET', 'k'],
    ['SET', 'k', 'v', 'PXAT', I64_MAX], ['GET', 'k'], ['SET', 'k', 'v', 'EXAT', '9223372036854775'], ['GET', 'k'],
    ['SET', 'k', 'v', 'EX', '100', 'EX', '200'], ['SET', 'k', 'v', 'ex', '100'], ['SET', 'k', 'v', 'px', '100000'],
    ['SET', 'k', 'w', 'KEEPTTL'], ['SET', 'k', 'w', 'keepttl', 'KEEPTTL'], ['GET', 'k'],
  ] },
  { name: 'SET with an absolute time in the past stores a key that is already expired', steps: [
    ['SET', 'k', 'v', 'EXAT', '1'], ['GET', 'k'], ['SET', 'k', 'v', 'PXAT', '1000'], ['GET', 'k'],
    ['SET', 'k', 'v', 'XX'], ['SET', 'k', 'v', 'NX'], ['GET', 'k'],
  ] },
  { name: 'SET GET returns the old value', steps: [
    ['SET', 'k', 'v1', 'GET'], ['SET', 'k', 'v2', 'GET'], ['GET', 'k'], ['SET', 'k', 'v3', 'get', 'GET', 'Get'],
    ['SET', 'k', 'v4', 'NX', 'GET'], ['GET', 'k'], ['SET', 'n', 'v', 'XX', 'GET'], ['GET', 'n'],
    ['SET', 'k', 'v5', 'XX', 'GET'], ['SET', 'k', 'v6', 'GET', 'EX', '100'], ['SET', 'k', 'v7', 'GET', 'KEEPTTL'],
    ['SET', 'k', 'v8', 'GET', 'EX', '0'], ['GET', 'k'], ['SET', 'k2', BIN, 'GET'], ['SET', 'k2', 'x', 'GET'],
  ] },
  { name: 'SETNX', steps: [
    ['SETNX', 'k', 'v'], ['SETNX', 'k', 'w'], ['GET', 'k'], ['SETNX', 'k'], ['SETNX', 'k', 'v', 'x'],
  ] },
  { name: 'SETEX and PSETEX', steps: [
    ['SETEX', 'k', '100', 'v'], ['GET', 'k'], ['SETEX', 'k', '0', 'v'], ['SETEX', 'k', '-1', 'v'],
    ['SETEX', 'k', 'abc', 'v'], ['SETEX', 'k', '9223372036854775', 'v'], ['SETEX', 'k', '10'],
    ['PSETEX', 'k', '100000', 'w'], ['GET', 'k'], ['PSETEX', 'k', '0', 'v'], ['PSETEX', 'k', I64_MAX, 'v'],
    ['PSETEX', 'k', '1.5', 'v'], ['PSETEX', 'k', '1', 'v', 'x'],
  ] },
  { name: 'GETSET', steps: [
    ['GETSET', 'k', 'v'], ['GETSET', 'k', 'w'], ['GET', 'k'], ['GETSET', 'k', BIN], ['GETSET', 'k', ''],
    ['GETSET', 'k'], ['GETSET', 'k', 'a', 'b'],
  ] },
  { name: 'GETDEL', steps: [
    ['GETDEL', 'k'], ['SET', 'k', 'v'], ['GETDEL', 'k'], ['GET', 'k'], ['GETDEL', 'k'], ['GETDEL'], ['GETDEL', 'a', 'b'],
  ] },
  { name: 'GETEX options and errors', steps: [
    ['GETEX', 'k'], ['GETEX', 'k', 'EX', '0'], ['GETEX', 'k', 'EX', 'abc'], ['GETEX', 'k', 'PERSIST'],
    ['SET', 'k', 'v'], ['GETEX', 'k'], ['GETEX', 'k', 'EX', '100'], ['GETEX', 'k', 'PX', '100000'],
    ['GETEX', 'k', 'EXAT', '99999999999'], ['GETEX', 'k', 'PXAT', '99999999999999'], ['GETEX', 'k', 'PERSIST'],
    ['GETEX', 'k', 'persist', 'PERSIST'], ['GETEX', 'k', 'EX', '0'], ['GETEX', 'k', 'EX', '-1'],
    ['GETEX', 'k', 'EX', 'abc'], ['GETEX', 'k', 'PX', '9223372036854775807'], ['GETEX', 'k', 'EX', '9223372036854775'],
    ['GETEX', 'k', 'EX'], ['GETEX', 'k', 'EX', '10', 'PX', '10'], ['GETEX', 'k', 'PERSIST', 'EX', '10'],
    ['GETEX', 'k', 'EX', '10', 'PERSIST'], ['GETEX', 'k', 'KEEPTTL'], ['GETEX', 'k', 'NX'], ['GETEX', 'k', 'GET'],
    ['GETEX', 'k', 'FOO'], ['GETEX'], ['GET', 'k'],
  ] },
  { name: 'GETEX with an absolute time in the past deletes the key', steps: [
    ['SET', 'k', 'v'], ['GETEX', 'k', 'EXAT', '1'], ['GET', 'k'], ['SET', 'k', 'w'], ['GETEX', 'k', 'PXAT', '1'],
    ['GETEX', 'k', 'PXAT', '1'], ['GET', 'k'],
  ] },
  { name: 'MGET returns nil for missing keys', steps: [
    ['MGET', 'a'], ['SET', 'a', '1'], ['SET', 'c', BIN], ['MGET', 'a', 'b', 'c', 'a'], ['MGET'],
  ] },
  { name: 'MSET and MSETNX', steps: [
    ['MSET', 'a', '1', 'b', '2'], ['MGET', 'a', 'b'], ['MSET', 'a', '3', 'a', '4'], ['GET', 'a'],
    ['MSET', 'a'], ['MSET', 'a', '1', 'b'], ['MSET'], ['MSETNX', 'x', '1', 'y', '2'], ['MGET', 'x', 'y'],
    ['MSETNX', 'z', '1', 'x', '9'], ['MGET', 'x', 'z'], ['MSETNX', 'p', '1', 'q'], ['MSETNX', 'p'],
    ['MSETNX', 'r', '1', 'r', '2'], ['GET', 'r'],
  ] },
  { name: 'APPEND', steps: [
    ['APPEND', 'k', 'foo'], ['APPEND', 'k', 'bar'], ['GET', 'k'], ['APPEND', 'k', ''], ['APPEND', 'e', ''],
    ['GET', 'e'], ['APPEND', 'k', BIN], ['GET', 'k'], ['SET', 'n', '10'], ['APPEND', 'n', '5'], ['INCR', 'n'],
    ['APPEND', 'k'], ['APPEND', 'k', 'a', 'b'],
  ] },
  { name: 'STRLEN', steps: [
    ['STRLEN', 'k'], ['SET', 'k', BIN], ['STRLEN', 'k'], ['SET', 'k', ''], ['STRLEN', 'k'], ['SET', 'k', '12345'],
    ['STRLEN', 'k'], ['STRLEN'], ['STRLEN', 'a', 'b'],
  ] },
  { name: 'SETRANGE', steps: [
    ['SETRANGE', 'k', '0', ''], ['GET', 'k'], ['SETRANGE', 'k', '5', ''], ['GET', 'k'],
    ['SETRANGE', 'k', '3', 'abc'], ['GET', 'k'], ['SETRANGE', 'k', '1', 'X'], ['GET', 'k'],
    ['SETRANGE', 'k', '4', 'YYYY'], ['GET', 'k'], ['SETRANGE', 'k', '10', 'Z'], ['GET', 'k'],
    ['SETRANGE', 'k', '2', ''], ['SETRANGE', 'k', '0', BIN], ['GET', 'k'], ['SETRANGE', 'k', '-1', 'x'],
    ['SETRANGE', 'k', '-1', ''], ['SETRANGE', 'k', 'abc', 'x'], ['SETRANGE', 'k', '1.5', 'x'],
    ['SETRANGE', 'k', '536870912', 'x'], ['SETRANGE', 'k', '536870911', ''], ['SETRANGE', 'k', I64_MAX, 'x'],
    ['SETRANGE', 'new', '536870912', 'x'], ['SETRANGE', 'new', I64_MAX, 'xyz'], ['GET', 'new'],
    ['SET', 'n', '1234'], ['SETRANGE', 'n', '1', '9'], ['INCR', 'n'], ['SETRANGE', 'k', '1'], ['SETRANGE'],
  ] },
  { name: 'GETRANGE and SUBSTR', steps: [
    ['GETRANGE', 'k', '0', '-1'], ['SET', 'k', 'Hello World'],
    ...[['0', '-1'], ['0', '0'], ['0', '4'], ['-1', '-1'], ['-5', '-1'], ['-1', '-5'], ['5', '3'], ['3', '3'],
      ['0', '100'], ['100', '200'], ['-100', '-50'], ['-100', '2'], ['2', '-100'], ['10', '10'], ['11', '11'],
      ['-11', '-11'], ['-12', '-12'], ['0', I64_MAX], [I64_MIN, '-1'], [I64_MIN, I64_MAX],
      ['-9223372036854775807', I64_MIN], [I64_MIN, '-9223372036854775807'], [I64_MAX, I64_MAX],
      ['1', '-1'], ['-0', '1'], ['abc', '1'], ['1', 'abc'], ['9223372036854775808', '1'], ['1.5', '3']]
      .flatMap(([s, e]) => [['GETRANGE', 'k', s!, e!], ['SUBSTR', 'k', s!, e!]]),
    ['SET', 'e', ''], ['GETRANGE', 'e', '0', '-1'], ['GETRANGE', 'e', '0', '0'], ['GETRANGE', 'e', '-1', '-5'],
    ['SET', 'k', BIN], ['GETRANGE', 'k', '1', '3'], ['GETRANGE', 'missing', 'x', '1'], ['GETRANGE', 'k', '0'],
    ['SUBSTR', 'k', '0'],
  ] },
];

export const integers: Case[] = [
  { name: 'INCR, DECR, INCRBY, DECRBY on missing and existing keys', steps: [
    ['INCR', 'k'], ['INCR', 'k'], ['DECR', 'k'], ['DECR', 'k'], ['DECR', 'k'], ['GET', 'k'], ['INCRBY', 'k', '100'],
    ['INCRBY', 'k', '-250'], ['DECRBY', 'k', '-50'], ['DECRBY', 'k', '7'], ['GET', 'k'], ['DECR', 'd'],
    ['INCRBY', 'b', '0'], ['DECRBY', 'b', '0'], ['GET', 'b'], ['DECRBY', 'z', '-0'],
  ] },
  { name: 'INCR on values that are not integers', steps: [
    ...['abc', '', ' 1', '1 ', '+1', '01', '-0', '1.0', '1e3', '0x10', '9223372036854775808', '-9223372036854775809',
      '1\x00', '99999999999999999999'].flatMap((v) => [['SET', 'k', v], ['INCR', 'k'], ['DECRBY', 'k', '1'], ['GET', 'k']]),
  ] },
  { name: 'INCRBY and DECRBY arguments that are not integers', steps: [
    ['INCRBY', 'k', 'abc'], ['INCRBY', 'k', ''], ['INCRBY', 'k', '1.5'], ['INCRBY', 'k', ' 1'], ['INCRBY', 'k', '+1'],
    ['INCRBY', 'k', '9223372036854775808'], ['DECRBY', 'k', '-9223372036854775809'], ['DECRBY', 'k', '1e2'],
    ['SET', 'k', 'abc'], ['INCRBY', 'k', 'abc'], ['GET', 'k'],
  ] },
  { name: 'the int64 range is exact and its limits are enforced', steps: [
    ['SET', 'k', '9223372036854775806'], ['INCR', 'k'], ['INCR', 'k'], ['GET', 'k'],
    ['SET', 'k', '-9223372036854775807'], ['DECR', 'k'], ['DECR', 'k'], ['GET', 'k'],
    ['SET', 'k', '1'], ['INCRBY', 'k', I64_MAX], ['SET', 'k', '0'], ['INCRBY', 'k', I64_MAX], ['INCRBY', 'k', I64_MIN],
    ['INCRBY', 'k', I64_MIN], ['SET', 'k', '-1'], ['DECRBY', 'k', I64_MAX], ['DECRBY', 'k', '1'],
    ['DECRBY', 'k', I64_MIN], ['DECRBY', 'missing', I64_MIN], ['GET', 'missing'],
    ['SET', 'k', '9007199254740992'], ['INCR', 'k'], ['INCR', 'k'], ['INCRBY', 'k', '9007199254740993'],
    ['SET', 'k', '999999999999999'], ['INCR', 'k'], ['INCR', 'k'], ['DECRBY', 'k', '1000000000000002'], ['DECR', 'k'],
    ['SET', 'k', '-999999999999999'], ['INCRBY', 'k', '-999999999999999'], ['INCRBY', 'k', '-999999999999999'],
    ['SET', 'k', '4611686018427387904'], ['INCRBY', 'k', '4611686018427387903'], ['INCRBY', 'k', '1'],
  ] },
  { name: 'INCR family arity', steps: [
    ['INCR'], ['INCR', 'a', 'b'], ['DECR'], ['INCRBY', 'k'], ['INCRBY', 'k', '1', '2'], ['DECRBY', 'k'], ['INCRBYFLOAT', 'k'],
  ] },
];

export const floats: Case[] = [
  { name: 'INCRBYFLOAT matches long double arithmetic and %.17Lf formatting', steps: [
    ['SET', 'k', '0'], ['INCRBYFLOAT', 'k', '0.1'], ['SET', 'k', '0'], ['INCRBYFLOAT', 'k', '1.1'], ['INCRBYFLOAT', 'k', '2.2'],
    ['INCRBYFLOAT', 'f', '0.1'], ...Array.from({ length: 9 }, () => ['INCRBYFLOAT', 'f', '0.1']),
    ['SET', 'k', '1e308'], ['INCRBYFLOAT', 'k', '1e308'], ['INCRBYFLOAT', 'k', '1e308'],
    ['SET', 'k', '10.5'], ['INCRBYFLOAT', 'k', '-10.5'], ['INCRBYFLOAT', 'k', '5.0e3'], ['INCRBYFLOAT', 'k', '-5000'],
    ['INCRBYFLOAT', 't', '0.3333333333333333333333'], ['INCRBYFLOAT', 't', '0.3333333333333333333333'],
    ['INCRBYFLOAT', 'u', '1.5e-7'], ['INCRBYFLOAT', 'v', '1e-20'], ['INCRBYFLOAT', 'w', '-1e-20'],
    ['INCRBYFLOAT', 'x', '3.814697265625e-6'], ['INCRBYFLOAT', 'y', '-3.814697265625e-6'],
    ['INCRBYFLOAT', 'z', '123456789012345678901234567890'], ['INCRBYFLOAT', 'z', '0.5'],
    ['INCRBYFLOAT', 'p', '0.00000000000000000500000000000000001'], ['INCRBYFLOAT', 'q', '0.000000000000000015'],
    ['INCRBYFLOAT', 'r', '1.00000000000000000000000000001'], ['INCRBYFLOAT', 's', '18446744073709551617'],
    ['INCRBYFLOAT', 's', '-1'], ['SET', 'i', '17'], ['INCRBYFLOAT', 'i', '1'], ['INCR', 'i'],
    ['SET', 'i', I64_MAX], ['INCRBYFLOAT', 'i', '1'], ['SET', 'i', I64_MIN], ['INCRBYFLOAT', 'i', '-0.5'],
  ] },
  { name: 'INCRBYFLOAT accepts what strtold accepts', steps: [
    ...['0x10', '0X1P-3', '0x1.8p1', '-0x.8', '0x1p-16445', '1e-4940', '-0', '+0', '+1.5', '.5', '5.', '1E2', '1e+2',
      '1e-2', 'inf', '-inf', '+INF', 'Infinity', '-infinity', '1.18973149535723176502e+4932', '0e99999999999',
      '0.0000000000000000000000000000000000001e37', '1' + '0'.repeat(400), '0.' + '0'.repeat(300) + '1', '1.' + '0'.repeat(5117)]
      .flatMap((inc) => [['SET', 'k', '1'], ['INCRBYFLOAT', 'k', inc]]),
  ] },
  { name: 'INCRBYFLOAT rejects what Redis rejects', steps: [
    ...['', ' 1', '1 ', '\t1', 'abc', '1e', '1e+', '0x', '0x1p', '.', '-', '+', 'e5', 'nan', 'NaN', '-nan', 'nan(123)',
      'inf1', 'infinit', '1e5000', '-1e5000', '1e-5000', '0x1p99999', '0x1p-99999', '1\x00', '\x00', '1,5', '1_0',
      '0b101', '1.2.3', '--1', '1' + '0'.repeat(5119), '1' + '0'.repeat(5118), '1.' + '0'.repeat(5118)]
      .flatMap((inc) => [['SET', 'k', '1'], ['INCRBYFLOAT', 'k', inc], ['SET', 'k', inc], ['INCRBYFLOAT', 'k', '1']]),
  ] },
  { name: 'INCRBYFLOAT results that overflow are NaN or Infinity errors', steps: [
    ['SET', 'k', '1.18973149535723176502e+4932'], ['INCRBYFLOAT', 'k', '1e4932'], ['GET', 'k'],
    ['INCRBYFLOAT', 'k', '-1e4932'], ['SET', 'k', 'inf'], ['INCRBYFLOAT', 'k', '1'], ['INCRBYFLOAT', 'k', '-inf'],
    ['SET', 'k', '1'], ['INCRBYFLOAT', 'k', 'inf'], ['GET', 'k'],
  ] },
];

export const lcsCases: Case[] = [
  { name: 'LCS returns the string, its length and match indexes', steps: [
    ['MSET', 'key1', 'ohmytext', 'key2', 'mynewtext'], ['LCS', 'key1', 'key2'], ['LCS', 'key1', 'key2', 'LEN'],
    ['LCS', 'key1', 'key2', 'IDX'], ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4'],
    ['LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '4', 'WITHMATCHLEN'], ['LCS', 'key1', 'key2', 'WITHMATCHLEN', 'IDX'],
    ['LCS', 'key1', 'key2', 'WITHMATCHLEN'], ['LCS', 'key1', 'key2', 'MINMATCHLEN', '-3', 'idx'],
    ['LCS', 'key2', 'key1', 'IDX', 'WITHMATCHLEN'], ['LCS', 'key1', 'key1', 'IDX', 'WITHMATCHLEN'],
    ['LCS', 'key1', 'missing'], ['LCS', 'missing', 'key1', 'IDX'], ['LCS', 'missing', 'missing2', 'LEN'],
    ['LCS', 'key1', 'missing', 'IDX', 'WITHMATCHLEN'],
  ] },
  { name: 'LCS on binary and repetitive strings', steps: [
    ['MSET', 'a', 'ACCGGTCGAGTGCGCGGAAGCCGGCCGAA', 'b', 'GTCGTTCGGAATGCCGTTGCTCTGTAAA'],
    ['LCS', 'a', 'b'], ['LCS', 'a', 'b', 'IDX', 'WITHMATCHLEN'], ['LCS', 'a', 'b', 'IDX', 'MINMATCHLEN', '2'],
    ['MSET', 'c', 'aaaa\x00\xffbbbb', 'd', '\xffbb\x00aa'], ['LCS', 'c', 'd'], ['LCS', 'c', 'd', 'IDX', 'WITHMATCHLEN'],
    ['MSET', 'e', 'abababab', 'f', 'babababa'], ['LCS', 'e', 'f', 'IDX'], ['LCS', 'e', 'f'],
  ] },
  { name: 'LCS options and errors', steps: [
    ['MSET', 'a', 'hello', 'b', 'world'], ['LCS', 'a', 'b', 'LEN', 'IDX'], ['LCS', 'a', 'b', 'IDX', 'LEN'],
    ['LCS', 'a', 'b', 'FOO'], ['LCS', 'a', 'b', 'MINMATCHLEN'], ['LCS', 'a', 'b', 'MINMATCHLEN', 'x'],
    ['LCS', 'a', 'b', 'MINMATCHLEN', '1.5', 'IDX'], ['LCS', 'a', 'b', 'len', 'len'], ['LCS', 'a'], ['LCS'],
  ] },
];

/** Run with proto-max-bulk-len 1mb. */
export const smallBulkCases: Case[] = [
  { name: 'APPEND and SETRANGE past proto-max-bulk-len fail', steps: [
    ['SETRANGE', 'k', '1048575', 'x'], ['STRLEN', 'k'], ['SETRANGE', 'k', '1048576', 'x'], ['APPEND', 'k', 'y'],
    ['SETRANGE', 'k', '1048575', ''], ['SETRANGE', 'k2', '1048576', 'x'], ['APPEND', 'k2', 'x'.repeat(1024)],
    ['APPEND', 'k2', 'x'.repeat(1048576 - 1024)], ['APPEND', 'k2', 'y'], ['STRLEN', 'k2'],
  ] },
  { name: 'LCS refuses a table larger than proto-max-bulk-len', steps: [
    ['SET', 'a', 'a'.repeat(600)], ['SET', 'b', 'b'.repeat(600)], ['LCS', 'a', 'b'], ['LCS', 'a', 'b', 'LEN'],
    ['SET', 'b', 'b'.repeat(400)], ['LCS', 'a', 'b', 'LEN'], ['LCS', 'a', 'b', 'LEN', 'IDX'],
  ] },
];
