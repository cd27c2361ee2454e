// respite over TCP with raw bytes: pipelining, frames split at every byte,
// binary keys and values, query buffer limit, and output backpressure.

import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startRespite } from '../helpers/servers.js';
import { encodeCommand, RawClient } from '../helpers/raw-client.js';
import type { RunningServer } from '../../src/index.js';
import { exchange } from './exchange.js';

let srv: RunningServer;
before(async () => {
  srv = await startRespite();
});
after(async () => {
  await srv?.close();
});

const bulk = (s: string | Buffer) => {
  const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
  return `$${b.length}\r\n${b.toString('latin1')}\r\n`;
};

describe('pipelining and partial frames', () => {
  it('1000 commands in one write get 1000 replies in order', async () => {
    const frames: Buffer[] = [];
    let expected = '';
    for (let i = 0; i < 1000; i++) {
      frames.push(i % 3 === 0 ? Buffer.from(`ECHO m${i}\r\n`) : encodeCommand(['ECHO', `m${i}`]));
      expected += bulk(`m${i}`);
    }
    const r = await exchange(srv.port, Buffer.concat(frames), { replies: 1000, timeoutMs: 10000 });
    assert.equal(r.data, expected);
    assert.equal(r.closed, false);
  });

  it('1000 pipelined SET/GET/INCR in one write', async () => {
    const frames: Buffer[] = [];
    let expected = '';
    for (let i = 0; i < 250; i++) {
      frames.push(encodeCommand(['SET', `p:${i}`, `v${i}`]), encodeCommand(['GET', `p:${i}`]),
        encodeCommand(['INCR', 'p:counter']), encodeCommand(['DEL', `p:${i}`]));
      expected += `+OK\r\n${bulk(`v${i}`)}:${i + 1}\r\n:1\r\n`;
    }
    const r = await exchange(srv.port, Buffer.concat(frames), { replies: 1000, timeoutMs: 10000 });
    assert.equal(r.data, expected);
  });

  it('commands written one byte at a time', async () => {
    const bytes = Buffer.concat([encodeCommand(['ECHO', 'a\r\nb']), Buffer.from('ECHO "x y"\r\n'), encodeCommand(['PING'])]);
    const r = await exchange(srv.port, bytes, { chunkSize: 1, delayMs: 1, replies: 3, timeoutMs: 10000 });
    assert.equal(r.data, `${bulk('a\r\nb')}${bulk('x y')}+PONG\r\n`);
  });

  it('a stream split at every byte boundary gives the same replies', async () => {
    const bytes = Buffer.concat([encodeCommand(['ECHO', 'hello']), Buffer.from('PING\r\n'), encodeCommand(['ECHO', ''])]);
    const expected = `${bulk('hello')}+PONG\r\n${bulk('')}`;
    for (let i = 1; i < bytes.length; i++) {
      const r = await exchange(srv.port, bytes, { splitAt: i, delayMs: 2, replies: 3, timeoutMs: 5000 });
      assert.equal(r.data, expected, `split at byte ${i}`);
    }
  });
});

describe('binary safety', () => {
  it('all 256 byte values in keys and values', async () => {
    const c = await RawClient.connect(srv.port);
    try {
      for (let b = 0; b < 256; b++) {
        const key = Buffer.from([b, 0, 255 - b, 13, 10]);
        const value = Buffer.from([255 - b, b, 10, 13, 0]);
        assert.equal(await c.call('SET', key, value), '+OK\r\n');
        assert.equal(await c.call('GET', key), bulk(value), `byte ${b}`);
      }
      const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      assert.equal(await c.call('SET', all, all), '+OK\r\n');
      assert.equal(await c.call('GET', all), bulk(all));
      assert.equal(await c.call('ECHO', all), bulk(all));
    } finally {
      c.close();
    }
  });
});

describe('limits', () => {
  it('a client over client-query-buffer-limit is disconnected without a reply', async () => {
    const s = await startRespite({ config: { 'client-query-buffer-limit': '1mb' } });
    try {
      const head = Buffer.from('*2\r\n$4\r\nECHO\r\n$3000000\r\n');
      const r = await exchange(s.port, Buffer.concat([head, Buffer.alloc(1_100_000, 97)]), { timeoutMs: 5000 });
      assert.deepEqual(r, { data: '', closed: true });
      const c = await RawClient.connect(s.port);
      assert.equal(await c.call('PING'), '+PONG\r\n', 'the server keeps serving others');
      c.close();
    } finally {
      await s.close();
    }
  });

  it('a client that stops reading a huge pipeline does not grow server memory without bound', async () => {
    // 300 GETs of a 1 MB value = 300 MB of replies; the connection must stop
    // reading once ~16 MB wait in the socket, so far less than that is held.
    const value = 'x'.repeat(1024 * 1024);
    srv.server.keyspace.db(0).setKey('huge', value);
    const request = Buffer.from('*2\r\n$3\r\nGET\r\n$4\r\nhuge\r\n'.repeat(300));
    const socket = connect({ port: srv.port, host: '127.0.0.1' });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.pause();
    socket.write(request);
    await new Promise((r) => setTimeout(r, 1500));
    const conn = [...srv.server.clients.values()].find((c) => c.transport !== null && c.transport.outputBytes > 0);
    assert.ok(conn, 'the client has pending output');
    const held = conn.transport!.outputBytes;
    assert.ok(held < 24 * 1024 * 1024, `server holds ${held} bytes of output for a non-reading client`);
    // When the client reads again, every reply arrives.
    const expectedBytes = 300 * (value.length + 2 + `$${value.length}\r\n`.length);
    let received = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received} of ${expectedBytes} bytes arrived`)), 30000);
      socket.on('data', (d: Buffer) => {
        received += d.length;
        if (received >= expectedBytes) {
          clearTimeout(timer);
          resolve();
        }
      });
      socket.resume();
    });
    assert.equal(received, expectedBytes);
    socket.destroy();
  });
});
