// MULTI/EXEC in process with a manual clock: what EXEC propagates (one write
// alone, several wrapped in MULTI ... EXEC, nothing for reads), keyspace
// events from inside EXEC, denyBlocking during EXEC, and WATCH with TTLs
// decided by the clock instead of sleeps.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/keyspace/clock.js';
import { ValueSink, type ReplyValue } from '../../src/protocol/value-sink.js';
import { Client } from '../../src/server/client.js';
import { execute } from '../../src/server/dispatcher.js';
import { Server } from '../../src/server/server.js';

const NOW = 1_700_000_000_000;

let clock: ManualClock;
let server: Server;
let propagated: string[];
let events: string[];

function newClient(): { run: (...argv: string[]) => ReplyValue; client: Client } {
  const sink = new ValueSink();
  const client = new Client(server, sink, '?:0', '?:0', null);
  client.authenticated = true;
  server.addClient(client);
  const run = (...argv: string[]): ReplyValue => {
    execute(client, argv);
    const replies = sink.takeAll();
    assert.equal(replies.length, 1, `one reply to ${argv.join(' ')}`);
    return replies[0]!;
  };
  return { run, client };
}

beforeEach(() => {
  clock = new ManualClock(NOW);
  server = new Server({ clock });
  propagated = [];
  events = [];
  server.keyspace.addListener({
    propagate: (db, argv) => { propagated.push(`${db}:${argv.join(' ')}`); },
    event: (type, event, key) => { events.push(`${type}:${event}:${key}`); },
  });
});

describe('EXEC propagation', () => {
  it('a single write inside EXEC propagates alone, without MULTI/EXEC', () => {
    const { run } = newClient();
    run('MULTI');
    run('SET', 'a', '1');
    run('GET', 'a');
    run('EXEC');
    assert.deepEqual(propagated, ['0:SET a 1']);
  });

  it('several writes are wrapped in MULTI ... EXEC, with their rewrites and databases', () => {
    const { run } = newClient();
    run('MULTI');
    run('SET', 'a', '1', 'EX', '10');
    run('SELECT', '2');
    run('INCR', 'n');
    run('EXEC');
    assert.deepEqual(propagated, [
      '0:MULTI', `0:SET a 1 PXAT ${NOW + 10_000}`, '2:INCR n', '2:EXEC',
    ]);
  });

  it('a transaction of reads and failed writes propagates nothing', () => {
    const { run } = newClient();
    run('SET', 's', 'abc');
    propagated = [];
    run('MULTI');
    run('GET', 's');
    run('INCR', 's');
    run('EXEC');
    assert.deepEqual(propagated, []);
  });

  it('a key expiring inside EXEC is deleted as part of the block', () => {
    const { run } = newClient();
    run('SET', 'e', 'v', 'PX', '100');
    propagated = [];
    events = [];
    clock.advance(200);
    run('MULTI');
    run('GET', 'e');
    run('SET', 'f', '1');
    run('EXEC');
    assert.deepEqual(propagated, ['0:MULTI', '0:DEL e', '0:SET f 1', '0:EXEC']);
    assert.deepEqual(events, ['x:expired:e', '$:set:f']);
  });

  it('EXEC replies an array of the queued replies; EXECABORT and null leave nothing queued', () => {
    const { run, client } = newClient();
    run('MULTI');
    assert.equal(run('SET', 'a', '1'), 'QUEUED');
    assert.equal(client.multiQueued, 1);
    const res = run('EXEC');
    assert.ok(Array.isArray(res));
    assert.equal(res.length, 1);
    assert.equal(client.multiQueued, -1);
    assert.equal(client.transaction, null);
    assert.equal(client.denyBlocking, false);
  });
});

describe('WATCH with a manual clock', () => {
  it('a WATCHed key whose TTL passes before EXEC makes it fail, without any access', () => {
    const { run } = newClient();
    run('SET', 'k', 'v', 'PX', '50');
    run('WATCH', 'k');
    clock.advance(51);
    run('MULTI');
    run('PING');
    assert.equal(run('EXEC'), null);
  });

  it('a key still alive at EXEC (its expiry millisecond included) lets it run', () => {
    const { run } = newClient();
    run('SET', 'k', 'v', 'PX', '50');
    run('WATCH', 'k');
    clock.advance(50);
    run('MULTI');
    run('PING');
    assert.deepEqual(run('EXEC'), ['PONG']);
  });

  it('the active expiry cycle touches WATCHed keys', () => {
    const a = newClient();
    a.run('SET', 'k', 'v', 'PX', '10');
    a.run('WATCH', 'k');
    clock.advance(20);
    server.keyspace.activeExpireCycle(10);
    assert.equal(server.keyspace.db(0).size, 0);
    assert.ok(a.client.extraFlags.includes('d'));
    a.run('MULTI');
    a.run('PING');
    assert.equal(a.run('EXEC'), null);
    assert.ok(!a.client.extraFlags.includes('d'));
  });

  it('a client that disconnects leaves no watcher behind', () => {
    const a = newClient();
    const b = newClient();
    a.run('WATCH', 'k', 'j');
    b.run('WATCH', 'k');
    server.removeClient(a.client);
    b.run('SET', 'k', '1');
    b.run('MULTI');
    b.run('PING');
    assert.equal(b.run('EXEC'), null);
    assert.equal(server.transactions.watchedCount(a.client), 0);
  });

  it('blocking is denied while EXEC runs and restored after', () => {
    const { run, client } = newClient();
    let seen: boolean | null = null;
    server.keyspace.addListener({ keyModified: () => { seen = client.denyBlocking; } });
    run('MULTI');
    run('SET', 'a', '1');
    run('EXEC');
    assert.equal(seen, true);
    assert.equal(client.denyBlocking, false);
  });
});
