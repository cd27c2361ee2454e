// Side-by-side conformance of the bitmap commands (SETBIT GETBIT BITCOUNT
// BITPOS BITOP BITFIELD BITFIELD_RO) against redis-server 7.0, RESP2 and RESP3.

import { conformanceSuite, type Case } from './harness.js';

const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';

const cases: Case[] = [
  { name: 'SETBIT/GETBIT basics and growth', steps: [
    ['SETBIT', 'k', '7', '1'], ['GET', 'k'], ['SETBIT', 'k', '7', '0'], ['GET', 'k'], ['SETBIT', 'k', '100', '1'],
    ['STRLEN', 'k'], ['GET', 'k'], ['GETBIT', 'k', '100'], ['GETBIT', 'k', '99'], ['GETBIT', 'k', '100000'],
    ['GETBIT', 'missing', '0'], ['SETBIT', 'k', '100', '1'], ['SET', 's', '\xff\x00'], ['GETBIT', 's', '0'], ['GETBIT', 's', '8'],
    ['SETBIT', 's', '15', '1'], ['GET', 's'], ['SET', 'n', '12'], ['SETBIT', 'n', '0', '1'], ['GET', 'n'],
    ['SETBIT', 'big', '67108863', '1'], ['STRLEN', 'big'], ['GETBIT', 'big', '67108863'], ['BITPOS', 'big', '1'], ['BITCOUNT', 'big', '-1', '-1'], ['BITCOUNT', 'big'],
  ] },
  { name: 'SETBIT/GETBIT errors', steps: [
    ['SETBIT', 'k', '-1', '1'], ['SETBIT', 'k', 'x', '1'], ['SETBIT', 'k', '4294967296', '1'], ['SETBIT', 'k', '0', '2'],
    ['SETBIT', 'k', '0', '-1'], ['SETBIT', 'k', '0', 'x'], ['SETBIT', 'k', '1.5', 'x'], ['SETBIT', 'k', I64_MAX, '1'],
    ['GETBIT', 'k', '-1'], ['GETBIT', 'k', '4294967296'], ['GETBIT', 'k', '4294967295'], ['LPUSH', 'l', 'a'],
    ['SETBIT', 'l', '0', '1'], ['GETBIT', 'l', '0'], ['SETBIT', 'l', '-1', '1'], ['GETBIT', 'l', 'x'], ['SETBIT', 'k'],
    ['GETBIT', 'k', '0', '1'], ['EXISTS', 'k'],
  ] },
  { name: 'BITCOUNT ranges', steps: [
    ['SET', 'k', 'foobar'], ['BITCOUNT', 'k'], ['BITCOUNT', 'k', '0', '0'], ['BITCOUNT', 'k', '1', '1'], ['BITCOUNT', 'k', '1', '-2'],
    ['BITCOUNT', 'k', '-3', '-1'], ['BITCOUNT', 'k', '-1', '-3'], ['BITCOUNT', 'k', '5', '100'], ['BITCOUNT', 'k', '100', '200'],
    ['BITCOUNT', 'k', '-100', '-50'], ['BITCOUNT', 'k', '-100', '100'], ['BITCOUNT', 'k', '1', '5', 'BYTE'], ['BITCOUNT', 'k', '5', '30', 'BIT'],
    ['BITCOUNT', 'k', '5', '30', 'bit'], ['BITCOUNT', 'k', '0', '-1', 'BIT'], ['BITCOUNT', 'k', '-9', '-2', 'BIT'], ['BITCOUNT', 'k', '3', '3', 'BIT'],
    ['BITCOUNT', 'k', '7', '8', 'BIT'], ['BITCOUNT', 'k', '47', '1000', 'BIT'], ['BITCOUNT', 'k', '48', '1000', 'BIT'],
    ['BITCOUNT', 'k', I64_MIN, I64_MAX], ['BITCOUNT', 'k', I64_MIN, I64_MAX, 'BIT'], ['BITCOUNT', 'k', I64_MAX, I64_MIN],
    ['BITCOUNT', 'k', '-9223372036854775807', I64_MIN], ['SET', 'e', ''], ['BITCOUNT', 'e'], ['BITCOUNT', 'e', '0', '-1'], ['BITCOUNT', 'e', '0', '-1', 'BIT'],
  ] },
  { name: 'BITCOUNT errors and missing keys', steps: [
    ['SET', 'k', 'foobar'], ['BITCOUNT', 'k', '0'], ['BITCOUNT', 'k', '0', '1', 'BITS'], ['BITCOUNT', 'k', 'a', '1'], ['BITCOUNT', 'k', '0', 'b'],
    ['BITCOUNT', 'k', '0', '1', 'BIT', 'x'], ['BITCOUNT', 'missing', '0'], ['BITCOUNT', 'missing', 'a', 'b'], ['BITCOUNT', 'missing', '0', '1', 'x'],
    ['HSET', 'h', 'f', 'v'], ['BITCOUNT', 'h'], ['BITCOUNT', 'h', 'x'], ['BITCOUNT'], ['SET', 'i', '12345'], ['BITCOUNT', 'i'], ['BITCOUNT', 'i', '1', '2', 'BIT'],
  ] },
  { name: 'BITPOS', steps: [
    ['SET', 'k', '\xff\xf0\x00'], ['BITPOS', 'k', '0'], ['BITPOS', 'k', '1'], ['BITPOS', 'k', '1', '2'], ['BITPOS', 'k', '0', '2'],
    ['SET', 'f', '\xff\xff\xff'], ['BITPOS', 'f', '0'], ['BITPOS', 'f', '0', '1'], ['BITPOS', 'f', '0', '1', '-1'], ['BITPOS', 'f', '1', '3'],
    ['BITPOS', 'f', '0', '0', '-1', 'BIT'], ['BITPOS', 'f', '0', '5', 'BIT'], ['BITPOS', 'f', '0', '7', '7', 'BIT'], ['BITPOS', 'f', '0', '-3', 'BIT'],
    ['SET', 'z', '\x00\x00\x00'], ['BITPOS', 'z', '1'], ['BITPOS', 'z', '0'], ['BITPOS', 'z', '0', '1'], ['BITPOS', 'z', '1', '0', '-1', 'BIT'],
    ['BITPOS', 'k', '1', '7', '15', 'BIT'], ['BITPOS', 'k', '0', '7', '15', 'BIT'], ['BITPOS', 'k', '0', '3', '11', 'BIT'], ['BITPOS', 'k', '1', '9', '11', 'BIT'],
    ['BITPOS', 'k', '0', '-12', '-1', 'bit'], ['BITPOS', 'k', '1', '-1', '-2'], ['BITPOS', 'k', '1', '100'], ['BITPOS', 'k', '0', '100'],
    ['BITPOS', 'k', '0', I64_MIN, I64_MAX], ['BITPOS', 'k', '1', I64_MIN, I64_MAX, 'BIT'], ['BITPOS', 'k', '1', '1', '1', 'BYTE'],
    ['BITPOS', 'missing', '0'], ['BITPOS', 'missing', '1'], ['BITPOS', 'missing', '1', 'x'], ['SET', 'e', ''], ['BITPOS', 'e', '0'], ['BITPOS', 'e', '1'],
  ] },
  { name: 'BITPOS errors', steps: [
    ['SET', 'k', 'ab'], ['BITPOS', 'k', '2'], ['BITPOS', 'k', 'x'], ['BITPOS', 'k', '-1'], ['BITPOS', 'k', '1', 'x'], ['BITPOS', 'k', '1', '0', 'y'],
    ['BITPOS', 'k', '1', '0', '1', 'BITS'], ['BITPOS', 'k', '1', '0', '1', 'BIT', 'x'], ['BITPOS', 'missing', '2'], ['SADD', 's', 'a'],
    ['BITPOS', 's', '1'], ['BITPOS', 's', '3'], ['BITPOS', 'k'],
  ] },
  { name: 'BITOP', steps: [
    ['SET', 'a', 'foobar'], ['SET', 'b', 'abcdef'], ['SET', 'c', '\xff'], ['BITOP', 'AND', 'd', 'a', 'b'], ['GET', 'd'],
    ['BITOP', 'or', 'd', 'a', 'b', 'c'], ['GET', 'd'], ['BITOP', 'XOR', 'd', 'a', 'c'], ['GET', 'd'], ['BITOP', 'NOT', 'd', 'a'], ['GET', 'd'],
    ['BITOP', 'AND', 'd', 'a', 'missing'], ['GET', 'd'], ['BITOP', 'OR', 'd', 'missing', 'c'], ['GET', 'd'], ['BITOP', 'AND', 'd', 'a'], ['GET', 'd'],
    ['BITOP', 'OR', 'd', 'missing', 'missing2'], ['EXISTS', 'd'], ['BITOP', 'NOT', 'd', 'missing'], ['SET', 'e', ''], ['BITOP', 'NOT', 'd', 'e'],
    ['SET', 'x', 'v', 'EX', '100'], ['BITOP', 'NOT', 'x', 'a'], ['TTL', 'x'], ['BITOP', 'AND', 'a', 'a', 'b'], ['GET', 'a'],
  ] },
  { name: 'BITOP errors', steps: [
    ['SET', 'a', 'x'], ['BITOP', 'NAND', 'd', 'a'], ['BITOP', 'NOT', 'd', 'a', 'a'], ['BITOP', 'NOT', 'd'], ['LPUSH', 'l', 'x'],
    ['BITOP', 'AND', 'd', 'a', 'l'], ['BITOP', 'AND', 'l', 'a'], ['TYPE', 'l'], ['BITOP', 'NOTX', 'd', 'a'], ['BITOP', 'AND\x00x', 'd', 'a'],
  ] },
  { name: 'BITFIELD GET/SET/INCRBY', steps: [
    ['BITFIELD', 'k', 'SET', 'i8', '0', '100', 'GET', 'u4', '0', 'GET', 'i4', '0', 'INCRBY', 'i8', '0', '27'], ['GET', 'k'],
    ['BITFIELD', 'k', 'INCRBY', 'i8', '0', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'i8', '0', '100', 'OVERFLOW', 'FAIL', 'INCRBY', 'i8', '0', '1'],
    ['BITFIELD', 'k', 'OVERFLOW', 'WRAP', 'INCRBY', 'u2', '100', '1', 'INCRBY', 'u2', '100', '3', 'OVERFLOW', 'SAT', 'INCRBY', 'u2', '100', '7', 'INCRBY', 'u2', '100', '-9'],
    ['BITFIELD', 'k', 'SET', 'u8', '#1', '255', 'GET', 'u8', '8', 'SET', 'i16', '#3', '-1', 'GET', 'u16', '48', 'GET', 'i64', '0', 'GET', 'u63', '1'],
    ['GET', 'k'], ['BITFIELD', 'k', 'SET', 'i64', '0', I64_MIN, 'INCRBY', 'i64', '0', '-1', 'OVERFLOW', 'SAT', 'INCRBY', 'i64', '0', '-1', 'INCRBY', 'i64', '0', I64_MAX],
    ['BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'SET', 'u8', '0', '256', 'SET', 'u8', '0', '-1', 'SET', 'i8', '0', '128', 'SET', 'i8', '0', '-129', 'GET', 'u8', '0'],
    ['BITFIELD', 'k', 'OVERFLOW', 'SAT', 'SET', 'u8', '0', '256', 'SET', 'u8', '0', '-1', 'SET', 'i8', '0', '128', 'SET', 'i8', '0', '-129', 'SET', 'i8', '0', I64_MIN],
    ['BITFIELD', 'k', 'OVERFLOW', 'WRAP', 'SET', 'u8', '0', '257', 'SET', 'u8', '0', '-1', 'SET', 'i8', '0', '130', 'SET', 'i8', '0', '-130', 'SET', 'u63', '0', '-1', 'GET', 'u63', '0'],
    ['BITFIELD', 'k', 'SET', 'u63', '0', I64_MAX, 'INCRBY', 'u63', '0', '1', 'OVERFLOW', 'SAT', 'INCRBY', 'u63', '0', I64_MAX, 'INCRBY', 'u63', '0', I64_MIN],
    ['BITFIELD', 'k', 'SET', 'i1', '3', '1', 'GET', 'i1', '3', 'SET', 'u1', '3', '3', 'INCRBY', 'i1', '3', '1', 'INCRBY', 'i1', '3', '-1'],
    ['BITFIELD', 'n', 'GET', 'u8', '0'], ['EXISTS', 'n'], ['BITFIELD', 'n'], ['BITFIELD', 'n', 'OVERFLOW', 'SAT'], ['EXISTS', 'n'],
    ['BITFIELD', 'n', 'OVERFLOW', 'FAIL', 'SET', 'u2', '100', '9'], ['GET', 'n'], ['BITFIELD', 'k', 'get', 'i64', '100000'], ['GET', 'k'],
    ['BITFIELD', 'w', 'SET', 'u8', '67108856', '1'], ['STRLEN', 'w'],
  ] },
  { name: 'BITFIELD errors', steps: [
    ['BITFIELD', 'k', 'GET', 'u64', '0'], ['BITFIELD', 'k', 'GET', 'i65', '0'], ['BITFIELD', 'k', 'GET', 'i0', '0'], ['BITFIELD', 'k', 'GET', 'x8', '0'],
    ['BITFIELD', 'k', 'GET', 'i', '0'], ['BITFIELD', 'k', 'GET', 'I8', '0'], ['BITFIELD', 'k', 'GET', 'u8', '-1'], ['BITFIELD', 'k', 'GET', 'u8', '#-1'],
    ['BITFIELD', 'k', 'GET', 'u8', 'x'], ['BITFIELD', 'k', 'GET', 'u8', '4294967296'], ['BITFIELD', 'k', 'GET', 'u8', '#536870912'],
    ['BITFIELD', 'k', 'GET', 'u8', '#2305843009213693952'], ['BITFIELD', 'k', 'GET', 'u8'], ['BITFIELD', 'k', 'SET', 'u8', '0'],
    ['BITFIELD', 'k', 'SET', 'u8', '0', 'x'], ['BITFIELD', 'k', 'INCRBY', 'u8', '0', '1.5'], ['BITFIELD', 'k', 'OVERFLOW', 'X', 'GET', 'u8', '0'],
    ['BITFIELD', 'k', 'OVERFLOW'], ['BITFIELD', 'k', 'FOO'], ['BITFIELD', 'k', 'GET', 'u8', '0', 'SET'], ['EXISTS', 'k'],
    ['LPUSH', 'l', 'a'], ['BITFIELD', 'l', 'GET', 'u8', '0'], ['BITFIELD', 'l', 'SET', 'u8', '0', '1'], ['BITFIELD', 'l'], ['BITFIELD', 'l', 'GET', 'u64', '0'],
    ['BITFIELD'], ['BITFIELD', 'k', 'GET', 'i8\x00x', '0'], ['BITFIELD', 'k', 'GET', 'u8', '#3'],
  ] },
  { name: 'BITFIELD_RO', steps: [
    ['SET', 'k', '\x12\x34\x56'], ['BITFIELD_RO', 'k', 'GET', 'u8', '0', 'GET', 'i12', '4', 'GET', 'u16', '#1'], ['BITFIELD_RO', 'k'],
    ['BITFIELD_RO', 'k', 'SET', 'u8', '0', '1'], ['BITFIELD_RO', 'k', 'INCRBY', 'u8', '0', '1'], ['BITFIELD_RO', 'k', 'OVERFLOW', 'SAT', 'GET', 'u8', '0'],
    ['BITFIELD_RO', 'missing', 'GET', 'i64', '0'], ['LPUSH', 'l', 'a'], ['BITFIELD_RO', 'l', 'GET', 'u8', '0'], ['BITFIELD_RO', 'l', 'SET', 'u8', '0', '1'],
    ['BITFIELD_RO', 'k', 'GET', 'u64', '0'], ['BITFIELD_RO', 'k', 'GET', 'u8'], ['BITFIELD_RO'], ['GET', 'k'],
  ] },
];

conformanceSuite('bitmap commands', cases);

conformanceSuite('bitmap commands with a small proto-max-bulk-len', [
  { name: 'offset limits follow proto-max-bulk-len', steps: [
    ['SETBIT', 'k', '8388607', '1'], ['SETBIT', 'k', '8388608', '1'], ['GETBIT', 'k', '8388608'], ['STRLEN', 'k'],
    ['BITFIELD', 'k', 'GET', 'u8', '#1048575'], ['BITFIELD', 'k', 'GET', 'u8', '#1048576'], ['BITFIELD', 'k', 'SET', 'u8', '8388607', '1'], ['STRLEN', 'k'],
  ] },
], { config: { 'proto-max-bulk-len': '1mb' } });
