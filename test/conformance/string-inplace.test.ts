// Side-by-side conformance of strings edited in place (APPEND, SETRANGE,
// SETBIT, BITFIELD, PFADD make Redis's "raw" sds; respite's ByteString) mixed
// with every reader and the commands that copy, move, dump or replace them.

import { conformanceSuite, type Case } from './harness.js';

const BIG = 'x'.repeat(70);
const cases: Case[] = [
  { name: 'APPEND turns any string raw; reads see the same bytes', steps: [
    ['SET', 'a', '12'], ['OBJECT', 'ENCODING', 'a'], ['APPEND', 'a', '3'], ['OBJECT', 'ENCODING', 'a'], ['GET', 'a'], ['STRLEN', 'a'],
    ['INCR', 'a'], ['OBJECT', 'ENCODING', 'a'], ['GET', 'a'], ['APPEND', 'a', ''], ['OBJECT', 'ENCODING', 'a'], ['INCRBY', 'a', '5'],
    ['APPEND', 'new', 'v'], ['OBJECT', 'ENCODING', 'new'], ['APPEND', 'new', 'w'], ['OBJECT', 'ENCODING', 'new'], ['GET', 'new'],
    ['APPEND', 'n2', '123'], ['OBJECT', 'ENCODING', 'n2'], ['APPEND', 'n2', '4'], ['OBJECT', 'ENCODING', 'n2'], ['INCRBYFLOAT', 'n2', '0.5'],
    ['OBJECT', 'ENCODING', 'n2'], ['GET', 'n2'], ['APPEND', 'b', BIG], ['APPEND', 'b', 'tail'], ['GETRANGE', 'b', '-6', '-1'],
    ['GETRANGE', 'b', '0', '3'], ['SUBSTR', 'b', '65', '1000'], ['GETRANGE', 'b', '-1000', '2'], ['STRLEN', 'b'], ['TYPE', 'b'], ['EXISTS', 'b'],
    ['MGET', 'a', 'b', 'new', 'missing'], ['GETEX', 'b', 'EX', '100'], ['TTL', 'b'], ['APPEND', 'b', '!'], ['TTL', 'b'], ['GETSET', 'b', 'plain'],
    ['OBJECT', 'ENCODING', 'b'], ['APPEND', 'c', 'abc'], ['APPEND', 'c', 'def'], ['GETDEL', 'c'], ['EXISTS', 'c'],
    ['APPEND', 'd', 'q'], ['APPEND', 'd', 'r'], ['SET', 'd', 'new', 'GET'], ['OBJECT', 'ENCODING', 'd'],
  ] },
  { name: 'SETRANGE creates and edits raw strings, zero-filling gaps', steps: [
    ['SETRANGE', 'k', '5', 'ab'], ['GET', 'k'], ['OBJECT', 'ENCODING', 'k'], ['SETRANGE', 'k', '0', 'XY'], ['GET', 'k'],
    ['SETRANGE', 'k', '10', 'zz'], ['GET', 'k'], ['STRLEN', 'k'], ['SETRANGE', 'k', '3', ''], ['SETRANGE', 'missing', '3', ''], ['EXISTS', 'missing'],
    ['SET', 'e', '99'], ['SETRANGE', 'e', '0', ''], ['OBJECT', 'ENCODING', 'e'], ['SETRANGE', 'e', '1', '8'], ['OBJECT', 'ENCODING', 'e'], ['INCR', 'e'],
    ['SETRANGE', 'k', '536870912', 'x'], ['SETRANGE', 'k', '536870900', 'x'.repeat(13)], ['SETRANGE', 'k', '-1', 'x'], ['GET', 'k'],
    ['SETRANGE', 'w', '2', '\x00\xff\x80'], ['GET', 'w'], ['LCS', 'k', 'w'], ['LCS', 'k', 'w', 'IDX', 'WITHMATCHLEN'], ['LCS', 'k', 'missing', 'LEN'],
  ] },
  { name: 'SETBIT, GETBIT, BITCOUNT, BITPOS on raw strings', steps: [
    ['SETBIT', 'm', '7', '1'], ['OBJECT', 'ENCODING', 'm'], ['GET', 'm'], ['SETBIT', 'm', '100', '1'], ['STRLEN', 'm'], ['GETBIT', 'm', '100'],
    ['GETBIT', 'm', '101'], ['GETBIT', 'm', '100000'], ['BITCOUNT', 'm'], ['BITCOUNT', 'm', '0', '0'], ['BITCOUNT', 'm', '1', '-1'],
    ['BITCOUNT', 'm', '5', '100', 'BIT'], ['BITCOUNT', 'm', '-3', '-1', 'BYTE'], ['BITPOS', 'm', '1'], ['BITPOS', 'm', '0'], ['BITPOS', 'm', '1', '1'],
    ['BITPOS', 'm', '1', '8', '-1', 'BIT'], ['BITPOS', 'm', '0', '0', '-1'], ['BITPOS', 'm', '1', '13', '12'], ['SETBIT', 'm', '100', '0'], ['GET', 'm'],
    ['SET', 's', 'hello'], ['SETBIT', 's', '0', '1'], ['OBJECT', 'ENCODING', 's'], ['GET', 's'], ['SETBIT', 's', '4294967296', '1'],
    ['SETBIT', 's', '-2', '1'], ['SETBIT', 's', '-1', '1'], ['SETBIT', 's', '1', '2'], ['GET', 's'],
    ['SET', 'i', '1'], ['SETBIT', 'i', '6', '1'], ['GET', 'i'], ['OBJECT', 'ENCODING', 'i'], ['INCR', 'i'], ['OBJECT', 'ENCODING', 'i'],
    ['SETBIT', 'i', '6', '1'], ['LPUSH', 'l', 'x'], ['SETBIT', 'l', '0', '1'], ['GETBIT', 'l', '0'], ['BITCOUNT', 'l'],
  ] },
  { name: 'BITFIELD and BITOP with raw sources and destinations', steps: [
    ['BITFIELD', 'f', 'SET', 'u8', '0', '255', 'GET', 'u4', '0', 'INCRBY', 'i5', '100', '7'], ['OBJECT', 'ENCODING', 'f'], ['GET', 'f'],
    ['BITFIELD', 'f', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1', 'GET', 'u16', '0'], ['BITFIELD_RO', 'f', 'GET', 'i8', '0', 'GET', 'u8', '200'],
    ['SET', 'g', 'ab'], ['BITFIELD', 'g', 'GET', 'u8', '0'], ['OBJECT', 'ENCODING', 'g'], ['BITFIELD', 'g', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', '0', '1000'],
    ['OBJECT', 'ENCODING', 'g'], ['GET', 'g'], ['BITFIELD', 'h', 'OVERFLOW', 'FAIL', 'SET', 'u2', '100', '9'], ['EXISTS', 'h'], ['GET', 'h'],
    ['BITOP', 'OR', 'dst', 'f', 'g'], ['OBJECT', 'ENCODING', 'dst'], ['GET', 'dst'], ['BITOP', 'AND', 'dst', 'dst', 'f'], ['GET', 'dst'],
    ['BITOP', 'NOT', 'dst', 'f'], ['GET', 'dst'], ['BITOP', 'XOR', 'f', 'f', 'g', 'missing'], ['GET', 'f'], ['APPEND', 'dst', 'x'], ['GET', 'dst'],
  ] },
  { name: 'DUMP, RESTORE, COPY, RENAME, MOVE of raw strings', steps: [
    ['APPEND', 'r', '12'], ['APPEND', 'r', '34'], ['DUMP', 'r'], ['SETRANGE', 'big', '0', 'abc'.repeat(20)], ['DUMP', 'big'],
    ['SETBIT', 'bits', '400', '1'], ['DUMP', 'bits'], ['SETRANGE', 'nc', '0', 'qwertyuiopasdfghjklzxcvbnm1234567890'], ['DUMP', 'nc'],
    ['COPY', 'r', 'r2'], ['OBJECT', 'ENCODING', 'r2'], ['APPEND', 'r2', '5'], ['GET', 'r'], ['GET', 'r2'], ['SETBIT', 'r', '0', '1'], ['GET', 'r2'],
    ['RENAME', 'r', 'r3'], ['OBJECT', 'ENCODING', 'r3'], ['GET', 'r3'], ['MOVE', 'r3', '1'], ['SELECT', '1'], ['OBJECT', 'ENCODING', 'r3'],
    ['APPEND', 'r3', 'z'], ['GET', 'r3'], ['SELECT', '0'], ['SET', 'p', '1234'], ['APPEND', 'p', '5'], ['DUMP', 'p'], ['RESTORE', 'q', '0', '\x00\x03abc\x0a\x00\x00\x00\x00\x00\x00\x00\x00\x00'],
  ] },
  { name: 'SORT BY/GET and MEMORY USAGE on raw strings', steps: [
    ['RPUSH', 'list', '1', '2', '3'], ['APPEND', 'w_1', '3'], ['SETRANGE', 'w_2', '0', '1'], ['SET', 'w_3', '2'], ['APPEND', 'o_1', 'one'],
    ['SETRANGE', 'o_2', '1', 'wo'], ['SORT', 'list', 'BY', 'w_*'], ['SORT', 'list', 'BY', 'w_*', 'GET', 'o_*', 'GET', '#'],
    ['SORT', 'list', 'BY', 'w_*', 'STORE', 'out'], ['LRANGE', 'out', '0', '-1'],
    ['MEMORY', 'USAGE', 'w_1'], ['MEMORY', 'USAGE', 'o_2'], ['SETRANGE', 'mem', '0', 'a'.repeat(40)], ['MEMORY', 'USAGE', 'mem'],
    ['APPEND', 'mem', 'b'], ['MEMORY', 'USAGE', 'mem'], ['APPEND', 'mem', 'c'.repeat(300)], ['MEMORY', 'USAGE', 'mem'],
    ['SET', 'm2', 'y'.repeat(50)], ['APPEND', 'm2', 'z'], ['MEMORY', 'USAGE', 'm2'], ['SETBIT', 'm3', '1000', '1'], ['MEMORY', 'USAGE', 'm3'],
    ['SETBIT', 'm3', '2000', '1'], ['MEMORY', 'USAGE', 'm3'], ['SETBIT', 'm3', '100000', '1'], ['MEMORY', 'USAGE', 'm3'],
    ['SET', 'm4', '7'], ['APPEND', 'm4', '7'], ['MEMORY', 'USAGE', 'm4'], ['APPEND', 'm5', 'short'], ['APPEND', 'm5', 'er'], ['MEMORY', 'USAGE', 'm5'],
    ['PFADD', 'hll', 'a'], ['MEMORY', 'USAGE', 'hll'], ['PFADD', 'hll', 'b', 'c', 'd'], ['MEMORY', 'USAGE', 'hll'], ['PFDEBUG', 'TODENSE', 'hll'],
    ['MEMORY', 'USAGE', 'hll'], ['COPY', 'mem', 'mem2'], ['MEMORY', 'USAGE', 'mem2'],
  ] },
  { name: 'HyperLogLogs are raw and edited in place', steps: [
    ['PFADD', 'h', 'a', 'b'], ['OBJECT', 'ENCODING', 'h'], ['PFCOUNT', 'h'], ['GET', 'h'], ['PFADD', 'h', 'c'], ['GETRANGE', 'h', '0', '3'],
    ['STRLEN', 'h'], ['DUMP', 'h'], ['COPY', 'h', 'h2'], ['PFADD', 'h2', 'zz'], ['PFCOUNT', 'h', 'h2'], ['GET', 'h'],
    ['RESTORE', 'h3', '0', '\x00\x14HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x0a\x00\xda\xc0\x50\x4d\x6e\x2e\xf1\x87'],
    ['OBJECT', 'ENCODING', 'h3'], ['PFCOUNT', 'h3'], ['OBJECT', 'ENCODING', 'h3'], ['APPEND', 'h', 'junk'], ['PFADD', 'h', 'x'], ['PFCOUNT', 'h'],
    ['SETRANGE', 'h2', '4', '\x00'], ['PFCOUNT', 'h2'], ['PFMERGE', 'h4', 'h2', 'h3'], ['OBJECT', 'ENCODING', 'h4'], ['GET', 'h4'],
  ] },
];

conformanceSuite('strings edited in place', cases);
