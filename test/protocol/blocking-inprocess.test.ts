// The blocking machinery in process, with a fake transport and a manual
// clock: served commands propagate their non-blocking form, deadlines follow
// the keyspace clock, SWAPDB makes keys ready, the b flag and INFO counters.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '../../src/keyspace/clock.js';
import { ValueSink, type ReplyValue } from '../../src/protocol/value-sink.js';
import { Client, type ClientTransport } from '../../src/server/client.js';
import { execute } from '../../src/server/dispatcher.js';
import { Server } from '../../src/server/server.js';

class FakeTransport implements ClientTransport {
  blocked = false;
  outputBytes = 0;
  queryBufferBytes = 0;
  fd = -1;
  postponedArgv = null;
  events = 'r';
  replyPeakBytes = 0;
  isClosingAfterReply = false;
  closeAfterReply(): void {}
  kill(): void {}
  scheduleFlush(): void {}
  block(): void { this.blocked = true; }
  unblock(): void { this.blocked = false; }
}

let clock: ManualClock;
let server: Server;
let propagated: string[][];

function connect(): { client: Client; sink: ValueSink; transport: FakeTransport } {
  const sink = new ValueSink();
  const transport = new FakeTransport();
  const client = new Client(server, sink, '?:0', '?:0', transport);
  server.addClient(client);
  return { client, sink, transport };
}

/** Replies with bulk strings as latin1 strings, for comparisons. */
function plain(v: ReplyValue | unknown): unknown {
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

function take(sink: ValueSink): unknown[] {
  return sink.takeAll().map(plain);
}

function run(client: Client, ...argv: string[]): unknown[] {
  execute(client, argv);
  return take(client.reply as ValueSink);
}

beforeEach(() => {
  clock = new ManualClock(1_700_000_000_000);
  server = new Server({ clock });
  propagated = [];
  server.keyspace.addListener({ propagate: (_db, argv) => propagated.push([...argv]) });
});

describe('blocking machinery (in process)', () => {
  it('a served BLPOP propagates LPOP, BLMOVE propagates LMOVE, BLMPOP LPOP key count', () => {
    const a = connect();
    const b = connect();
    const c = connect();
    const p = connect();
    assert.deepEqual(run(a.client, 'BLPOP', 'k', '0'), []);
    assert.equal(a.transport.blocked, true);
    assert.deepEqual(run(b.client, 'BLMOVE', 'm', 'n', 'LEFT', 'RIGHT', '0'), []);
    assert.deepEqual(run(c.client, 'BLMPOP', '0', '1', 'z', 'RIGHT', 'COUNT', '5'), []);
    assert.equal(server.blocking.blockedCount, 3);
    assert.deepEqual(run(p.client, 'RPUSH', 'k', 'v'), [1]);
    assert.deepEqual(take(a.sink), [['k', 'v']]);
    assert.equal(a.transport.blocked, false);
    run(p.client, 'RPUSH', 'm', 'x');
    assert.deepEqual(take(b.sink), ['x']);
    run(p.client, 'RPUSH', 'z', '1', '2', '3');
    assert.deepEqual(take(c.sink), [['z', ['3', '2', '1']]]);
    assert.deepEqual(propagated, [
      ['RPUSH', 'k', 'v'], ['LPOP', 'k'],
      ['RPUSH', 'm', 'x'], ['LMOVE', 'm', 'n', 'LEFT', 'RIGHT'],
      ['RPUSH', 'z', '1', '2', '3'], ['RPOP', 'z', '3'],
    ]);
    assert.equal(server.blocking.blockedCount, 0);
  });

  it('deadlines follow the keyspace clock', async () => {
    const a = connect();
    run(a.client, 'BLPOP', 'k', '0.01');
    await sleep(40);
    // Real time passed but the manual clock did not: still blocked.
    assert.equal(a.transport.blocked, true);
    clock.advance(10);
    await sleep(30);
    assert.deepEqual(take(a.sink), [null]);
    assert.equal(a.transport.blocked, false);
  });

  it('SWAPDB makes keys of the swapped databases ready; the b flag and INFO', () => {
    const a = connect();
    const p = connect();
    run(a.client, 'BLPOP', 'k', '0');
    assert.match(String(run(p.client, 'CLIENT', 'LIST', 'ID', String(a.client.id))[0]), /flags=b /);
    assert.match(String(run(p.client, 'INFO', 'clients')[0]), /blocked_clients:1\r\n/);
    run(p.client, 'SELECT', '1');
    run(p.client, 'RPUSH', 'k', 'from-db1');
    assert.deepEqual(take(a.sink), []);
    run(p.client, 'SWAPDB', '0', '1');
    assert.deepEqual(take(a.sink), [['k', 'from-db1']]);
    assert.match(String(run(p.client, 'INFO', 'clients')[0]), /blocked_clients:0\r\n/);
  });

  it('clients without a transport and clients in MULTI or scripts do not block', () => {
    const sink = new ValueSink();
    const local = new Client(server, sink, '?:0', '?:0', null);
    assert.deepEqual(run(local, 'BLPOP', 'k', '0'), [null]);
    const a = connect();
    a.client.denyBlocking = true;
    assert.deepEqual(run(a.client, 'BLMOVE', 'k', 'j', 'LEFT', 'LEFT', '0'), [null]);
    assert.equal(server.blocking.blockedCount, 0);
  });

  it('closing a blocked client removes it from the queues', () => {
    const a = connect();
    const b = connect();
    const p = connect();
    run(a.client, 'BRPOP', 'k', '0');
    run(b.client, 'BRPOP', 'k', '0');
    server.removeClient(a.client);
    run(p.client, 'RPUSH', 'k', 'v');
    assert.deepEqual(take(a.sink), []);
    assert.deepEqual(take(b.sink), [['k', 'v']]);
  });
});
