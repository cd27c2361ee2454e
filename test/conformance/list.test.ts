// List commands side by side with redis-server 7.0, RESP2 and RESP3: every
// command, option and error text, OBJECT ENCODING, DUMP/RESTORE both ways.

import { conformanceSuite, type Step } from './harness.js';

const big = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? String(i * 1000 - 50000) : `e${i}`));

conformanceSuite('list commands', [
  { name: 'LPUSH/RPUSH/LPUSHX/RPUSHX and LLEN', steps: [
    ['LPUSH', 'l', 'a', 'b', 'c'], ['RPUSH', 'l', 'x', '1', '-5'], ['LRANGE', 'l', '0', '-1'], ['LLEN', 'l'], ['LLEN', 'none'],
    ['LPUSHX', 'none', 'a'], ['RPUSHX', 'none', 'a'], ['EXISTS', 'none'], ['LPUSHX', 'l', 'p', 'q'], ['RPUSHX', 'l', 'z'],
    ['LRANGE', 'l', '0', '-1'], ['LPUSH', 'l'], ['RPUSH'], ['LPUSHX', 'l'], ['SET', 's', 'v'], ['LPUSH', 's', 'a'],
    ['RPUSHX', 's', 'a'], ['LLEN', 's'], ['OBJECT', 'ENCODING', 'l'], ['TYPE', 'l'], ['RPUSH', 'bin', '\x00\xff\r\n', ''],
    ['LRANGE', 'bin', '0', '-1'],
  ] },
  { name: 'LPOP/RPOP with and without count', steps: [
    ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e'], ['LPOP', 'l'], ['RPOP', 'l'], ['LPOP', 'l', '2'], ['RPOP', 'l', '0'],
    ['LPOP', 'l', '-1'], ['LPOP', 'l', 'x'], ['RPOP', 'l', '10'], ['EXISTS', 'l'], ['LPOP', 'l'], ['LPOP', 'l', '0'],
    ['LPOP', 'l', '3'], ['RPOP', 'l', '1'], ['LPOP', 'l', '1', '2'], ['LPOP'], ['SET', 's', 'v'], ['LPOP', 's'], ['RPOP', 's', '1'],
    ['LPOP', 's', '-1'], ['RPUSH', 'k', '1'], ['LPOP', 'k', '9223372036854775807'], ['RPUSH', 'k', '1'], ['LPOP', 'k', '9223372036854775808'],
  ] },
  { name: 'LRANGE and LINDEX index rules', steps: [
    ['RPUSH', 'l', ...'abcdefg'.split('')], ['LRANGE', 'l', '0', '2'], ['LRANGE', 'l', '-3', '-1'], ['LRANGE', 'l', '-100', '100'],
    ['LRANGE', 'l', '5', '2'], ['LRANGE', 'l', '7', '10'], ['LRANGE', 'l', '-1', '-2'], ['LRANGE', 'l', 'a', '1'], ['LRANGE', 'l', '0', '1.5'],
    ['LRANGE', 'none', '0', '-1'], ['LRANGE', 'none', 'a', '1'], ['LINDEX', 'l', '0'], ['LINDEX', 'l', '-1'], ['LINDEX', 'l', '7'],
    ['LINDEX', 'l', '-8'], ['LINDEX', 'l', 'x'], ['LINDEX', 'none', 'x'], ['LINDEX', 'none', '0'],
    ['LRANGE', 'l', '-9223372036854775808', '9223372036854775807'], ['SET', 's', 'v'], ['LRANGE', 's', '0', '1'], ['LINDEX', 's', 'x'],
  ] },
  { name: 'LSET', steps: [
    ['LSET', 'none', '0', 'x'], ['LSET', 'none', 'x', 'x'], ['RPUSH', 'l', 'a', 'b', 'c'], ['LSET', 'l', '1', 'B'], ['LSET', 'l', '-1', 'C'],
    ['LSET', 'l', '3', 'x'], ['LSET', 'l', '-4', 'x'], ['LSET', 'l', 'x', 'y'], ['LRANGE', 'l', '0', '-1'], ['SET', 's', 'v'], ['LSET', 's', 'x', 'y'],
  ] },
  { name: 'LINSERT', steps: [
    ['RPUSH', 'l', 'a', 'b', 'c'], ['LINSERT', 'l', 'BEFORE', 'b', 'x'], ['LINSERT', 'l', 'after', 'c', 'y'], ['LINSERT', 'l', 'after', 'zz', 'y'],
    ['LINSERT', 'l', 'middle', 'a', 'y'], ['LINSERT', 'none', 'before', 'a', 'y'], ['LINSERT', 'none', 'foo', 'a', 'y'],
    ['LRANGE', 'l', '0', '-1'], ['SET', 's', 'v'], ['LINSERT', 's', 'before', 'a', 'b'], ['LINSERT', 's', 'bad', 'a', 'b'],
  ] },
  { name: 'LREM', steps: [
    ['RPUSH', 'l', 'a', 'b', 'a', 'c', 'a', 'b'], ['LREM', 'l', '1', 'a'], ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', '-1', 'b'],
    ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', '0', 'a'], ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', 'x', 'a'], ['LREM', 'none', '0', 'a'],
    ['LREM', 'none', 'x', 'a'], ['LREM', 'l', '0', 'b'], ['LREM', 'l', '0', 'c'], ['EXISTS', 'l'], ['SET', 's', 'v'], ['LREM', 's', '0', 'v'],
  ] },
  { name: 'LTRIM', steps: [
    ['RPUSH', 'l', ...'abcdefg'.split('')], ['LTRIM', 'l', '1', '-2'], ['LRANGE', 'l', '0', '-1'], ['LTRIM', 'l', '-100', '100'],
    ['LRANGE', 'l', '0', '-1'], ['LTRIM', 'l', 'x', '1'], ['LTRIM', 'none', '0', '1'], ['LTRIM', 'none', 'x', '1'], ['LTRIM', 'l', '3', '1'],
    ['EXISTS', 'l'], ['RPUSH', 'l', 'a', 'b'], ['LTRIM', 'l', '5', '10'], ['EXISTS', 'l'], ['SET', 's', 'v'], ['LTRIM', 's', '0', '1'],
  ] },
  { name: 'LPOS with RANK, COUNT and MAXLEN', steps: [
    ['RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a'], ['LPOS', 'l', 'a'], ['LPOS', 'l', 'a', 'RANK', '2'], ['LPOS', 'l', 'a', 'RANK', '-1'],
    ['LPOS', 'l', 'a', 'RANK', '-3'], ['LPOS', 'l', 'a', 'RANK', '4'], ['LPOS', 'l', 'a', 'COUNT', '0'], ['LPOS', 'l', 'a', 'COUNT', '2'],
    ['LPOS', 'l', 'a', 'COUNT', '2', 'RANK', '-1'], ['LPOS', 'l', 'a', 'COUNT', '0', 'MAXLEN', '4'], ['LPOS', 'l', 'a', 'MAXLEN', '1', 'RANK', '2'],
    ['LPOS', 'l', 'z'], ['LPOS', 'l', 'z', 'COUNT', '1'], ['LPOS', 'none', 'a'], ['LPOS', 'none', 'a', 'COUNT', '1'],
    ['LPOS', 'l', 'a', 'RANK', '0'], ['LPOS', 'l', 'a', 'RANK', 'x'], ['LPOS', 'l', 'a', 'COUNT', '-1'], ['LPOS', 'l', 'a', 'COUNT', 'x'],
    ['LPOS', 'l', 'a', 'MAXLEN', '-1'], ['LPOS', 'l', 'a', 'MAXLEN', 'x'], ['LPOS', 'l', 'a', 'RANK'], ['LPOS', 'l', 'a', 'FOO', '1'],
    ['LPOS', 'l', 'a', 'RANK', '-9223372036854775808'], ['LPOS', 'l', 'a', 'RANK', '-9223372036854775807'],
    ['LPOS', 'none', 'a', 'RANK', '0'], ['SET', 's', 'v'], ['LPOS', 's', 'v'], ['LPOS', 's', 'v', 'COUNT', '-1'],
  ] },
  { name: 'LMOVE and RPOPLPUSH', steps: [
    ['RPUSH', 'a', '1', '2', '3'], ['LMOVE', 'a', 'b', 'LEFT', 'RIGHT'], ['LMOVE', 'a', 'b', 'right', 'left'], ['LRANGE', 'b', '0', '-1'],
    ['LMOVE', 'a', 'a', 'LEFT', 'RIGHT'], ['LRANGE', 'a', '0', '-1'], ['RPOPLPUSH', 'a', 'b'], ['EXISTS', 'a'], ['LRANGE', 'b', '0', '-1'],
    ['LMOVE', 'none', 'b', 'LEFT', 'LEFT'], ['RPOPLPUSH', 'none', 'b'], ['LMOVE', 'b', 'c', 'UP', 'LEFT'], ['LMOVE', 'b', 'c', 'LEFT', 'DOWN'],
    ['SET', 's', 'v'], ['LMOVE', 'b', 's', 'LEFT', 'LEFT'], ['LLEN', 'b'], ['LMOVE', 's', 'b', 'LEFT', 'LEFT'], ['RPOPLPUSH', 'b', 's'],
    ['LMOVE', 'none', 's', 'LEFT', 'LEFT'], ['RPOPLPUSH', 'b', 'b'], ['LRANGE', 'b', '0', '-1'],
  ] },
  { name: 'LMPOP', steps: [
    ['RPUSH', 'b', '1', '2', '3'], ['LMPOP', '2', 'a', 'b', 'LEFT'], ['LMPOP', '2', 'a', 'b', 'RIGHT', 'COUNT', '10'], ['LMPOP', '2', 'a', 'b', 'LEFT'],
    ['LMPOP', '0', 'a', 'LEFT'], ['LMPOP', '-1', 'a', 'LEFT'], ['LMPOP', 'x', 'a', 'LEFT'], ['LMPOP', '3', 'a', 'LEFT'], ['LMPOP', '1', 'a', 'UP'],
    ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '0'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT', 'x'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT'],
    ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '1', 'COUNT', '1'], ['LMPOP', '1', 'a', 'LEFT', 'FOO'], ['LMPOP', '1'], ['SET', 's', 'v'],
    ['LMPOP', '2', 'a', 's', 'LEFT'], ['RPUSH', 'a', 'x'], ['LMPOP', '2', 'a', 's', 'LEFT'], ['LMPOP', '1', 'a', 'LEFT', 'COUNT', '9223372036854775807'],
  ] },
  { name: 'blocking commands find data without blocking; timeout errors', steps: [
    ['RPUSH', 'a', '1', '2', '3', '4'], ['BLPOP', 'none', 'a', '0'], ['BRPOP', 'a', '0.5'], ['BLMOVE', 'a', 'b', 'LEFT', 'RIGHT', '0'],
    ['BRPOPLPUSH', 'a', 'b', '0'], ['LRANGE', 'b', '0', '-1'], ['BLMPOP', '0', '2', 'x', 'b', 'RIGHT', 'COUNT', '5'],
    ['BLPOP', 'a', 'x'], ['BLPOP', 'a', '-1'], ['BLPOP', 'a', 'inf'], ['BLPOP', 'a', 'nan'], ['BLPOP', 'a', ' 1'], ['BLPOP', 'a', '1e400'],
    ['BLPOP', 'a', '9.3e15'], ['BLPOP', 'a', ''], ['BLPOP', 'a', '-inf'], ['BLMOVE', 'a', 'b', 'LEFT', 'UP', 'x'], ['BLMOVE', 'a', 'b', 'LEFT', 'LEFT', 'x'],
    ['BRPOPLPUSH', 'a', 'b', '-1'], ['BLMPOP', 'x', '1', 'a', 'LEFT'], ['BLMPOP', '0', '0', 'a', 'LEFT'], ['BLMPOP', '-1', '1', 'a', 'LEFT'],
    ['SET', 's', 'v'], ['BLPOP', 's', '0'], ['BLMOVE', 's', 'b', 'LEFT', 'LEFT', '0'], ['BLMPOP', '0', '1', 's', 'LEFT'], ['BLPOP'], ['BLPOP', 'a'],
  ] },
  { name: 'blocking commands inside MULTI do not block', steps: [
    ['MULTI'], ['BLPOP', 'none', '0'], ['BRPOP', 'none', '1'], ['BLMOVE', 'none', 'b', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'none', 'b', '0'],
    ['BLMPOP', '0', '1', 'none', 'LEFT'], ['EXEC'],
  ] },
  { name: 'big lists: chunked representation, index and trims', steps: [
    ['RPUSH', 'l', ...big], ['LPUSH', 'l', ...big], ['LLEN', 'l'], ['LINDEX', 'l', '150'], ['LINDEX', 'l', '-150'], ['LSET', 'l', '400', 'S'],
    ['LRANGE', 'l', '295', '305'], ['LINSERT', 'l', 'BEFORE', 'e299', 'I'], ['LREM', 'l', '-2', 'e7'], ['LTRIM', 'l', '5', '-5'],
    ['LRANGE', 'l', '0', '-1'], ['LPOP', 'l', '200'], ['RPOP', 'l', '50'], ['LPOS', 'l', 'e200', 'COUNT', '0'], ['OBJECT', 'ENCODING', 'l'],
  ] },
  { name: 'DUMP of lists matches Redis', steps: [
    ['RPUSH', 'l', 'a', '1', '-1', '127', '128', '-4096', '4095', '32767', '-32768', '8388607', '2147483647', '-2147483648',
      '9223372036854775807', '-9223372036854775808', '9223372036854775808', '01', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(5000)],
    ['DUMP', 'l'], ['RPUSH', 'm', ...Array.from({ length: 600 }, (_, i) => String(i))], ['DUMP', 'm'],
  ] },
  { name: 'MEMORY USAGE of lists as Redis accounts quicklists', steps: [
    ['RPUSH', 'a', 'x'], ['MEMORY', 'USAGE', 'a'], ['RPUSH', 'b', 'one', 'two', '3', '-4', 'five'], ['MEMORY', 'USAGE', 'b'],
    ['RPUSH', 'c', ...Array.from({ length: 3000 }, (_, i) => `element-${i}`)], ['MEMORY', 'USAGE', 'c'],
    ['RPUSH', 'd', 'y'.repeat(100), 'z'.repeat(5000)], ['MEMORY', 'USAGE', 'd'],
    ['RPUSH', 'e', 'a', 'q'.repeat(9000), 'b', 'c'], ['MEMORY', 'USAGE', 'e'], ['DUMP', 'e'],
  ] },
]);
