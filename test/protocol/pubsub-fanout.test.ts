// Fan-out to 10,000 subscribers in process (no sockets): one PUBLISH encodes
// its frame once per protocol, appends that same frame to every subscriber,
// asks each subscriber's transport for one flush, and counts every delivery.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Server } from '../../src/server/server.js';
import { Client, type ClientTransport } from '../../src/server/client.js';
import { execute } from '../../src/server/dispatcher.js';
import { RespEncoder } from '../../src/protocol/resp-encoder.js';
import { ManualClock } from '../../src/keyspace/clock.js';

class RecordingEncoder extends RespEncoder {
  readonly raws: string[] = [];
  override raw(encoded: string): void {
    this.raws.push(encoded);
    super.raw(encoded);
  }
}

function fakeTransport(): ClientTransport & { flushes: number } {
  return {
    flushes: 0,
    closeAfterReply() {},
    kill() {},
    outputBytes: 0,
    queryBufferBytes: 0,
    scheduleFlush() { this.flushes++; },
    fd: -1,
    postponedArgv: null,
    events: 'r',
    replyPeakBytes: 0,
    isClosingAfterReply: false,
  };
}

describe('pub/sub fan-out', () => {
  it('one PUBLISH to 10,000 subscribers (RESP2 and RESP3) shares one frame per protocol', () => {
    const server = new Server({ clock: new ManualClock() });
    const subs: { client: Client; enc: RecordingEncoder; t: ReturnType<typeof fakeTransport> }[] = [];
    for (let i = 0; i < 10_000; i++) {
      const enc = new RecordingEncoder();
      enc.resp = i % 2 === 0 ? 2 : 3;
      const t = fakeTransport();
      const client = new Client(server, enc, `127.0.0.1:${i}`, '127.0.0.1:6379', t);
      server.addClient(client);
      execute(client, ['SUBSCRIBE', 'big']);
      enc.take();
      subs.push({ client, enc, t });
    }
    const pubEnc = new RespEncoder();
    const publisher = new Client(server, pubEnc, '127.0.0.1:1', '127.0.0.1:6379', fakeTransport());
    server.addClient(publisher);
    execute(publisher, ['PUBLISH', 'big', 'payload']);
    assert.equal(pubEnc.take(), ':10000\r\n');
    const frame2 = '*3\r\n$7\r\nmessage\r\n$3\r\nbig\r\n$7\r\npayload\r\n';
    const frame3 = '>3\r\n$7\r\nmessage\r\n$3\r\nbig\r\n$7\r\npayload\r\n';
    for (const { enc, t } of subs) {
      assert.equal(enc.raws.length, 1);
      assert.equal(enc.raws[0], enc.resp === 2 ? frame2 : frame3);
      assert.equal(t.flushes, 1);
    }
    execute(publisher, ['PUBSUB', 'NUMSUB', 'big']);
    assert.equal(pubEnc.take(), '*2\r\n$3\r\nbig\r\n:10000\r\n');
    // Disconnects clean up: the channel disappears with its last subscriber.
    for (const { client } of subs) server.removeClient(client);
    execute(publisher, ['PUBSUB', 'CHANNELS']);
    assert.equal(pubEnc.take(), '*0\r\n');
    assert.equal(server.pubsub.channels.size, 0);
  });
});
