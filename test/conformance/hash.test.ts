// Side-by-side conformance of the hash commands against redis-server 7.0:
// every command, option and error in RESP2 and RESP3, listpack and hashtable
// encodings (OBJECT ENCODING transitions), HRANDFIELD shapes, HSCAN.

import { conformanceSuite, type Case } from './harness.js';

const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const BIN = 'a\x00b\r\n\xff\x80';
const LONG = 'x'.repeat(65);

/** HSET of n fields f0..f(n-1) with values v0.. */
function fill(key: string, n: number, from = 0): string[] {
  const out = ['HSET', key];
  for (let i = from; i < from + n; i++) out.push(`f${i}`, `v${i}`);
  return out;
}

const cases: Case[] = [
  { name: 'HSET, HGET, HMGET, HLEN, HEXISTS, HSTRLEN basics', steps: [
    ['HSET', 'h', 'a', '1'], ['HSET', 'h', 'a', '2', 'b', '3', 'c', BIN], ['HGET', 'h', 'a'], ['HGET', 'h', 'zz'],
    ['HGET', 'nokey', 'a'], ['HMGET', 'h', 'a', 'b', 'nope', 'c'], ['HMGET', 'nokey', 'a', 'b'], ['HLEN', 'h'],
    ['HLEN', 'nokey'], ['HEXISTS', 'h', 'a'], ['HEXISTS', 'h', 'x'], ['HEXISTS', 'nokey', 'a'],
    ['HSTRLEN', 'h', 'c'], ['HSTRLEN', 'h', 'x'], ['HSTRLEN', 'nokey', 'x'], ['HSET', 'h', BIN, ''], ['HGET', 'h', BIN],
    ['HSET', 'h', '', 'empty'], ['HGETALL', 'h'], ['HKEYS', 'h'], ['HVALS', 'h'], ['OBJECT', 'ENCODING', 'h'],
    ['HSET', 'h', 'a', '-12345678901'], ['HSTRLEN', 'h', 'a'], ['HGETALL', 'h'],
  ] },
  { name: 'listpack order: insertion order, updates in place, HDEL in place', steps: [
    ['HSET', 'h', 'z', '1', 'y', '2', 'x', '3', 'w', '4'], ['HSET', 'h', 'y', '20'], ['HDEL', 'h', 'x'],
    ['HSET', 'h', 'x', '30'], ['HGETALL', 'h'], ['HKEYS', 'h'], ['HVALS', 'h'], ['HMSET', 'h', 'a', '1', 'z', '0'],
    ['HGETALL', 'h'], ['HSCAN', 'h', '0'], ['HSCAN', 'h', '17'], ['HSCAN', 'h', '0', 'MATCH', '[a-x]'],
    ['HSCAN', 'h', '0', 'COUNT', '1'], ['HSCAN', 'h', '0', 'MATCH', 'nothing*'],
  ] },
  { name: 'HSET/HMSET arity and reply', steps: [
    ['HSET', 'h', 'a'], ['HSET', 'h', 'a', '1', 'b'], ['HSET', 'h'], ['HMSET', 'h', 'a'], ['HMSET', 'h', 'a', '1', 'b'],
    ['HMSET', 'h', 'a', '1', 'b', '2'], ['HSET', 'h', 'a', '1', 'a', '2'], ['HGETALL', 'h'], ['EXISTS', 'h2'],
  ] },
  { name: 'HSETNX', steps: [
    ['HSETNX', 'h', 'a', '1'], ['HSETNX', 'h', 'a', '2'], ['HGET', 'h', 'a'], ['HSETNX', 'h', 'b', LONG],
    ['OBJECT', 'ENCODING', 'h'], ['HSETNX', 'h2', LONG, 'v'], ['OBJECT', 'ENCODING', 'h2'], ['HSETNX', 'h'],
    ['HSET', 'h3', 'a', '1'], ['HSETNX', 'h3', 'a', LONG], ['OBJECT', 'ENCODING', 'h3'],
  ] },
  { name: 'HDEL: count, missing fields, empty hash disappears', steps: [
    ['HDEL', 'nokey', 'a'], ['HSET', 'h', 'a', '1', 'b', '2', 'c', '3'], ['HDEL', 'h', 'a', 'a', 'zz'],
    ['HDEL', 'h', 'b', 'c', 'd'], ['EXISTS', 'h'], ['HDEL', 'h'], ['HGETALL', 'h'], ['HKEYS', 'h'], ['HVALS', 'h'],
  ] },
  { name: 'WRONGTYPE against strings, and strings commands against hashes', steps: [
    ['SET', 's', 'v'], ['HSET', 's', 'a', '1'], ['HGET', 's', 'a'], ['HMGET', 's', 'a'], ['HLEN', 's'],
    ['HSTRLEN', 's', 'a'], ['HEXISTS', 's', 'a'], ['HKEYS', 's'], ['HVALS', 's'], ['HGETALL', 's'], ['HDEL', 's', 'a'],
    ['HSETNX', 's', 'a', '1'], ['HMSET', 's', 'a', '1'], ['HINCRBY', 's', 'a', '1'], ['HINCRBYFLOAT', 's', 'a', '1'],
    ['HRANDFIELD', 's'], ['HRANDFIELD', 's', '1'], ['HSCAN', 's', '0'], ['HSET', 'h', 'a', '1'], ['GET', 'h'],
    ['INCR', 'h'], ['TYPE', 'h'], ['APPEND', 'h', 'x'],
  ] },
  { name: 'HINCRBY', steps: [
    ['HINCRBY', 'h', 'a', '5'], ['HINCRBY', 'h', 'a', '-7'], ['HINCRBY', 'h', 'a', 'x'], ['HINCRBY', 'h', 'a', '1.5'],
    ['HINCRBY', 'h', 'a', I64_MAX], ['HSET', 'h', 'b', I64_MAX], ['HINCRBY', 'h', 'b', '1'], ['HINCRBY', 'h', 'b', '0'],
    ['HSET', 'h', 'c', I64_MIN], ['HINCRBY', 'h', 'c', '-1'], ['HINCRBY', 'h', 'c', I64_MAX],
    ['HSET', 'h', 's', 'abc'], ['HINCRBY', 'h', 's', '1'], ['HSET', 'h', 's', ' 1'], ['HINCRBY', 'h', 's', '1'],
    ['HINCRBY', 'h', 'd', '9223372036854775808'], ['HGETALL', 'h'], ['HINCRBY', 'n', LONG, '1'],
    ['OBJECT', 'ENCODING', 'n'], ['HINCRBY', 'h'],
  ] },
  { name: 'HINCRBYFLOAT', steps: [
    ['HINCRBYFLOAT', 'h', 'a', '1.5'], ['HINCRBYFLOAT', 'h', 'a', '0.1'], ['HINCRBYFLOAT', 'h', 'a', '-1.6'],
    ['HINCRBYFLOAT', 'h', 'a', 'abc'], ['HINCRBYFLOAT', 'h', 'a', 'inf'], ['HINCRBYFLOAT', 'h', 'a', 'nan'],
    ['HINCRBYFLOAT', 'h', 'b', '1e308'], ['HINCRBYFLOAT', 'h', 'b', '1e308'], ['HINCRBYFLOAT', 'h', 'b', '1e4000'],
    ['HSET', 'h', 's', 'abc'], ['HINCRBYFLOAT', 'h', 's', '1'], ['HSET', 'h', 'i', '10'], ['HINCRBYFLOAT', 'h', 'i', '0.5'],
    ['HINCRBYFLOAT', 'h', 'e', '5.0e3'], ['HINCRBYFLOAT', 'h', 'e', '2.0e2'], { cmd: ['HGETALL', 'h'], relax: 'pairs' },
    ['OBJECT', 'ENCODING', 'h'], ['HINCRBYFLOAT', 'g', 'a', '1e4000'], ['OBJECT', 'ENCODING', 'g'],
    ['HINCRBYFLOAT', 'n', LONG, '1'], ['OBJECT', 'ENCODING', 'n'],
  ] },
  { name: 'encoding: listpack to hashtable on entries (512) and value length (64)', steps: [
    fill('h', 512), ['OBJECT', 'ENCODING', 'h'], ['HLEN', 'h'], ['HSET', 'h', 'f0', 'again'], ['OBJECT', 'ENCODING', 'h'],
    ['HSET', 'h', 'f512', 'v'], ['OBJECT', 'ENCODING', 'h'], ['HLEN', 'h'], ['HDEL', 'h', 'f512', 'f1'],
    ['OBJECT', 'ENCODING', 'h'], { cmd: ['HGETALL', 'h'], relax: 'pairs' }, { cmd: ['HKEYS', 'h'], relax: 'sorted' },
    ['HSET', 'v', 'a', 'x'.repeat(64)], ['OBJECT', 'ENCODING', 'v'], ['HSET', 'v', 'b', LONG], ['OBJECT', 'ENCODING', 'v'],
    ['HSET', 'w', LONG, '1'], ['OBJECT', 'ENCODING', 'w'], ['HGETALL', 'w'], fill('big', 600),
    ['OBJECT', 'ENCODING', 'big'], ['HGET', 'big', 'f599'], ['HSTRLEN', 'big', 'f599'], ['HEXISTS', 'big', 'f0'],
    { cmd: ['HVALS', 'big'], relax: 'sorted' }, ['HINCRBY', 'big', 'f0', '1'], ['HINCRBY', 'big', 'n', '1'],
  ] },
  { name: 'encoding with small limits', steps: [
    ['CONFIG', 'SET', 'hash-max-listpack-entries', '2'], ['CONFIG', 'SET', 'hash-max-listpack-value', '4'],
    ['HSET', 'h', 'a', '1', 'b', '2'], ['OBJECT', 'ENCODING', 'h'], ['HSET', 'h', 'c', '3'], ['OBJECT', 'ENCODING', 'h'],
    ['HSET', 'g', 'a', '12345'], ['OBJECT', 'ENCODING', 'g'], ['HSET', 'i', 'a', '1'], ['HINCRBYFLOAT', 'i', 'a', '0.125'],
    ['OBJECT', 'ENCODING', 'i'], ['HSET', 'j', 'a', '1'], ['HINCRBY', 'j', 'a', '100000'], ['OBJECT', 'ENCODING', 'j'],
    ['CONFIG', 'SET', 'hash-max-listpack-entries', '512'], ['CONFIG', 'SET', 'hash-max-listpack-value', '64'],
  ] },
  { name: 'HRANDFIELD deterministic cases', steps: [
    ['HRANDFIELD', 'nokey'], ['HRANDFIELD', 'nokey', '5'], ['HRANDFIELD', 'nokey', '-5', 'WITHVALUES'],
    ['HSET', 'h', 'a', '1', 'b', '2', 'c', '3'], ['HRANDFIELD', 'h', '0'], ['HRANDFIELD', 'h', '0', 'WITHVALUES'],
    ['HRANDFIELD', 'h', '3'], ['HRANDFIELD', 'h', '100', 'WITHVALUES'], ['HRANDFIELD', 'h', '3', 'withvalues'],
    ['HRANDFIELD', 'h', '1', 'WITHVALUES', 'x'], ['HRANDFIELD', 'h', '1', 'foo'], ['HRANDFIELD', 'h', 'x'],
    ['HRANDFIELD', 'h', I64_MIN], ['HRANDFIELD', 'h', '-9223372036854775807', 'WITHVALUES'],
    ['HRANDFIELD', 'h', '-4611686018427387904', 'WITHVALUES'], ['HRANDFIELD', 'h', '1.5'],
    ['HSET', 'one', 'f', 'v'], ['HRANDFIELD', 'one'], ['HRANDFIELD', 'one', '-3'], ['HRANDFIELD', 'one', '-3', 'WITHVALUES'],
    ['HRANDFIELD', 'one', '1', 'WITHVALUES'], fill('big', 600), { cmd: ['HRANDFIELD', 'big', '600'], relax: 'sorted' },
    { cmd: ['HRANDFIELD', 'big', '1000', 'WITHVALUES'], relax: 'sorted' },
  ] },
  { name: 'HSCAN arguments and hashtable scans', steps: [
    ['HSCAN', 'nokey', '0'], ['HSCAN', 'nokey', 'x'], ['HSET', 'h', 'a', '1'], ['HSCAN', 'h', 'abc'],
    ['HSCAN', 'h', '0', 'COUNT', '0'], ['HSCAN', 'h', '0', 'COUNT', 'x'], ['HSCAN', 'h', '0', 'TYPE', 'hash'],
    ['HSCAN', 'h', '0', 'MATCH'], ['HSCAN', 'h', '0', 'FOO', 'bar'], ['HSCAN', 'h', '-1'], ['HSCAN', 'h'],
    ['HSCAN', 'h', '18446744073709551616'], fill('big', 20, 0), ['HSET', 'big', 'long', LONG],
  ] },
  { name: 'arity errors', steps: [
    ['HGET', 'h'], ['HMGET', 'h'], ['HLEN'], ['HSTRLEN', 'h'], ['HEXISTS', 'h'], ['HKEYS'], ['HVALS'], ['HGETALL'],
    ['HINCRBYFLOAT', 'h', 'a'], ['HRANDFIELD'], ['HSCAN', 'h'], ['HDEL', 'h'], ['HSETNX', 'h', 'a'],
  ] },
];

conformanceSuite('hash commands', cases);
