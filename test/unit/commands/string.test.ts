// String commands in process, with a manual clock: what they propagate,
// which keyspace events they raise, the TTLs they leave and the dirty count.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { ValueSink, type ReplyValue } from '../../../src/protocol/value-sink.js';
import { Client } from '../../../src/server/client.js';
import { execute } from '../../../src/server/dispatcher.js';
import { Server } from '../../../src/server/server.js';

const NOW = 1_700_000_000_000;

let clock: ManualClock;
let server: Server;
let client: Client;
let sink: ValueSink;
let propagated: string[][];
let events: string[];

beforeEach(() => {
  clock = new ManualClock(NOW);
  server = new Server({ clock });
  sink = new ValueSink();
  client = new Client(server, sink, '?:0', '?:0', null);
  client.authenticated = true;
  propagated = [];
  events = [];
  server.keyspace.addListener({
    propagate: (_db, argv) => { propagated.push([...argv]); },
    event: (type, event, key) => { events.push(`${type}:${event}:${key}`); },
  });
});

function run(...argv: string[]): ReplyValue {
  execute(client, argv);
  const replies = sink.takeAll();
  assert.equal(replies.length, 1);
  return replies[0]!;
}

function text(v: ReplyValue): string | null {
  return Buffer.isBuffer(v) ? v.toString('latin1') : (v as string | null);
}

/** Clears what the previous commands recorded. */
function reset(): void {
  propagated = [];
  events = [];
}

describe('SET family propagation and events', () => {
  it('SET with a relative expiry propagates SET key value PXAT <absolute ms>', () => {
    assert.equal(run('SET', 'k', 'v', 'EX', '100'), 'OK');
    assert.deepEqual(propagated, [['SET', 'k', 'v', 'PXAT', String(NOW + 100_000)]]);
    assert.deepEqual(events, ['$:set:k', 'g:expire:k']);
    assert.equal(client.db.getExpire('k'), NOW + 100_000);
    reset();
    run('SET', 'k', 'v', 'NX', 'PX', '5');
    assert.deepEqual(propagated, []);
    run('SET', 'k', 'w', 'XX', 'GET', 'EXAT', '1800000000');
    assert.deepEqual(propagated, [['SET', 'k', 'w', 'PXAT', '1800000000000']]);
  });

  it('SETEX and PSETEX propagate as SET ... PXAT', () => {
    run('SETEX', 'a', '10', 'v');
    run('PSETEX', 'b', '10', 'v');
    assert.deepEqual(propagated, [['SET', 'a', 'v', 'PXAT', String(NOW + 10_000)], ['SET', 'b', 'v', 'PXAT', String(NOW + 10)]]);
  });

  it('SET GET propagates without GET; plain SET and SETNX propagate as sent', () => {
    run('SET', 'k', 'v', 'get', 'KEEPTTL', 'GET');
    run('SET', 'k', 'v');
    run('SETNX', 'n', 'v');
    run('SETNX', 'n', 'v');
    assert.deepEqual(propagated, [['SET', 'k', 'v', 'KEEPTTL'], ['SET', 'k', 'v'], ['SETNX', 'n', 'v']]);
  });

  it('an expiry beyond 2^53 ms propagates exactly', () => {
    run('SET', 'k', 'v', 'PXAT', '9223372036854775807');
    assert.deepEqual(propagated, [['SET', 'k', 'v', 'PXAT', '9223372036854775807']]);
    reset();
    run('SET', 'k', 'v', 'EX', '9000000000000000');
    assert.deepEqual(propagated, [['SET', 'k', 'v', 'PXAT', String(9000000000000000000n + BigInt(NOW))]]);
  });

  it('KEEPTTL keeps the TTL, a plain SET and GETSET drop it', () => {
    run('SET', 'k', 'v', 'PX', '1000');
    run('SET', 'k', 'w', 'KEEPTTL');
    assert.equal(client.db.getExpire('k'), NOW + 1000);
    run('GETSET', 'k', 'x');
    assert.equal(client.db.getExpire('k'), -1);
    run('SET', 'k', 'v', 'PX', '1000');
    run('SET', 'k', 'y');
    assert.equal(client.db.getExpire('k'), -1);
  });

  it('GETSET propagates as SET', () => {
    run('GETSET', 'k', 'v');
    assert.deepEqual(propagated, [['SET', 'k', 'v']]);
    assert.deepEqual(events, ['$:set:k']);
  });

  it('keys past their TTL are gone, and a write over them reports the expiry first', () => {
    run('SET', 'k', 'v', 'PX', '100');
    clock.advance(101); // a key is expired once now > its expiry time
    reset();
    assert.equal(run('SET', 'k', 'w', 'NX'), 'OK');
    assert.deepEqual(events, ['x:expired:k', '$:set:k']);
    assert.deepEqual(propagated, [['DEL', 'k'], ['SET', 'k', 'w', 'NX']]);
  });
});

describe('GETEX and GETDEL', () => {
  it('GETEX EX propagates PEXPIREAT and raises expire', () => {
    run('SET', 'k', 'v');
    reset();
    assert.equal(text(run('GETEX', 'k', 'EX', '5')), 'v');
    assert.deepEqual(propagated, [['PEXPIREAT', 'k', String(NOW + 5000)]]);
    assert.deepEqual(events, ['g:expire:k']);
    assert.equal(client.db.getExpire('k'), NOW + 5000);
  });

  it('GETEX PERSIST propagates PERSIST only when there was a TTL', () => {
    run('SET', 'k', 'v', 'PX', '500');
    reset();
    run('GETEX', 'k', 'PERSIST');
    assert.deepEqual(propagated, [['PERSIST', 'k']]);
    assert.deepEqual(events, ['g:persist:k']);
    reset();
    run('GETEX', 'k', 'PERSIST');
    run('GETEX', 'k');
    assert.deepEqual(propagated, []);
    assert.deepEqual(events, []);
  });

  it('GETEX with a past absolute time deletes and propagates DEL', () => {
    run('SET', 'k', 'v');
    reset();
    assert.equal(text(run('GETEX', 'k', 'PXAT', String(NOW))), 'v');
    assert.deepEqual(propagated, [['DEL', 'k']]);
    assert.deepEqual(events, ['g:del:k']);
    assert.equal(run('GET', 'k'), null);
  });

  it('GETDEL propagates DEL and raises del; nothing for a missing key', () => {
    run('SET', 'k', 'v');
    reset();
    assert.equal(text(run('GETDEL', 'k')), 'v');
    assert.equal(run('GETDEL', 'k'), null);
    assert.deepEqual(propagated, [['DEL', 'k']]);
    assert.deepEqual(events, ['g:del:k']);
  });
});

describe('counters and in-place edits', () => {
  it('INCRBYFLOAT propagates SET key result KEEPTTL and keeps the TTL', () => {
    run('SET', 'k', '1', 'PX', '1000');
    reset();
    assert.equal(text(run('INCRBYFLOAT', 'k', '0.1')), '1.1');
    assert.deepEqual(propagated, [['SET', 'k', '1.1', 'KEEPTTL']]);
    assert.deepEqual(events, ['$:incrbyfloat:k']);
    assert.equal(client.db.getExpire('k'), NOW + 1000);
  });

  it('event names of INCR, APPEND, SETRANGE, MSET and MSETNX', () => {
    run('INCR', 'a');
    run('DECRBY', 'a', '5');
    run('APPEND', 'a', 'x');
    run('SETRANGE', 'a', '0', 'y');
    run('SETRANGE', 'a', '0', '');
    run('MSET', 'b', '1', 'c', '2');
    run('MSETNX', 'd', '1', 'b', '2');
    run('MSETNX', 'd', '1', 'e', '2');
    assert.deepEqual(events, [
      '$:incrby:a', '$:incrby:a', '$:append:a', '$:setrange:a', '$:set:b', '$:set:c', '$:set:d', '$:set:e',
    ]);
  });

  it('counts one dirty change per key written and none for failures', () => {
    const ks = server.keyspace;
    const before = ks.dirty;
    run('MSET', 'a', '1', 'b', '2', 'c', '3');
    assert.equal(ks.dirty - before, 3);
    const mid = ks.dirty;
    run('INCR', 'x');
    run('SET', 'y', 'abc');
    run('INCR', 'y');
    run('SET', 'x', 'v', 'NX');
    run('SETRANGE', 'z', '0', '');
    run('INCRBYFLOAT', 'y', '1');
    assert.equal(ks.dirty - mid, 2);
  });

  it('INCR keeps the TTL and overflows exactly at the int64 limits', () => {
    run('SET', 'k', '9223372036854775806', 'PX', '1000');
    assert.equal(run('INCR', 'k'), 9223372036854775807n);
    assert.equal(client.db.getExpire('k'), NOW + 1000);
    assert.equal((run('INCR', 'k') as Error).message, 'ERR increment or decrement would overflow');
    assert.equal(run('DECRBY', 'k', '9223372036854775807'), 0);
    assert.equal((run('DECRBY', 'k', '-9223372036854775808') as Error).message, 'ERR decrement would overflow');
  });
});

describe('keyspace statistics', () => {
  it('reads count hits and misses, writes do not', () => {
    const stats = server.keyspace.stats;
    run('SET', 'a', '1');
    run('INCR', 'a');
    run('APPEND', 'b', 'x');
    assert.equal(stats.keyspaceHits + stats.keyspaceMisses, 0);
    run('GET', 'a');
    run('MGET', 'a', 'b', 'c');
    run('STRLEN', 'zz');
    run('SET', 'a', '1', 'GET');
    assert.equal(stats.keyspaceHits, 4);
    assert.equal(stats.keyspaceMisses, 2);
  });
});
