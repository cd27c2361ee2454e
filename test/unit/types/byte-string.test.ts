// ByteString (strings edited in place): growth and zero-fill, reply snapshots
// that never alias the live bytes, the sds memory model, and the commands
// that create and edit it in process (size limits with Redis's exact errors,
// in-place identity, snapshot safety of replies through the RESP encoder).

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { RespEncoder } from '../../../src/protocol/resp-encoder.js';
import { ValueSink, type ReplyValue } from '../../../src/protocol/value-sink.js';
import { Client } from '../../../src/server/client.js';
import { execute } from '../../../src/server/dispatcher.js';
import { Server } from '../../../src/server/server.js';
import {
  ByteString, isStringValue, stringBytesLength, stringReplyValue, stringValueBytes, stringValueToLatin1, typeOf, unshareString,
} from '../../../src/types/value.js';

describe('ByteString', () => {
  it('appends with geometric spare capacity and keeps the bytes exact', () => {
    const bs = ByteString.fromLatin1('ab');
    let expected = 'ab';
    let reallocations = 0;
    for (let i = 0; i < 5000; i++) {
      const before = bs.buf;
      const chunk = String.fromCharCode(i & 0xff, (i * 7) & 0xff);
      bs.appendLatin1(chunk);
      expected += chunk;
      if (bs.buf !== before) reallocations++;
    }
    assert.equal(bs.len, expected.length);
    assert.equal(bs.toLatin1(), expected);
    assert.ok(reallocations < 20, `${reallocations} reallocations for 5000 appends`);
  });

  it('grows with zeros, writes at offsets and never shrinks', () => {
    const bs = ByteString.zeroed(3);
    assert.equal(bs.toLatin1(), '\0\0\0');
    bs.writeLatin1(6, '\xff\x01');
    assert.equal(bs.toLatin1(), '\0\0\0\0\0\0\xff\x01');
    bs.writeLatin1(1, 'x');
    assert.equal(bs.toLatin1(), '\0x\0\0\0\0\xff\x01');
    bs.growZero(4);
    assert.equal(bs.len, 8);
    // Garbage left in recycled memory must not show through a later growth.
    bs.buf.fill(0xaa, bs.len);
    bs.growZero(bs.buf.length + 10);
    assert.ok(bs.view().subarray(8).every((b) => b === 0));
    assert.equal(bs.latin1Slice(6, 8), '\xff\x01');
  });

  it('gives reply snapshots that later writes do not change (short and long)', () => {
    for (const size of [10, 100_000]) {
      const bs = ByteString.zeroed(size);
      const snap = bs.snapshot();
      bs.buf[0] = 0x41;
      bs.appendLatin1('tail');
      const bytes = typeof snap === 'string' ? Buffer.from(snap, 'latin1') : snap;
      assert.equal(bytes.length, size);
      assert.equal(bytes[0], 0);
    }
  });

  it('reports raw and models sds allocations as Redis 7.0 (jemalloc classes)', () => {
    assert.equal(ByteString.zeroed(5).encoding(), 'raw');
    // sdsnewlen(5): type 5 header, 1 + 5 + 1 → 8-byte class; plus the 16-byte robj.
    assert.equal(ByteString.zeroed(5).memoryUsage(), 16 + 8);
    // An embstr copied then grown by one byte: greedy 2 × 3 = 6 with an sdshdr8 → 16-byte class.
    const small = ByteString.fromLatin1('12');
    small.appendLatin1('3');
    assert.equal(small.memoryUsage(), 16 + 16);
    // A 50-byte value set by SET was trimmed by tryObjectEncoding: the next append reallocates (102 + 4 → 112).
    const trimmed = ByteString.fromLatin1('y'.repeat(50));
    assert.equal(trimmed.memoryUsage(), 16 + 64);
    trimmed.appendLatin1('z');
    assert.equal(trimmed.memoryUsage(), 16 + 112);
    // Past 1 MB sds grows by 1 MB, not doubling: 3 MB + 1 MB in a 5 MB class (4 classes per doubling).
    const big = ByteString.zeroed(2 * 1024 * 1024);
    assert.equal(big.memoryUsage(), 16 + 2.5 * 1024 * 1024);
    big.growZero(3 * 1024 * 1024);
    assert.equal(big.memoryUsage(), 16 + 5 * 1024 * 1024);
  });

  it('value helpers accept both string forms alike', () => {
    const js = 'h\xffllo';
    const bs = ByteString.fromLatin1(js);
    for (const v of [js, bs]) {
      assert.ok(isStringValue(v));
      assert.equal(typeOf(v), 'string');
      assert.equal(stringBytesLength(v), 5);
      assert.equal(stringValueToLatin1(v), js);
      assert.deepEqual([...stringValueBytes(v)], [...Buffer.from(js, 'latin1')]);
      const r = stringReplyValue(v);
      assert.equal(typeof r === 'string' ? r : r.toString('latin1'), js);
    }
    assert.equal(unshareString(bs), bs);
    assert.notEqual(unshareString(js), js);
    assert.equal(unshareString(undefined).len, 0);
  });
});

describe('commands on in-place strings', () => {
  let server: Server;
  let client: Client;
  let sink: ValueSink;

  beforeEach(() => {
    server = new Server({ clock: new ManualClock(1_700_000_000_000) });
    sink = new ValueSink();
    client = new Client(server, sink, '?:0', '?:0', null);
    client.authenticated = true;
  });

  function run(...argv: string[]): ReplyValue {
    execute(client, argv);
    const replies = sink.takeAll();
    assert.equal(replies.length, 1);
    return replies[0]!;
  }

  const text = (v: ReplyValue) => (v instanceof Error ? v.message : String(v));
  const stored = (key: string) => server.keyspace.dbs[0]!.lookupNoTouch(key);

  it('APPEND, SETRANGE, SETBIT, BITFIELD and PFADD edit one object in place', () => {
    run('APPEND', 'k', 'abc');
    run('APPEND', 'k', 'def');
    const first = stored('k');
    assert.ok(first instanceof ByteString);
    run('APPEND', 'k', 'g');
    run('SETRANGE', 'k', '1', 'Z');
    run('SETBIT', 'k', '100', '1');
    run('BITFIELD', 'k', 'SET', 'u8', '0', '65');
    assert.equal(stored('k'), first);
    assert.equal((run('GET', 'k') as Buffer).toString('latin1'), 'AZcdefg' + '\0'.repeat(5) + '\x08');
    run('PFADD', 'h', 'a');
    const hll = stored('h');
    assert.ok(hll instanceof ByteString);
    for (let i = 0; i < 2000; i++) run('PFADD', 'h', `e${i}`);
    assert.equal(stored('h'), hll);
    assert.equal(run('PFDEBUG', 'ENCODING', 'h'), 'dense');
    run('SET', 'k', 'plain');
    assert.equal(stored('k'), 'plain');
  });

  it('refuses sizes past proto-max-bulk-len with Redis errors, changing nothing', () => {
    run('CONFIG', 'SET', 'proto-max-bulk-len', String(1024 * 1024));
    const tooLong = /^ERR string exceeds maximum allowed size \(proto-max-bulk-len\)$/;
    const badOffset = /^ERR bit offset is not an integer or out of range$/;
    assert.equal(run('SETRANGE', 'k', String(1024 * 1024 - 1), 'x'), 1024 * 1024);
    assert.match(text(run('APPEND', 'k', 'y')), tooLong);
    assert.match(text(run('SETRANGE', 'k', String(1024 * 1024), 'x')), tooLong);
    assert.match(text(run('SETRANGE', 'new', String(1024 * 1024 - 1), 'xy')), tooLong);
    assert.equal(run('EXISTS', 'new'), 0);
    assert.equal(run('STRLEN', 'k'), 1024 * 1024);
    assert.equal(run('SETBIT', 'b', String(8 * 1024 * 1024 - 1), '1'), 0);
    assert.match(text(run('SETBIT', 'b', String(8 * 1024 * 1024), '1')), badOffset);
    assert.match(text(run('SETBIT', 'b', '-1', '1')), badOffset);
    assert.match(text(run('SETBIT', 'b', 'x', '1')), badOffset);
    assert.match(text(run('BITFIELD', 'b', 'SET', 'u8', String(8 * 1024 * 1024), '1')), badOffset);
    assert.equal(run('STRLEN', 'b'), 1024 * 1024);
    assert.equal(run('BITCOUNT', 'b'), 1);
    assert.equal(run('BITPOS', 'b', '1'), 8 * 1024 * 1024 - 1);
  });

  it('a GET reply encoded before a write keeps the old bytes', () => {
    const encoder = new RespEncoder();
    run('SETRANGE', 'big', '0', 'a'.repeat(100_000));
    run('SETRANGE', 'small', '0', 'abc');
    for (const key of ['big', 'small']) {
      const v = stored(key);
      assert.ok(v instanceof ByteString);
      encoder.bulk(v.snapshot());
      run('SETRANGE', key, '0', 'Z');
    }
    const out = encoder.take();
    assert.ok(out !== null);
    const parts: (string | Buffer)[] = typeof out === 'string' ? [out] : out;
    const encoded = parts.map((p) => (typeof p === 'string' ? p : p.latin1Slice(0, p.length))).join('');
    assert.equal(encoded, `$100000\r\n${'a'.repeat(100_000)}\r\n$3\r\nabc\r\n`);
  });
});
