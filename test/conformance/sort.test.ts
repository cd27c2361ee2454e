// SORT and SORT_RO side by side with redis-server, RESP2 and RESP3, on lists,
// sets and sorted sets: numeric/ALPHA, ASC/DESC, LIMIT, BY (patterns, hash
// fields, nosort), GET (#, strings, hash fields, missing), STORE and errors.
// BY nosort on a set without STORE returns the set's iteration order, which
// Redis leaves unspecified, and BY+LIMIT uses Redis's unstable pqsort, whose
// order of equal keys respite does not reproduce: those replies are compared as sorted.

import { conformanceSuite, type Step } from './harness.js';

const sorted = (...cmd: string[]): Step => ({ cmd, relax: 'sorted' });

const LIST = ['RPUSH', 'l', '3', '1', '2', '10', '-5', '1.5', '1e2', '03', '3'];
const WEIGHTS = ['MSET', 'w_3', '30', 'w_1', '10', 'w_2', '20', 'w_10', '5', 'w_-5', 'abc', 'o_3', 'three', 'o_1', 'one', 'o_10', 'ten'];
const HASHES: string[][] = [['HSET', 'h_1', 'f', 'b', 'n', '7'], ['HSET', 'h_2', 'f', 'a', 'n', '-1'], ['HSET', 'h_10', 'f', 'c'], ['SADD', 'h_3', 'x']];

conformanceSuite('SORT', [
  { name: 'lists: numeric, ALPHA, DESC, LIMIT', steps: [
    LIST, ['SORT', 'l'], ['SORT', 'l', 'DESC'], ['SORT', 'l', 'ALPHA'], ['SORT', 'l', 'ALPHA', 'DESC'], ['SORT', 'l', 'LIMIT', '1', '3'],
    ['SORT', 'l', 'LIMIT', '-5', '2'], ['SORT', 'l', 'LIMIT', '2', '-1'], ['SORT', 'l', 'LIMIT', '100', '2'], ['SORT', 'l', 'LIMIT', '0', '0'],
    ['SORT', 'l', 'limit', '8', '100', 'desc'], ['SORT', 'l', 'ASC', 'DESC', 'ASC'], ['SORT_RO', 'l', 'DESC', 'LIMIT', '0', '3'],
    ['RPUSH', 'bad', '1', 'x'], ['SORT', 'bad'], ['SORT', 'bad', 'ALPHA'], ['RPUSH', 'f', '', ' 5', '0x10', 'inf', '-inf', '2.5e3', '1e308'], ['SORT', 'f'],
    ['RPUSH', 'f2', '1e-310'], ['SORT', 'f2'], ['RPUSH', 'f3', '1e309'], ['SORT', 'f3'], ['RPUSH', 'f4', 'nan'], ['SORT', 'f4'], ['RPUSH', 'f5', '1 '], ['SORT', 'f5'],
    ['RPUSH', 'bin', 'b\x00z', 'b\x00a', 'b', '\xff', 'a'], ['SORT', 'bin', 'ALPHA'], ['SORT', 'bin', 'ALPHA', 'STORE', 'bs'], ['LRANGE', 'bs', '0', '-1'],
  ] },
  { name: 'BY patterns, hash fields, nosort; GET', steps: [
    LIST, WEIGHTS, ...HASHES, ['SORT', 'l', 'BY', 'w_*'], ['SORT', 'l', 'BY', 'w_*', 'DESC'], ['SORT', 'l', 'BY', 'w_*', 'ALPHA'], ['SORT', 'l', 'BY', 'o_*', 'ALPHA', 'DESC'],
    ['SORT', 'l', 'BY', 'h_*->f', 'ALPHA'], ['SORT', 'l', 'BY', 'h_*->n'], ['SORT', 'l', 'BY', 'h_*->'], ['SORT', 'l', 'BY', 'nosort'], ['SORT', 'l', 'BY', 'nosort', 'DESC'],
    ['SORT', 'l', 'BY', 'nosort', 'LIMIT', '2', '3'], ['SORT', 'l', 'BY', 'nosort', 'DESC', 'LIMIT', '2', '3'], ['SORT', 'l', 'BY', 'nosort', 'LIMIT', '20', '3'],
    ['SORT', 'l', 'GET', '#'], ['SORT', 'l', 'GET', 'o_*', 'GET', '#', 'GET', 'h_*->f', 'GET', 'nostar', 'GET', 'h_*->nofield'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', 'o_*', 'LIMIT', '1', '2'], ['SORT', 'l', 'BY', 'o_*', 'LIMIT', '0', '3'], ['SORT', 'l', 'GET', 'w_*', 'BY', 'nosort', 'DESC'],
    ['SORT', 'l', 'BY', 'h_*->f', 'ALPHA', 'GET', 'h_*->n'], sorted('SORT', 'l', 'BY', 'w_*', 'ALPHA', 'LIMIT', '0', '4'), ['SORT', 'l', 'GET', 'h_*'],
    ['SORT_RO', 'l', 'BY', 'w_*', 'GET', '#', 'GET', 'o_*'],
  ] },
  { name: 'sets and sorted sets', steps: [
    ['SADD', 's', '5', '3', '9', '1', '-2', '100'], ['SORT', 's'], ['SORT', 's', 'DESC', 'LIMIT', '1', '2'], ['SORT', 's', 'ALPHA'],
    sorted('SORT', 's', 'BY', 'nosort'), ['SORT', 's', 'BY', 'nosort', 'STORE', 'd'], ['LRANGE', 'd', '0', '-1'],
    ['SADD', 'sa', 'banana', 'apple', 'cherry'], ['SORT', 'sa'], ['SORT', 'sa', 'ALPHA'], ['SORT', 'sa', 'ALPHA', 'DESC', 'GET', '#'],
    ['MSET', 'k_apple', '3', 'k_banana', '1', 'k_cherry', '2'], ['SORT', 'sa', 'BY', 'k_*'], ['SORT', 'sa', 'BY', 'k_*', 'DESC', 'LIMIT', '0', '2'],
    ['ZADD', 'z', '3', 'a', '1', 'b', '2', 'c', '2', '10', '0', '7'], ['SORT', 'z', 'ALPHA'], ['SORT', 'z', 'BY', 'nosort'], ['SORT', 'z', 'BY', 'nosort', 'DESC'],
    ['SORT', 'z', 'BY', 'nosort', 'LIMIT', '1', '2'], ['SORT', 'z', 'BY', 'nosort', 'DESC', 'LIMIT', '1', '10'], ['SORT', 'z'],
    ['ZADD', 'zn', '3', '30', '1', '10', '2', '20'], ['SORT', 'zn'], ['SORT', 'zn', 'DESC'], ['SORT', 'zn', 'BY', 'nosort', 'GET', '#', 'STORE', 'zd'], ['LRANGE', 'zd', '0', '-1'],
    ['SORT_RO', 'zn', 'BY', 'nosort', 'DESC'],
  ] },
  { name: 'STORE', steps: [
    LIST, WEIGHTS, ['SORT', 'l', 'STORE', 'dst'], ['LRANGE', 'dst', '0', '-1'], ['TYPE', 'dst'], ['OBJECT', 'ENCODING', 'dst'],
    ['SORT', 'l', 'BY', 'w_*', 'GET', 'o_*', 'GET', '#', 'STORE', 'dst'], ['LRANGE', 'dst', '0', '-1'], ['SORT', 'l', 'LIMIT', '0', '0', 'STORE', 'dst'],
    ['EXISTS', 'dst'], ['SET', 'dst', 'x'], ['SORT', 'nokey', 'STORE', 'dst'], ['EXISTS', 'dst'], ['SORT', 'l', 'STORE', 'a', 'STORE', 'b'], ['EXISTS', 'a', 'b'],
    ['SORT', 'l', 'ALPHA', 'STORE', 'dst', 'DESC'], ['LRANGE', 'dst', '0', '-1'], ['SET', 'str', 'v'], ['SORT', 'l', 'STORE', 'str'], ['TYPE', 'str'],
  ] },
  { name: 'errors and missing keys', steps: [
    LIST, ['SORT', 'nokey'], ['SORT', 'nokey', 'BY', 'x_*', 'GET', '#'], ['SET', 'str', 'v'], ['SORT', 'str'], ['HSET', 'h', 'a', 'b'], ['SORT', 'h'],
    ['SORT', 'l', 'LIMIT', 'a', '1'], ['SORT', 'l', 'LIMIT', '1', 'b'], ['SORT', 'l', 'LIMIT', '1'], ['SORT', 'l', 'BY'], ['SORT', 'l', 'GET'], ['SORT', 'l', 'STORE'],
    ['SORT', 'l', 'foo'], ['SORT_RO', 'l', 'STORE', 'x'], ['SORT', 'str', 'foo'], ['SORT', 'str', 'LIMIT', 'x', '1'], ['SORT'], ['SORT_RO'],
    ['COMMAND', 'GETKEYS', 'SORT', 'l', 'STORE', 'a', 'BY', 'store', 'STORE', 'b'], ['COMMAND', 'GETKEYS', 'SORT', 'l', 'LIMIT', 'store', 'x', 'GET', 'store'],
  ] },
]);
