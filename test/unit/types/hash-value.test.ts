// HashValue under both encodings (listpack order, conversion, packed lengths
// past 127 bytes) and the hash commands in process: encodings as Redis's
// assert_encoding, propagation (HINCRBYFLOAT → HSET) and keyspace events.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { ValueSink, type ReplyValue } from '../../../src/protocol/value-sink.js';
import { Client } from '../../../src/server/client.js';
import { execute } from '../../../src/server/dispatcher.js';
import { Server } from '../../../src/server/server.js';
import { HashValue, packEntries, unpackEntries } from '../../../src/types/hash-value.js';

describe('HashValue', () => {
  for (const enc of ['listpack', 'hashtable'] as const) {
    it(`get/set/delete/forEach [${enc}]`, () => {
      const h = new HashValue();
      if (enc === 'hashtable') h.convert();
      assert.equal(h.encoding(), enc);
      assert.equal(h.set('a', '1'), true);
      assert.equal(h.set('b', 'x'.repeat(300)), true);
      assert.equal(h.set('a', '2'), false);
      assert.equal(h.set('', ''), true);
      assert.equal(h.get('a'), '2');
      assert.equal(h.get('b'), 'x'.repeat(300));
      assert.equal(h.get(''), '');
      assert.equal(h.get('zz'), undefined);
      assert.equal(h.size, 3);
      assert.deepEqual(h.entries(), ['a', '2', 'b', 'x'.repeat(300), '', '']);
      assert.equal(h.delete('b'), true);
      assert.equal(h.delete('b'), false);
      assert.deepEqual(h.entries(), ['a', '2', '', '']);
      const [f, v] = h.randomPair(() => 0.99);
      assert.equal(h.get(f), v);
    });
  }

  it('listpack keeps insertion order, updates in place and converts with contents', () => {
    const h = new HashValue();
    for (const f of ['z', 'y', 'x']) h.set(f, f + f);
    h.set('y', 'new');
    h.delete('z');
    h.set('z', 'back');
    assert.deepEqual(h.entries(), ['y', 'new', 'x', 'xx', 'z', 'back']);
    h.convert();
    assert.equal(h.encoding(), 'hashtable');
    assert.deepEqual(h.entries(), ['y', 'new', 'x', 'xx', 'z', 'back']);
  });

  it('packs lengths of any size and binary bytes', () => {
    const items = ['', 'a\x00\xff', 'y'.repeat(127), 'y'.repeat(128), 'z'.repeat(20000), '\x80'];
    assert.deepEqual(unpackEntries(packEntries(items)), items);
    const h = HashValue.fromEntries(items);
    assert.equal(h.get('y'.repeat(127)), 'y'.repeat(128));
    assert.equal(h.get('z'.repeat(20000)), '\x80');
  });
});

describe('hash commands in process', () => {
  let client: Client;
  let sink: ValueSink;
  let propagated: string[][];
  let events: string[];

  beforeEach(() => {
    const server = new Server({ clock: new ManualClock(1_700_000_000_000) });
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
  const text = (v: ReplyValue) => (Buffer.isBuffer(v) ? v.toString('latin1') : v);

  it('assert_encoding through conversions on entries and value length', () => {
    run('CONFIG', 'SET', 'hash-max-listpack-entries', '3');
    run('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
    assert.equal(text(run('OBJECT', 'ENCODING', 'h')), 'listpack');
    run('HSET', 'h', 'd', '4');
    assert.equal(text(run('OBJECT', 'ENCODING', 'h')), 'hashtable');
    run('HDEL', 'h', 'a', 'b', 'c');
    assert.equal(text(run('OBJECT', 'ENCODING', 'h')), 'hashtable');
    run('HSET', 'v', 'a', 'x'.repeat(65));
    assert.equal(text(run('OBJECT', 'ENCODING', 'v')), 'hashtable');
  });

  it('HINCRBYFLOAT propagates HSET with the result; events as Redis', () => {
    run('HINCRBYFLOAT', 'h', 'f', '1.5');
    run('HINCRBYFLOAT', 'h', 'f', '0.25');
    assert.deepEqual(propagated, [['HSET', 'h', 'f', '1.5'], ['HSET', 'h', 'f', '1.75']]);
    propagated = [];
    events = [];
    run('HSET', 'h', 'g', '1');
    run('HINCRBY', 'h', 'g', '2');
    run('HDEL', 'h', 'f', 'g');
    assert.deepEqual(propagated, [['HSET', 'h', 'g', '1'], ['HINCRBY', 'h', 'g', '2'], ['HDEL', 'h', 'f', 'g']]);
    assert.deepEqual(events, ['h:hset:h', 'h:hincrby:h', 'h:hdel:h', 'g:del:h']);
    assert.equal(run('EXISTS', 'h'), 0);
  });

  it('HSCAN on a hashtable returns every field exactly once', () => {
    for (let i = 0; i < 1000; i++) run('HSET', 'big', `f${i}`, String(i));
    const seen = new Set<string>();
    let cursor = '0';
    let calls = 0;
    do {
      const r = run('HSCAN', 'big', cursor, 'COUNT', '37') as ReplyValue[];
      cursor = text(r[0]!) as string;
      const items = r[1] as ReplyValue[];
      for (let i = 0; i < items.length; i += 2) seen.add(text(items[i]!) as string);
      calls++;
    } while (cursor !== '0' && calls < 1000);
    assert.equal(seen.size, 1000);
    assert.ok(calls > 10);
  });
});
