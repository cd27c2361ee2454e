// Sorted-set commands side by side with redis-server, RESP2 and RESP3: ZADD
// flags and errors, scores (inf, -0, %.17g), ranges by rank/score/lex with
// exclusive bounds, LIMIT and REV, stores, pops, errors and encodings.
// Set operations, ZRANDMEMBER, ZSCAN: zset-setops.test.ts.

import { conformanceSuite, type Step } from './harness.js';

const sorted = (...cmd: string[]): Step => ({ cmd, relax: 'sorted' });

const FILL = ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e'];
const LEX = ['ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'f', '0', 'g', '0', '\xff', '0', '\x00', '0', 'ab'];

/** A skiplist-encoded set of 200 members (scores i*1.5, member m<i>). */
const BIG: string[] = ['ZADD', 'big'];
for (let i = 0; i < 200; i++) BIG.push(String(i * 1.5), `m${String(i).padStart(3, '0')}`);

conformanceSuite('sorted set commands', [
  { name: 'ZADD basics, CH and replies', steps: [
    ['ZADD', 'z', '1', 'a'], ['ZADD', 'z', '2', 'a', '3', 'b'], ['ZADD', 'z', 'CH', '2', 'a', '4', 'b', '5', 'c'],
    ['ZADD', 'z', 'ch', '2', 'a'], ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZCARD', 'z'], ['ZCARD', 'nokey'],
    ['ZADD', 'z', '1', 'x', '1', 'x', '2', 'x'], ['ZSCORE', 'z', 'x'], ['OBJECT', 'ENCODING', 'z'],
  ] },
  { name: 'ZADD NX XX GT LT', steps: [
    ['ZADD', 'z', '5', 'a', '5', 'b'], ['ZADD', 'z', 'NX', '1', 'a', '1', 'c'], ['ZADD', 'z', 'XX', '1', 'a', '1', 'd'],
    ['ZADD', 'z', 'GT', 'CH', '10', 'a', '1', 'b', '7', 'e'], ['ZADD', 'z', 'LT', 'CH', '0', 'a', '9', 'b'],
    ['ZADD', 'z', 'XX', 'GT', '100', 'a'], ['ZADD', 'z', 'XX', 'LT', 'CH', '100', 'b', '-1', 'c'],
    ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZADD', 'nokey', 'XX', '1', 'a'], ['EXISTS', 'nokey'],
    ['ZADD', 'nokey', 'XX', 'INCR', '1', 'a'], ['EXISTS', 'nokey'],
  ] },
  { name: 'ZADD errors', steps: [
    ['ZADD', 'z', 'NX', 'XX', '1', 'a'], ['ZADD', 'z', 'GT', 'LT', '1', 'a'], ['ZADD', 'z', 'NX', 'GT', '1', 'a'],
    ['ZADD', 'z', 'LT', 'NX', '1', 'a'], ['ZADD', 'z', 'INCR', '1', 'a', '2', 'b'], ['ZADD', 'z', '1'],
    ['ZADD', 'z', '1', 'a', '2'], ['ZADD', 'z', 'NX'], ['ZADD', 'z', 'x', 'a'], ['ZADD', 'z', 'nan', 'a'],
    ['ZADD', 'z', '1', 'a', 'foo', 'b'], ['ZADD', 'z', '', 'a'], ['ZADD', 'z', ' 1', 'a'], ['ZADD', 'z', '1e400', 'a'],
    ['ZADD', 'z'], ['EXISTS', 'z'], ['SET', 's', 'x'], ['ZADD', 's', '1', 'a'],
    ['ZADD', 'z', 'NX', 'XX', 'x', 'a'], ['ZADD', 'z', 'INCR', 'x', 'a', '1', 'b'], ['ZADD', 'z', 'CH', 'INCR', 'NX', 'XX', '1'],
  ] },
  { name: 'ZADD INCR and ZINCRBY', steps: [
    ['ZADD', 'z', 'INCR', '1.5', 'a'], ['ZADD', 'z', 'INCR', '1.1', 'a'], ['ZINCRBY', 'z', '0.1', 'a'],
    ['ZADD', 'z', 'NX', 'INCR', '1', 'a'], ['ZADD', 'z', 'XX', 'INCR', '1', 'b'], ['ZADD', 'z', 'GT', 'INCR', '-1', 'a'],
    ['ZADD', 'z', 'LT', 'INCR', '-1', 'a'], ['ZADD', 'z', 'INCR', 'inf', 'a'], ['ZADD', 'z', 'INCR', '-inf', 'a'],
    ['ZSCORE', 'z', 'a'], ['ZINCRBY', 'z', '-inf', 'a'], ['ZINCRBY', 'z', 'abc', 'a'], ['ZINCRBY', 'z', '1', 'new'],
    ['ZINCRBY', 'z', '1'], ['ZINCRBY', 'newkey', '2.5', 'm'], ['ZSCORE', 'newkey', 'm'], ['SET', 's', 'x'], ['ZINCRBY', 's', '1', 'a'],
    ['ZADD', 'z', 'INCR', 'CH', '5', 'c'], ['ZADD', 'z', 'NX', 'INCR', '5', 'c'],
  ] },
  { name: 'scores: infinities, -0, %.17g formatting', steps: [
    ['ZADD', 'z', 'inf', 'a', '-inf', 'b', '-0', 'c', '0', 'd', '1.1', 'e', '0.1', 'f', '1e100', 'g', '-1.5e-10', 'h', '3', 'i'],
    ['ZADD', 'z', '+inf', 'j', 'Infinity', 'k', '-INF', 'l', '0x10', 'm', '5e-324', 'n', '123456789012345678', 'o'],
    ['ZRANGE', 'z', '0', '-1', 'WITHSCORES'], ['ZSCORE', 'z', 'c'], ['ZMSCORE', 'z', 'a', 'nosuch', 'e', 'c'],
    ['ZMSCORE', 'nokey', 'a', 'b'], ['ZMSCORE', 'z'], ['ZSCORE', 'z', 'nosuch'], ['ZSCORE', 'nokey', 'a'],
    ['ZADD', 'z', '0', 'c'], ['ZSCORE', 'z', 'c'], ['ZINCRBY', 'z', '0', 'c'],
  ] },
  { name: 'ZREM, ZCARD and empty keys disappear', steps: [
    FILL, ['ZREM', 'z', 'a', 'x', 'b'], ['ZREM', 'z', 'a'], ['ZCARD', 'z'], ['ZREM', 'z', 'c', 'd', 'e', 'f'],
    ['EXISTS', 'z'], ['ZREM', 'nokey', 'a'], ['ZREM', 'z'], ['SET', 's', 'x'], ['ZREM', 's', 'a'], ['ZCARD', 's'],
  ] },
  { name: 'ZRANK and ZREVRANK', steps: [
    FILL, ['ZRANK', 'z', 'a'], ['ZRANK', 'z', 'e'], ['ZREVRANK', 'z', 'a'], ['ZREVRANK', 'z', 'c'], ['ZRANK', 'z', 'x'],
    ['ZRANK', 'nokey', 'a'], ['ZRANK', 'z'], ['ZRANK', 'z', 'a', 'WITHSCORE'], BIG, ['ZRANK', 'big', 'm150'],
    ['ZREVRANK', 'big', 'm000'], ['ZRANK', 'big', 'm199'], ['ZRANK', 'big', 'zz'],
  ] },
  { name: 'ZCOUNT and ZLEXCOUNT with bounds', steps: [
    FILL, ['ZCOUNT', 'z', '-inf', '+inf'], ['ZCOUNT', 'z', '(1', '(5'], ['ZCOUNT', 'z', '2', '4'], ['ZCOUNT', 'z', '(2', '2'],
    ['ZCOUNT', 'z', '5', '1'], ['ZCOUNT', 'z', '', '3'], ['ZCOUNT', 'z', '  2', '3'], ['ZCOUNT', 'z', '2 ', '3'],
    ['ZCOUNT', 'z', 'a', '3'], ['ZCOUNT', 'z', '(', '3'], ['ZCOUNT', 'z', 'nan', '3'], ['ZCOUNT', 'z', '1e400', 'inf'],
    ['ZCOUNT', 'z', '0x1p1', 'inf'], ['ZCOUNT', 'z', '(inf', 'inf'], ['ZCOUNT', 'z', '-infinity', '(-inf'], ['ZCOUNT', 'nokey', '0', '1'],
    ['ZCOUNT', 'nokey', 'x', '1'], LEX, ['ZLEXCOUNT', 'l', '-', '+'], ['ZLEXCOUNT', 'l', '[a', '[c'], ['ZLEXCOUNT', 'l', '(a', '(c'],
    ['ZLEXCOUNT', 'l', '+', '-'], ['ZLEXCOUNT', 'l', '[c', '[a'], ['ZLEXCOUNT', 'l', 'a', 'c'], ['ZLEXCOUNT', 'l', '[', '+'],
    ['ZLEXCOUNT', 'l', '(', '(\xff'], ['ZLEXCOUNT', 'l', '-a', '+'], ['ZLEXCOUNT', 'nokey', '-', '+'], ['ZLEXCOUNT', 'nokey', 'x', '+'],
    BIG, ['ZCOUNT', 'big', '10', '(100'], ['ZCOUNT', 'big', '(10.5', '100'], ['ZLEXCOUNT', 'big', '[m010', '(m100'],
  ] },
  { name: 'ZRANGE by rank with REV and WITHSCORES', steps: [
    FILL, ['ZRANGE', 'z', '0', '-1'], ['ZRANGE', 'z', '1', '3', 'WITHSCORES'], ['ZRANGE', 'z', '-2', '-1'], ['ZRANGE', 'z', '3', '1'],
    ['ZRANGE', 'z', '-100', '100'], ['ZRANGE', 'z', '5', '10'], ['ZRANGE', 'z', '0', '1', 'REV', 'WITHSCORES'],
    ['ZRANGE', 'z', '0', '-1', 'rev'], ['ZREVRANGE', 'z', '0', '2', 'withscores'], ['ZREVRANGE', 'z', '-1', '-1'],
    ['ZRANGE', 'z', 'a', '1'], ['ZRANGE', 'z', '0', '1', 'LIMIT', '0', '1'], ['ZREVRANGE', 'z', '0', '1', 'LIMIT', '0', '1'],
    ['ZRANGE', 'z', '0', '1', 'foo'], ['ZRANGE', 'z', '0', '1', 'REV', 'REV'], ['ZREVRANGE', 'z', '0', '1', 'REV'],
    ['ZRANGE', 'nokey', '0', '-1'], ['ZRANGE', 'z', '0'], ['ZRANGE', 'z', '0', '-1', 'LIMIT', '1'],
    ['ZRANGE', 'z', '9223372036854775807', '-9223372036854775808'], ['ZRANGE', 'z', '-9223372036854775808', '9223372036854775807'],
    BIG, ['ZRANGE', 'big', '100', '103', 'WITHSCORES'], ['ZRANGE', 'big', '-3', '-1', 'REV'], ['ZREVRANGE', 'big', '197', '300'],
  ] },
  { name: 'ZRANGE BYSCORE, LIMIT, REV and the legacy forms', steps: [
    FILL, ['ZRANGE', 'z', '2', '4', 'BYSCORE'], ['ZRANGE', 'z', '(2', '+inf', 'BYSCORE', 'WITHSCORES'],
    ['ZRANGE', 'z', '4', '2', 'BYSCORE', 'REV'], ['ZRANGE', 'z', '2', '4', 'BYSCORE', 'REV'],
    ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '1', '2'], ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '1', '-1'],
    ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '-1', '2'], ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '5', '2'],
    ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '4', '2'], ['ZRANGE', 'z', '-inf', '+inf', 'BYSCORE', 'LIMIT', '0', '0'],
    ['ZRANGE', 'z', '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '1', '2', 'WITHSCORES'], ['ZRANGE', 'z', '(1', '(1', 'BYSCORE'],
    ['ZRANGE', 'z', 'x', '1', 'BYSCORE'], ['ZRANGE', 'z', '1', '2', 'BYSCORE', 'LIMIT', 'x', '1'], ['ZRANGE', 'z', '1', '2', 'BYSCORE', 'BYLEX'],
    ['ZRANGEBYSCORE', 'z', '2', '4', 'WITHSCORES'], ['ZRANGEBYSCORE', 'z', '-inf', 'inf', 'LIMIT', '2', '10'],
    ['ZREVRANGEBYSCORE', 'z', '4', '2'], ['ZREVRANGEBYSCORE', 'z', '+inf', '(3', 'WITHSCORES', 'LIMIT', '0', '1'],
    ['ZRANGEBYSCORE', 'z', '1', '2', 'REV'], ['ZRANGEBYSCORE', 'z', '1', '2', 'BYSCORE'], ['ZRANGEBYSCORE', 'z', '1', '2', 'LIMIT', '0'],
    ['ZRANGEBYSCORE', 'z', '1', 'x'], ['ZRANGEBYSCORE', 'nokey', '1', 'x'], ['ZRANGEBYSCORE', 'nokey', '1', '2'],
    BIG, ['ZRANGEBYSCORE', 'big', '(15', '30', 'WITHSCORES'], ['ZREVRANGEBYSCORE', 'big', '30', '(15', 'LIMIT', '2', '3'],
    ['ZRANGE', 'big', '250', '-inf', 'BYSCORE', 'REV', 'LIMIT', '190', '20'], ['ZRANGEBYSCORE', 'big', '1000', '2000'],
  ] },
  { name: 'ZRANGE BYLEX and the legacy forms', steps: [
    LEX, ['ZRANGE', 'l', '-', '+', 'BYLEX'], ['ZRANGE', 'l', '[b', '(e', 'BYLEX'], ['ZRANGE', 'l', '+', '-', 'BYLEX', 'REV'],
    ['ZRANGE', 'l', '(e', '[b', 'BYLEX', 'REV', 'LIMIT', '1', '2'], ['ZRANGE', 'l', '-', '+', 'BYLEX', 'LIMIT', '2', '-5'],
    ['ZRANGE', 'l', '-', '+', 'BYLEX', 'WITHSCORES'], ['ZRANGE', 'l', 'a', '+', 'BYLEX'], ['ZRANGE', 'l', '[a', '+x', 'BYLEX'],
    ['ZRANGEBYLEX', 'l', '[aa', '[b'], ['ZRANGEBYLEX', 'l', '(a', '+', 'LIMIT', '0', '3'], ['ZREVRANGEBYLEX', 'l', '+', '(c'],
    ['ZREVRANGEBYLEX', 'l', '[c', '-', 'LIMIT', '1', '1'], ['ZRANGEBYLEX', 'l', '-', '+', 'WITHSCORES'], ['ZRANGEBYLEX', 'l', 'x', '+'],
    ['ZRANGEBYLEX', 'l', '[\x00', '[a'], ['ZRANGEBYLEX', 'l', '(\xfe', '+'], ['ZRANGEBYLEX', 'nokey', '-', '+'],
  ] },
  { name: 'ZRANGESTORE and destination encodings', steps: [
    FILL, ['ZRANGESTORE', 'dst', 'z', '1', '3'], ['ZRANGE', 'dst', '0', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'dst'],
    ['ZRANGESTORE', 'dst', 'z', '2', '4', 'BYSCORE', 'LIMIT', '1', '1'], ['ZRANGE', 'dst', '0', '-1'],
    ['ZRANGESTORE', 'dst', 'z', '5', '1', 'BYSCORE', 'REV'], ['ZRANGESTORE', 'dst', 'z', '0', '-1', 'WITHSCORES'],
    ['ZRANGESTORE', 'dst', 'nokey', '0', '-1'], ['EXISTS', 'dst'], ['ZRANGESTORE', 'dst', 'z', '10', '20'],
    BIG, ['ZRANGESTORE', 'dst', 'big', '0', '-1'], ['OBJECT', 'ENCODING', 'dst'], ['ZRANGESTORE', 'dst', 'big', '0', '127'],
    ['OBJECT', 'ENCODING', 'dst'], ['ZRANGESTORE', 'dst', 'big', '0', '128'], ['OBJECT', 'ENCODING', 'dst'],
    ['SET', 's', 'x'], ['ZRANGESTORE', 'dst', 's', '0', '-1'], ['ZRANGESTORE', 's', 'z', '0', '0'], ['TYPE', 's'],
    ['ZRANGESTORE', 'z', 'z', '0', '1'], ['ZRANGE', 'z', '0', '-1'], ['ZRANGESTORE', 'dst', 'z', '-', '+', 'BYLEX'],
  ] },
  { name: 'ZREMRANGEBYRANK, BYSCORE and BYLEX', steps: [
    FILL, ['ZREMRANGEBYRANK', 'z', '1', '2'], ['ZRANGE', 'z', '0', '-1'], ['ZREMRANGEBYRANK', 'z', '5', '10'],
    ['ZREMRANGEBYRANK', 'z', '-1', '-1'], ['ZREMRANGEBYRANK', 'z', 'x', '1'], ['ZREMRANGEBYRANK', 'z', '0', '-1'], ['EXISTS', 'z'],
    FILL, ['ZREMRANGEBYSCORE', 'z', '(1', '3'], ['ZREMRANGEBYSCORE', 'z', '10', '20'], ['ZREMRANGEBYSCORE', 'z', 'x', '1'],
    ['ZREMRANGEBYSCORE', 'z', '-inf', 'inf'], ['EXISTS', 'z'], LEX, ['ZREMRANGEBYLEX', 'l', '[b', '(e'],
    ['ZREMRANGEBYLEX', 'l', 'b', '(e'], ['ZRANGE', 'l', '0', '-1'], ['ZREMRANGEBYLEX', 'l', '-', '+'], ['EXISTS', 'l'],
    ['ZREMRANGEBYRANK', 'nokey', '0', '-1'], ['ZREMRANGEBYSCORE', 'nokey', 'x', '1'], BIG,
    ['ZREMRANGEBYRANK', 'big', '10', '19'], ['ZREMRANGEBYSCORE', 'big', '(100', '200'], ['ZREMRANGEBYLEX', 'big', '[m150', '+'],
    ['ZCARD', 'big'], ['ZRANGE', 'big', '50', '-1', 'WITHSCORES'], ['OBJECT', 'ENCODING', 'big'],
  ] },
  { name: 'ZPOPMIN and ZPOPMAX', steps: [
    FILL, ['ZPOPMIN', 'z'], ['ZPOPMAX', 'z'], ['ZPOPMIN', 'z', '2'], ['ZPOPMAX', 'z', '0'], ['ZPOPMIN', 'z', '10'],
    ['EXISTS', 'z'], ['ZPOPMIN', 'z'], ['ZPOPMIN', 'z', '1'], ['ZPOPMIN', 'z', '-1'], ['ZPOPMIN', 'z', 'x'],
    ['ZPOPMIN', 'z', '1', '2'], FILL, ['ZPOPMAX', 'z', '-1'], ['ZPOPMAX', 'z', '1'], ['SET', 's', 'x'], ['ZPOPMIN', 's'],
    ['ZPOPMIN', 's', '0'], BIG, ['ZPOPMAX', 'big', '3'], ['ZPOPMIN', 'big'],
  ] },
  { name: 'ZMPOP', steps: [
    FILL, ['ZMPOP', '1', 'z', 'MIN'], ['ZMPOP', '2', 'nokey', 'z', 'max', 'COUNT', '2'], ['ZMPOP', '1', 'nokey', 'MIN'],
    ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '100'], ['EXISTS', 'z'], ['ZMPOP', '0', 'z', 'MIN'], ['ZMPOP', '-1', 'z', 'MIN'],
    ['ZMPOP', 'x', 'z', 'MIN'], ['ZMPOP', '1', 'z'], ['ZMPOP', '1', 'z', 'MID'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT'],
    ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '0'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '1', 'COUNT', '1'], ['ZMPOP', '5', 'z', 'MIN'],
    ['ZMPOP', '1', 'z', 'MIN', 'foo'], ['SET', 's', 'x'], ['ZMPOP', '2', 'nokey', 's', 'MIN'], FILL, ['ZMPOP', '2', 'z', 's', 'MIN'],
    ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '-1'],
  ] },
  { name: 'BZPOPMIN, BZPOPMAX, BZMPOP when data is there, timeouts and errors', steps: [
    FILL, ['BZPOPMIN', 'nokey', 'z', '0'], ['BZPOPMAX', 'z', '0.5'], ['BZMPOP', '0', '2', 'nokey', 'z', 'MAX', 'COUNT', '2'],
    ['BZMPOP', '1', '1', 'z', 'MIN', 'COUNT', '10'], ['BZPOPMIN', 'z', '0.01'], ['BZMPOP', '0.01', '1', 'z', 'MIN'],
    ['BZPOPMIN', 'z', '-1'], ['BZPOPMIN', 'z', 'x'], ['BZMPOP', '0', '0', 'z', 'MIN'], ['BZMPOP', 'x', '1', 'z', 'MIN'],
    ['BZMPOP', '-1', '1', 'z', 'MIN'], ['BZMPOP', '0', '1', 'z', 'MIN', 'COUNT', '0'], ['SET', 's', 'x'],
    ['BZPOPMIN', 'nokey', 's', '0'], ['BZMPOP', '0', '2', 'nokey', 's', 'MIN'], ['BZPOPMIN', 'z'],
    ['MULTI'], ['BZPOPMIN', 'z', '0'], ['BZMPOP', '0', '1', 'z', 'MIN'], ['EXEC'],
  ] },
  { name: 'wrong types and arity', steps: [
    ['SET', 's', 'x'], ['ZCARD', 's'], ['ZSCORE', 's', 'a'], ['ZMSCORE', 's', 'a'], ['ZRANK', 's', 'a'], ['ZCOUNT', 's', '0', '1'],
    ['ZLEXCOUNT', 's', '-', '+'], ['ZRANGE', 's', '0', '-1'], ['ZRANGEBYSCORE', 's', '0', '1'], ['ZREMRANGEBYRANK', 's', '0', '1'],
    ['ZCOUNT', 's', 'x', '1'], ['ZCARD'], ['ZSCORE', 'z'], ['ZCOUNT', 'z', '1'], ['ZREMRANGEBYLEX', 'z', '-'], ['ZPOPMIN'],
    ['ZRANGESTORE', 'd', 'z', '0'], ['ZMSCORE', 'z'],
  ] },
  { name: 'OBJECT ENCODING transitions', steps: [
    ['ZADD', 'z', '1', 'a'], ['OBJECT', 'ENCODING', 'z'], ['ZADD', 'z', '1', 'x'.repeat(64)], ['OBJECT', 'ENCODING', 'z'],
    ['ZADD', 'z', '1', 'y'.repeat(65)], ['OBJECT', 'ENCODING', 'z'], ['ZREM', 'z', 'y'.repeat(65)], ['OBJECT', 'ENCODING', 'z'],
    ['ZADD', 'long', '1', 'x'.repeat(65)], ['OBJECT', 'ENCODING', 'long'], ['ZADD', 'long2', '1', 'a', '2', 'x'.repeat(65)],
    ['OBJECT', 'ENCODING', 'long2'], BIG, ['OBJECT', 'ENCODING', 'big'], ['ZREMRANGEBYRANK', 'big', '0', '190'],
    ['OBJECT', 'ENCODING', 'big'], ['ZADD', 'b128', ...BIG.slice(2, 2 + 256)], ['OBJECT', 'ENCODING', 'b128'],
    ['ZADD', 'b128', '1000', 'n'], ['OBJECT', 'ENCODING', 'b128'], ['ZADD', 'b127', ...BIG.slice(2, 2 + 254)],
    ['ZADD', 'b127', 'XX', '1000', 'n'], ['OBJECT', 'ENCODING', 'b127'],
  ] },
  { name: 'binary members sort by bytes', steps: [
    ['ZADD', 'z', '0', '\xff', '0', '\x00', '0', 'a', '0', 'A', '0', '', '0', '\x80', '0', 'a\x00'],
    ['ZRANGE', 'z', '0', '-1'], ['ZRANK', 'z', '\x80'], ['ZSCORE', 'z', ''], sorted('ZRANGE', 'z', '0', '-1'),
  ] },
], { config: { 'zset-max-listpack-entries': '128', 'zset-max-listpack-value': '64' } });
