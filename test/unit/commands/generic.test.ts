// Generic (keys) and whole-database commands in process, with a manual clock:
// what they propagate, which keyspace events they raise, the dirty count, the
// TTL boundary millisecond, idle times, and RESTORE of corrupt payloads.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { createDumpPayload } from '../../../src/persistence/rdb/dump.js';
import { RedisError } from '../../../src/errors.js';
import { ValueSink, type ReplyValue } from '../../../src/protocol/value-sink.js';
import { Client } from '../../../src/server/client.js';
import { execute } from '../../../src/server/dispatcher.js';
import { Server } from '../../../src/server/server.js';
import { writeCrc64LE } from '../../../src/util/crc64.js';

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
    propagate: (db, argv) => { propagated.push([String(db), ...argv]); },
    event: (type, event, key, db) => { events.push(`${db}:${type}:${event}:${key}`); },
  });
});

function run(...argv: string[]): ReplyValue {
  execute(client, argv);
  const replies = sink.takeAll();
  assert.equal(replies.length, 1);
  return replies[0]!;
}

function runBuf(...argv: (string | Buffer)[]): ReplyValue {
  return run(...argv.map((a) => (typeof a === 'string' ? a : a.toString('latin1'))));
}

function reset(): void {
  propagated = [];
  events = [];
}

function errorText(v: ReplyValue): string {
  assert.ok(v instanceof RedisError, `expected an error, got ${String(v)}`);
  return v.message;
}

describe('EXPIRE family propagation', () => {
  it('relative and second-based forms propagate PEXPIREAT with the absolute time and keep the flags', () => {
    run('SET', 'k', 'v');
    reset();
    assert.equal(run('EXPIRE', 'k', '100', 'nx'), 1);
    assert.equal(run('PEXPIRE', 'k', '200000', 'GT'), 1);
    assert.equal(run('EXPIREAT', 'k', String(NOW / 1000 + 300)), 1);
    assert.equal(run('PEXPIREAT', 'k', String(NOW + 400_000)), 1);
    assert.deepEqual(propagated, [
      ['0', 'PEXPIREAT', 'k', String(NOW + 100_000), 'nx'],
      ['0', 'PEXPIREAT', 'k', String(NOW + 200_000), 'GT'],
      ['0', 'PEXPIREAT', 'k', String(NOW + 300_000)],
      ['0', 'PEXPIREAT', 'k', String(NOW + 400_000)],
    ]);
    assert.deepEqual(events, ['0:g:expire:k', '0:g:expire:k', '0:g:expire:k', '0:g:expire:k']);
  });

  it('a time in the past deletes the key and propagates DEL', () => {
    run('SET', 'k', 'v');
    reset();
    const dirty = server.keyspace.dirty;
    assert.equal(run('EXPIRE', 'k', '-1'), 1);
    assert.equal(server.keyspace.dirty, dirty + 1);
    assert.deepEqual(propagated, [['0', 'DEL', 'k']]);
    assert.deepEqual(events, ['0:g:del:k']);
    assert.equal(run('EXISTS', 'k'), 0);
  });

  it('a condition that fails or a missing key changes and propagates nothing', () => {
    run('SET', 'k', 'v');
    reset();
    assert.equal(run('EXPIRE', 'k', '10', 'XX'), 0);
    assert.equal(run('EXPIRE', 'nokey', '10'), 0);
    assert.equal(run('PERSIST', 'k'), 0);
    assert.deepEqual(propagated, []);
    assert.deepEqual(events, []);
  });

  it('a key lives through its expiry millisecond and is gone one millisecond later (Redis: now > when)', () => {
    run('SET', 'k', 'v');
    run('PEXPIREAT', 'k', String(NOW + 1000));
    clock.set(NOW + 1000);
    assert.equal(run('PTTL', 'k'), 0);
    assert.equal(run('EXISTS', 'k'), 1);
    clock.set(NOW + 1001);
    reset();
    assert.equal(run('PTTL', 'k'), -2);
    assert.deepEqual(events, ['0:x:expired:k']);
    assert.deepEqual(propagated, [['0', 'DEL', 'k']]);
  });

  it('TTL rounds to the nearest second', () => {
    run('SET', 'k', 'v');
    run('PEXPIRE', 'k', '1499');
    assert.equal(run('TTL', 'k'), 1);
    run('PEXPIRE', 'k', '1500');
    assert.equal(run('TTL', 'k'), 2);
    run('PEXPIREAT', 'k', String(NOW + 2499));
    assert.equal(run('EXPIRETIME', 'k'), Math.floor((NOW + 2499 + 500) / 1000));
  });

  it('PERSIST raises persist and propagates itself', () => {
    run('SET', 'k', 'v', 'EX', '100');
    reset();
    assert.equal(run('PERSIST', 'k'), 1);
    assert.deepEqual(propagated, [['0', 'PERSIST', 'k']]);
    assert.deepEqual(events, ['0:g:persist:k']);
    assert.equal(run('TTL', 'k'), -1);
  });
});

describe('renames, moves and copies', () => {
  it('RENAME counts one write, signals both keys and keeps the TTL', () => {
    run('SET', 'a', 'v', 'PX', '5000');
    reset();
    const dirty = server.keyspace.dirty;
    assert.equal(run('RENAME', 'a', 'b'), 'OK');
    assert.equal(server.keyspace.dirty, dirty + 1);
    assert.deepEqual(events, ['0:g:rename_from:a', '0:g:rename_to:b']);
    assert.deepEqual(propagated, [['0', 'RENAME', 'a', 'b']]);
    assert.equal(run('PTTL', 'b'), 5000);
    reset();
    assert.equal(run('RENAME', 'b', 'b'), 'OK');
    assert.deepEqual(propagated, []);
  });

  it('MOVE and COPY raise their events in the right databases', () => {
    run('SET', 'a', 'v', 'PX', '5000');
    reset();
    assert.equal(run('MOVE', 'a', '3'), 1);
    assert.deepEqual(events, ['0:g:move_from:a', '3:g:move_to:a']);
    assert.equal(server.keyspace.db(3).getExpire('a'), NOW + 5000);
    run('SELECT', '3');
    reset();
    assert.equal(run('COPY', 'a', 'b', 'DB', '5'), 1);
    assert.deepEqual(events, ['5:g:copy_to:b']);
    assert.deepEqual(propagated, [['3', 'COPY', 'a', 'b', 'DB', '5']]);
    assert.equal(server.keyspace.db(5).getExpire('b'), NOW + 5000);
  });
});

describe('OBJECT IDLETIME and RESTORE IDLETIME', () => {
  it('idle time grows with the clock and resets on access, not on OBJECT or TTL', () => {
    run('SET', 'k', 'v');
    clock.advance(10_500);
    server.keyspace.updateLruClock();
    assert.equal(run('OBJECT', 'IDLETIME', 'k'), 10);
    run('TTL', 'k');
    run('TYPE', 'k');
    run('EXISTS', 'k');
    assert.equal(run('OBJECT', 'IDLETIME', 'k'), 10);
    run('GET', 'k');
    assert.equal(run('OBJECT', 'IDLETIME', 'k'), 0);
  });

  it('RESTORE IDLETIME backdates the access clock', () => {
    run('SET', 'k', 'hello');
    const payload = run('DUMP', 'k') as Buffer;
    assert.equal(runBuf('RESTORE', 'r', '0', payload, 'IDLETIME', '3600'), 'OK');
    assert.equal(run('OBJECT', 'IDLETIME', 'r'), 3600);
  });

  it('RESTORE with a relative TTL propagates the absolute time with ABSTTL', () => {
    run('SET', 'k', 'hello');
    const payload = (run('DUMP', 'k') as Buffer).toString('latin1');
    reset();
    assert.equal(run('RESTORE', 'r', '5000', payload), 'OK');
    assert.deepEqual(propagated, [['0', 'RESTORE', 'r', String(NOW + 5000), payload, 'ABSTTL']]);
    assert.deepEqual(events, ['0:g:restore:r']);
    reset();
    assert.equal(run('RESTORE', 'r', '1', payload, 'ABSTTL', 'REPLACE'), 'OK');
    assert.deepEqual(propagated, [['0', 'DEL', 'r']]);
    assert.deepEqual(events, ['0:g:del:r']);
    assert.equal(run('EXISTS', 'r'), 0);
  });
});

/** A payload with a valid footer around `body` (type byte + value). */
function framed(body: Buffer): Buffer {
  const out = Buffer.alloc(body.length + 10);
  body.copy(out);
  out[body.length] = 10;
  out[body.length + 1] = 0;
  writeCrc64LE(out, 0, body.length + 2, out, body.length + 2);
  return out;
}

describe('RESTORE of corrupt and unsupported payloads', () => {
  const cases: [string, Buffer, string][] = [
    ['a module payload (never supported)', framed(Buffer.from([7, 1, 1, 0x61])), 'ERR Bad data format'],
    ['an unknown object type', framed(Buffer.from([8, 1, 0x61])), 'ERR Bad data format'],
    ['a truncated LZF string', framed(Buffer.from([0, 0xc3, 5, 20, 1, 0x61])), 'ERR Bad data format'],
    ['LZF data that decompresses to the wrong size', framed(Buffer.from([0, 0xc3, 2, 3, 0, 0x61])), 'ERR Bad data format'],
    ['an unknown string encoding', framed(Buffer.from([0, 0xc4])), 'ERR Bad data format'],
    ['an unknown length encoding', framed(Buffer.from([0, 0x82])), 'ERR Bad data format'],
    ['a future RDB version', (() => { const p = Buffer.from(createDumpPayload('x')); p[p.length - 10] = 11; return p; })(), 'ERR DUMP payload version or checksum are wrong'],
    ['a flipped checksum bit', (() => { const p = Buffer.from(createDumpPayload('x')); p[p.length - 1]! ^= 1; return p; })(), 'ERR DUMP payload version or checksum are wrong'],
  ];
  for (const [name, payload, expected] of cases) {
    it(`rejects ${name}`, () => {
      assert.equal(errorText(runBuf('RESTORE', 'k', '0', payload)), expected);
      assert.equal(run('EXISTS', 'k'), 0);
    });
  }

  it('accepts an older RDB version in the footer', () => {
    const p = framed(Buffer.from([0, 1, 0x61]));
    p[p.length - 10] = 9;
    writeCrc64LE(p, 0, p.length - 8, p, p.length - 8);
    assert.equal(runBuf('RESTORE', 'k', '0', p), 'OK');
    assert.equal((run('GET', 'k') as Buffer).toString(), 'a');
  });
});

describe('whole-database commands', () => {
  it('FLUSHALL and FLUSHDB propagate even when nothing was there', () => {
    assert.equal(run('FLUSHDB'), 'OK');
    assert.equal(run('FLUSHALL', 'ASYNC'), 'OK');
    assert.deepEqual(propagated, [['0', 'FLUSHDB'], ['0', 'FLUSHALL', 'ASYNC']]);
  });

  it('SWAPDB exchanges contents: a client selecting a database sees the other one', () => {
    run('SET', 'a', 'zero');
    run('SELECT', '1');
    run('SET', 'b', 'one', 'EX', '100');
    assert.equal(run('SWAPDB', '0', '1'), 'OK');
    assert.equal(run('GET', 'a') !== null, true);
    run('SELECT', '0');
    assert.equal((run('GET', 'b') as Buffer).toString(), 'one');
    assert.equal(run('TTL', 'b'), 100);
    assert.equal(run('DBSIZE'), 1);
  });
});

describe('SCAN lazily expires the keys it meets', () => {
  it('drops expired keys from the reply and deletes them', () => {
    for (let i = 0; i < 20; i++) run('SET', `k${i}`, 'v', 'PX', i < 10 ? '100' : '100000');
    clock.advance(200);
    reset();
    let cursor = '0';
    const seen: string[] = [];
    do {
      const reply = run('SCAN', cursor) as ReplyValue[];
      cursor = (reply[0] as Buffer).toString();
      for (const k of reply[1] as Buffer[]) seen.push(k.toString());
    } while (cursor !== '0');
    assert.deepEqual(seen.sort(), Array.from({ length: 10 }, (_, i) => `k${i + 10}`).sort());
    assert.equal(run('DBSIZE'), 10);
    assert.equal(events.filter((e) => e.includes(':expired:')).length, 10);
  });

  it('cursor arguments above 32 bits are accepted and scanning ends', () => {
    run('SET', 'k', 'v');
    const reply = run('SCAN', '18446744073709551615') as ReplyValue[];
    assert.equal((reply[0] as Buffer).toString(), '0');
  });
});
