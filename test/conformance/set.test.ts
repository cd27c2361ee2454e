// Side-by-side conformance of the set commands against redis-server 7.0:
// every command, option and error in RESP2 and RESP3, intset and hashtable
// encodings (OBJECT ENCODING transitions), set algebra, random commands'
// deterministic cases, SSCAN.

import { conformanceSuite, type Case } from './harness.js';

const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const BIN = 'a\x00b\r\n\xff\x80';

function ints(key: string, from: number, n: number): string[] {
  const out = ['SADD', key];
  for (let i = from; i < from + n; i++) out.push(String(i));
  return out;
}

const S = 'sorted' as const;

const cases: Case[] = [
  { name: 'SADD, SREM, SCARD, SISMEMBER, SMISMEMBER, SMEMBERS on intsets (sorted)', steps: [
    ['SADD', 's', '5', '3', '-1', '3', I64_MAX, I64_MIN, '0'], ['SMEMBERS', 's'], ['SCARD', 's'], ['SCARD', 'nokey'],
    ['OBJECT', 'ENCODING', 's'], ['SISMEMBER', 's', '3'], ['SISMEMBER', 's', '4'], ['SISMEMBER', 's', '03'],
    ['SISMEMBER', 'nokey', '1'], ['SMISMEMBER', 's', '3', '4', 'x', '5'], ['SMISMEMBER', 'nokey', 'a', 'b'],
    ['SREM', 's', '3', '3', '99', 'x'], ['SMEMBERS', 's'], ['SREM', 's', '5', '-1', I64_MAX, I64_MIN, '0'],
    ['EXISTS', 's'], ['SMEMBERS', 's'], ['SREM', 'nokey', 'a'], ['SMEMBERS', 'nokey'],
  ] },
  { name: 'intset to hashtable: non-integers, int64 range, canonical forms', steps: [
    ['SADD', 'a', '1', '2'], ['SADD', 'a', '9223372036854775808'], ['OBJECT', 'ENCODING', 'a'],
    { cmd: ['SMEMBERS', 'a'], relax: S }, ['SADD', 'b', '1'], ['SADD', 'b', '01'], ['OBJECT', 'ENCODING', 'b'],
    ['SADD', 'c', '-0'], ['OBJECT', 'ENCODING', 'c'], ['SADD', 'd', 'x', '1', '2'], ['OBJECT', 'ENCODING', 'd'],
    ['SADD', 'e', '1', 'x'], ['OBJECT', 'ENCODING', 'e'], ['SREM', 'e', 'x'], ['OBJECT', 'ENCODING', 'e'],
    ['SADD', 'f', ' 1'], ['OBJECT', 'ENCODING', 'f'], ['SADD', 'g', BIN, ''], { cmd: ['SMEMBERS', 'g'], relax: S },
    ['SISMEMBER', 'g', ''], ['SISMEMBER', 'g', BIN],
  ] },
  { name: 'intset to hashtable past set-max-intset-entries (512)', steps: [
    ints('s', 0, 512), ['OBJECT', 'ENCODING', 's'], ['SADD', 's', '511'], ['OBJECT', 'ENCODING', 's'],
    ['SADD', 's', '512'], ['OBJECT', 'ENCODING', 's'], ['SCARD', 's'], ['SREM', 's', '512', '511'], ['OBJECT', 'ENCODING', 's'],
    { cmd: ['SMEMBERS', 's'], relax: S }, ['CONFIG', 'SET', 'set-max-intset-entries', '3'], ints('t', 0, 3),
    ['OBJECT', 'ENCODING', 't'], ['SADD', 't', '3'], ['OBJECT', 'ENCODING', 't'],
    ['CONFIG', 'SET', 'set-max-intset-entries', '512'],
  ] },
  { name: 'WRONGTYPE against strings', steps: [
    ['SET', 'str', 'v'], ['SADD', 'str', 'a'], ['SREM', 'str', 'a'], ['SCARD', 'str'], ['SISMEMBER', 'str', 'a'],
    ['SMISMEMBER', 'str', 'a'], ['SMEMBERS', 'str'], ['SRANDMEMBER', 'str'], ['SRANDMEMBER', 'str', '2'],
    ['SPOP', 'str'], ['SPOP', 'str', '2'], ['SMOVE', 'str', 'x', 'a'], ['SADD', 'x', 'a'], ['SMOVE', 'x', 'str', 'a'],
    ['SMOVE', 'nokey', 'str', 'a'], ['SINTER', 'x', 'str'], ['SINTER', 'nokey', 'str'], ['SINTERCARD', '2', 'x', 'str'],
    ['SINTERSTORE', 'd', 'x', 'str'], ['SUNION', 'x', 'str'], ['SUNIONSTORE', 'd', 'str'], ['SDIFF', 'x', 'str'],
    ['SDIFF', 'nokey', 'str'], ['SDIFFSTORE', 'd', 'x', 'str'], ['SSCAN', 'str', '0'], ['SMEMBERS', 'x'],
    ['SUNIONSTORE', 'str', 'x'], ['TYPE', 'str'], ['SMEMBERS', 'str'],
  ] },
  { name: 'SMOVE', steps: [
    ['SADD', 'a', '1', '2', 'x'], ['SADD', 'b', '3'], ['SMOVE', 'a', 'b', '1'], ['SMOVE', 'a', 'b', '99'],
    ['SMOVE', 'nokey', 'b', '1'], ['SMEMBERS', 'b'], ['OBJECT', 'ENCODING', 'b'], ['SMOVE', 'a', 'b', 'x'],
    ['OBJECT', 'ENCODING', 'b'], { cmd: ['SMEMBERS', 'b'], relax: S }, ['SMOVE', 'a', 'a', '2'], ['SMOVE', 'a', 'a', '7'],
    ['SMOVE', 'a', 'new', '2'], ['EXISTS', 'a'], ['SMEMBERS', 'new'], ['OBJECT', 'ENCODING', 'new'],
    ['SADD', 'c', 'q'], ['SMOVE', 'c', 'new2', 'q'], ['OBJECT', 'ENCODING', 'new2'], ['SADD', 'd', '5'],
    ['SMOVE', 'd', 'new', '2'], ['SMOVE', 'new', 'd', '2'], ['SMEMBERS', 'd'],
  ] },
  { name: 'SINTER, SINTERSTORE, SINTERCARD', steps: [
    ['SADD', 'a', '1', '2', '3', '4', '5'], ['SADD', 'b', '2', '3', '4', '6'], ['SADD', 'c', '3', '4', 'x'],
    ['SINTER', 'a', 'b'], ['SINTER', 'b', 'a'], { cmd: ['SINTER', 'a', 'b', 'c'], relax: S }, ['SINTER', 'a'], ['SINTER', 'a', 'nokey'],
    ['SINTER', 'a', 'a'], ['SINTERSTORE', 'd', 'a', 'b'], ['SMEMBERS', 'd'], ['OBJECT', 'ENCODING', 'd'],
    ['SINTERSTORE', 'd', 'a', 'nokey'], ['EXISTS', 'd'], ['SINTERSTORE', 'd', 'a', 'b', 'c'], ['OBJECT', 'ENCODING', 'd'],
    ['SADD', 'x1', 'p', 'q', 'r'], ['SADD', 'x2', 'q', 'r', 's'], { cmd: ['SINTER', 'x1', 'x2'], relax: S },
    ['SINTERSTORE', 'd', 'x1', 'x2'], ['OBJECT', 'ENCODING', 'd'], { cmd: ['SMEMBERS', 'd'], relax: S },
    ['SINTERSTORE', 'd', 'x1', 'a'], ['EXISTS', 'd'], ['SINTERCARD', '2', 'a', 'b'], ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '2'],
    ['SINTERCARD', '2', 'a', 'b', 'LIMIT', '0'], ['SINTERCARD', '2', 'a', 'b', 'limit', '100'], ['SINTERCARD', '1', 'a'],
    ['SINTERCARD', '2', 'a', 'nokey'], ['SINTERCARD', '0', 'a'], ['SINTERCARD', 'x', 'a'], ['SINTERCARD', '-1', 'a'],
    ['SINTERCARD', '3', 'a', 'b'], ['SINTERCARD', '1', 'a', 'LIMIT', '-1'], ['SINTERCARD', '1', 'a', 'LIMIT', 'x'],
    ['SINTERCARD', '1', 'a', 'LIMIT'], ['SINTERCARD', '1', 'a', 'FOO', '1'], ['SINTERCARD', '1', 'a', 'b'],
    ['SET', 'str', 'v'], ['SINTERSTORE', 'str', 'a', 'b'], ['TYPE', 'str'], ['SINTERSTORE', 'a', 'a', 'b'], ['SMEMBERS', 'a'],
  ] },
  { name: 'SUNION, SUNIONSTORE, SDIFF, SDIFFSTORE', steps: [
    ['SADD', 'a', '1', '2', '3', '4', '5'], ['SADD', 'b', '2', '3', '4', '6'], ['SADD', 'c', '3', '4', 'x'],
    ['SUNION', 'a', 'b'], ['SUNION', 'a', 'nokey'], ['SUNION', 'nokey'], { cmd: ['SUNION', 'a', 'c'], relax: S },
    ['SUNIONSTORE', 'd', 'a', 'b'], ['SMEMBERS', 'd'], ['OBJECT', 'ENCODING', 'd'], ['SUNIONSTORE', 'd', 'nokey'],
    ['EXISTS', 'd'], ['SUNIONSTORE', 'd', 'a', 'c'], ['OBJECT', 'ENCODING', 'd'], ['SDIFF', 'a', 'b'], ['SDIFF', 'a', 'b', 'c'],
    ['SDIFF', 'a', 'nokey'], ['SDIFF', 'nokey', 'a'], ['SDIFF', 'a', 'a'], ['SDIFF', 'a'], ['SDIFF', 'c', 'a'],
    ['SDIFFSTORE', 'd', 'a', 'b'], ['SMEMBERS', 'd'], ['SDIFFSTORE', 'd', 'a', 'a'], ['EXISTS', 'd'],
    ['SDIFFSTORE', 'd', 'c', 'a'], ['OBJECT', 'ENCODING', 'd'], ['SMEMBERS', 'd'], ints('big', 0, 600), ints('small', 0, 3),
    ['SDIFFSTORE', 'd', 'big', 'small'], ['OBJECT', 'ENCODING', 'd'], ['SCARD', 'd'], ints('b2', 100, 500),
    ['SDIFFSTORE', 'd', 'big', 'b2', 'small'], ['OBJECT', 'ENCODING', 'd'], ['SMEMBERS', 'd'],
    ['SDIFF', 'small', 'big'], ['SUNIONSTORE', 'u', 'small', 'b2'], ['OBJECT', 'ENCODING', 'u'],
  ] },
  { name: 'SRANDMEMBER and SPOP deterministic cases', steps: [
    ['SRANDMEMBER', 'nokey'], ['SRANDMEMBER', 'nokey', '3'], ['SRANDMEMBER', 'nokey', I64_MIN], ['SRANDMEMBER', 'nokey', I64_MAX],
    ['SPOP', 'nokey', I64_MAX], ['SPOP', 'nokey', I64_MIN], ['SRANDMEMBER', 'nokey', '-3'], ['SRANDMEMBER', 'nokey', '0'],
    ['SPOP', 'nokey'], ['SPOP', 'nokey', '3'], ['SPOP', 'nokey', '0'], ['SPOP', 'nokey', '-1'], ['SPOP', 'nokey', 'x'],
    ['SADD', 's', '1', '2', '3'], ['SRANDMEMBER', 's', '0'], ['SRANDMEMBER', 's', '3'], ['SRANDMEMBER', 's', '10'],
    ['SRANDMEMBER', 's', 'x'], ['SRANDMEMBER', 's', '1', '2'], ['SPOP', 's', '1', '2'], ['SPOP', 's', '-1'],
    ['SPOP', 's', '0'], ['SPOP', 's', 'x'], ['SPOP', 's', '3'], ['EXISTS', 's'], ['SADD', 'one', 'm'],
    ['SRANDMEMBER', 'one'], ['SRANDMEMBER', 'one', '-4'], ['SRANDMEMBER', 'one', '1'], ['SPOP', 'one'], ['EXISTS', 'one'],
    ['SADD', 't', 'a', 'b', 'c'], { cmd: ['SRANDMEMBER', 't', '5'], relax: S }, { cmd: ['SPOP', 't', '5'], relax: S },
    ['EXISTS', 't'], ['SADD', 'u', '7'], ['SPOP', 'u', '1'], ['EXISTS', 'u'],
  ] },
  { name: 'SSCAN', steps: [
    ['SSCAN', 'nokey', '0'], ['SSCAN', 'nokey', 'x'], ['SADD', 's', '3', '1', '2'], ['SSCAN', 's', '0'],
    ['SSCAN', 's', '5'], ['SSCAN', 's', '0', 'MATCH', '[12]'], ['SSCAN', 's', '0', 'COUNT', '1'],
    ['SSCAN', 's', '0', 'COUNT', '0'], ['SSCAN', 's', '0', 'TYPE', 'set'], ['SSCAN', 's', 'x'], ['SSCAN', 's', '0', 'MATCH'],
    ['SADD', 'h', 'a'], ['SSCAN', 'h', '0'], ['SSCAN', 'h', '0', 'MATCH', 'b*'],
  ] },
  { name: 'arity errors', steps: [
    ['SADD', 's'], ['SREM', 's'], ['SCARD'], ['SISMEMBER', 's'], ['SMISMEMBER', 's'], ['SMEMBERS'], ['SRANDMEMBER'],
    ['SPOP'], ['SMOVE', 'a', 'b'], ['SINTER'], ['SINTERCARD', '1'], ['SINTERSTORE', 'd'], ['SUNION'], ['SDIFFSTORE', 'd'],
    ['SSCAN', 's'],
  ] },
];

conformanceSuite('set commands', cases);
