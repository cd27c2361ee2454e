// KeyValueStore: the engine in process, through the same dispatcher as TCP.

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { KeyValueStore, ManualClock, RedisError } from '../../../src/index.js';

let clock: ManualClock;
let kv: KeyValueStore;

beforeEach(() => {
  clock = new ManualClock(1_700_000_000_000);
  kv = new KeyValueStore({ clock });
});
afterEach(() => kv.close());

describe('KeyValueStore.command', () => {
  it('runs any command and returns JS values', () => {
    assert.equal(kv.command('PING'), 'PONG');
    assert.equal(kv.command('ECHO', 'héllo'), 'héllo');
    assert.deepEqual(kv.commandBuffer('ECHO', Buffer.from([0, 255])), Buffer.from([0, 255]));
  });

  it('throws error replies as RedisError with the exact Redis text', () => {
    assert.throws(() => kv.command('NOSUCH', 'a'), (e: unknown) =>
      e instanceof RedisError && e.message === "ERR unknown command 'NOSUCH', with args beginning with: 'a' " && e.code === 'ERR');
    assert.throws(() => kv.command('PING', 'a', 'b'), { message: "ERR wrong number of arguments for 'ping' command" });
  });

  it('sends numbers as decimal text and refuses NaN', () => {
    assert.equal(kv.command('ECHO', 12), '12');
    assert.equal(kv.command('ECHO', 0.5), '0.5');
    assert.equal(kv.command('ECHO', 2n ** 70n), '1180591620717411303424');
    assert.equal(kv.command('ECHO', -Infinity), '-inf');
    assert.throws(() => kv.command('ECHO', NaN), TypeError);
  });

  it('refuses calls after close', () => {
    kv.close();
    assert.throws(() => kv.command('PING'), /closed/);
  });
});

describe('KeyValueStore typed string methods', () => {
  it('set/get with UTF-8 strings and binary buffers', () => {
    assert.equal(kv.set('k', 'välue'), true);
    assert.equal(kv.get('k'), 'välue');
    assert.deepEqual(kv.getBuffer('k'), Buffer.from('välue', 'utf8'));
    assert.equal(kv.get('missing'), null);
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    kv.set(all, all);
    assert.deepEqual(kv.getBuffer(all), all);
    assert.equal(kv.command('STRLEN', 'k'), 6);
  });

  it('typed values read back with the typed getters', () => {
    kv.set('i', 42);
    kv.set('f', 0.1);
    kv.set('b', true);
    kv.set('n', -9223372036854775808n);
    assert.equal(kv.getNumber('i'), 42);
    assert.equal(kv.getNumber('f'), 0.1);
    assert.equal(kv.getBoolean('b'), true);
    assert.equal(kv.getBigInt('n'), -9223372036854775808n);
    assert.equal(kv.get('b'), '1');
    assert.equal(kv.incr('i'), 43); // stored as INCR stores integers
    assert.equal(kv.incrByFloat('f', 0.2), 0.3); // INCRBYFLOAT formats with %.17Lg, reads back exactly as 0.3
    assert.throws(() => kv.getBoolean('i'), TypeError);
    kv.set('s', 'abc');
    assert.throws(() => kv.getNumber('s'), /is not a number/);
    assert.throws(() => kv.getBigInt('s'), /not a 64-bit integer/);
    assert.equal(kv.getNumber('nothing'), null);
  });

  it('setTyped/getTyped with the seed variant names', () => {
    kv.setTyped('a', { String: 'x' });
    kv.setTyped('b', { Integer: 10 });
    kv.setTyped('c', { Float: 2.5 });
    kv.setTyped('d', { Boolean: false });
    kv.setTyped('e', { Binary: new Uint8Array([0xff]) });
    assert.deepEqual(kv.getTyped('a'), { String: 'x' });
    assert.deepEqual(kv.getTyped('b'), { Integer: 10 });
    assert.deepEqual(kv.getTyped('c'), { Float: 2.5 });
    assert.deepEqual(kv.getTyped('d'), { Integer: 0 });
    assert.deepEqual(kv.getTyped('e'), { Binary: Buffer.from([0xff]) });
    assert.equal(kv.getTyped('none'), null);
  });

  it('set options: NX, XX, GET, EX with the manual clock', () => {
    assert.equal(kv.set('k', 'v1', { nx: true }), true);
    assert.equal(kv.set('k', 'v2', { nx: true }), false);
    assert.equal(kv.set('other', 'v', { xx: true }), false);
    assert.equal(kv.set('k', 'v3', { get: true }), 'v1');
    kv.set('t', 'x', { ex: 10 });
    assert.equal(kv.ttl('t'), 10);
    clock.advance(10_000);
    // As Redis's keyIsExpired: still there during its expiry millisecond.
    assert.equal(kv.get('t'), 'x');
    clock.advance(1);
    assert.equal(kv.get('t'), null);
    assert.throws(() => kv.set('k', 'v', { ex: 0 }), { message: "ERR invalid expire time in 'set' command" });
    assert.throws(() => kv.set('k', 'v', { nx: true, xx: true }), { message: 'ERR syntax error' });
  });

  it('incr family: number results, bigint deltas, overflow and wrong values', () => {
    assert.equal(kv.incr('c'), 1);
    assert.equal(kv.incrBy('c', 10), 11);
    assert.equal(kv.decr('c'), 10);
    assert.equal(kv.decrBy('c', 4), 6);
    kv.set('big', 9007199254740990);
    assert.equal(kv.incr('big'), 9007199254740991);
    assert.throws(() => kv.incr('big'), RangeError); // 2^53 is past exact numbers: refused before any change
    assert.equal(kv.get('big'), '9007199254740991');
    assert.equal(kv.incrBy('big', 1n), 9007199254740992n);
    kv.set('max', 9223372036854775807n);
    assert.throws(() => kv.incrBy('max', 1n), { message: 'ERR increment or decrement would overflow' });
    kv.set('s', 'abc');
    assert.throws(() => kv.incr('s'), { message: 'ERR value is not an integer or out of range' });
  });

  it('del, exists, mget, mset, keys, scan, type, rename, dbSize, flushAll', () => {
    kv.mset({ a: 1, b: 'two', 'ü': true });
    kv.mset(new Map([[Buffer.from([0xff]), Buffer.from('raw')]]));
    kv.mset([['c', 3.5]]);
    assert.deepEqual(kv.mget('a', 'b', 'x', 'ü', 'c'), ['1', 'two', null, '1', '3.5']);
    assert.deepEqual(kv.mgetBuffer(Buffer.from([0xff])), [Buffer.from('raw')]);
    assert.equal(kv.exists('a', 'a', 'x'), 2);
    assert.equal(kv.dbSize(), 5);
    assert.deepEqual(kv.keys('[ab]').sort(), ['a', 'b']);
    assert.deepEqual(kv.keys('ü'), ['ü']);
    assert.deepEqual([...kv.scanIterator({ count: 2 })].sort(), ['\ufffd', 'a', 'b', 'c', 'ü'].sort());
    assert.deepEqual([...kv.scanIterator({ match: 'a*' })], ['a']);
    assert.equal(kv.type('a'), 'string');
    assert.equal(kv.type('x'), 'none');
    kv.rename('a', 'z');
    assert.equal(kv.get('z'), '1');
    assert.throws(() => kv.rename('nope', 'y'), { message: 'ERR no such key' });
    assert.equal(kv.del('z', 'b', 'nope'), 2);
    kv.flushAll();
    assert.equal(kv.dbSize(), 0);
  });

  it('scanIterator works with for await', async () => {
    for (let i = 0; i < 100; i++) kv.set(`k${i}`, i);
    const seen = new Set<string>();
    for await (const k of kv.scanIterator({ count: 7 })) seen.add(k);
    assert.equal(seen.size, 100);
  });

  it('expire, pexpire, ttl, pttl, persist', () => {
    kv.set('k', 'v');
    assert.equal(kv.ttl('k'), -1);
    assert.equal(kv.ttl('none'), -2);
    assert.equal(kv.expire('k', 100), true);
    assert.equal(kv.expire('k', 50, 'GT'), false);
    assert.equal(kv.pttl('k'), 100_000);
    assert.equal(kv.pexpire('k', 1500), true);
    clock.advance(500);
    assert.equal(kv.pttl('k'), 1000);
    assert.equal(kv.persist('k'), true);
    assert.equal(kv.persist('k'), false);
    assert.equal(kv.expire('none', 10), false);
  });

  it('select switches databases; databases option limits them', () => {
    const small = new KeyValueStore({ databases: 2 });
    try {
      small.set('k', 'db0');
      small.select(1);
      assert.equal(small.db, 1);
      assert.equal(small.get('k'), null);
      assert.throws(() => small.select(2), { message: 'ERR DB index is out of range' });
      small.select(0);
      assert.equal(small.get('k'), 'db0');
    } finally {
      small.close();
    }
  });
});
