// SetValue under both encodings (intset sorted order and int64 edges,
// conversion, StrTable holes/compaction/random) and the set commands in
// process: SPOP propagation as SREM / DEL, events, SSCAN completeness.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ManualClock } from '../../../src/keyspace/clock.js';
import { ValueSink, type ReplyValue } from '../../../src/protocol/value-sink.js';
import { Client } from '../../../src/server/client.js';
import { execute } from '../../../src/server/dispatcher.js';
import { Server } from '../../../src/server/server.js';
import { IntSet } from '../../../src/types/intset.js';
import { SetValue } from '../../../src/types/set-value.js';
import { StrTable } from '../../../src/types/str-table.js';

describe('SetValue', () => {
  it('intset: sorted members, int64 edges, width, conversion on non-integers and size', () => {
    const s = SetValue.forMember('5');
    assert.equal(s.encoding(), 'intset');
    for (const m of ['5', '-3', '9223372036854775807', '-9223372036854775808', '0', '5']) s.add(m, 10);
    assert.deepEqual(s.members(), ['-9223372036854775808', '-3', '0', '5', '9223372036854775807']);
    assert.equal(s.has('05'), false);
    assert.equal(s.has('5'), true);
    assert.equal(s.is!.width(), 8);
    assert.equal(s.remove('-3'), true);
    assert.equal(s.remove('x'), false);
    s.add('x', 10);
    assert.equal(s.encoding(), 'hashtable');
    assert.deepEqual([...s.members()].sort(), ['-9223372036854775808', '0', '5', '9223372036854775807', 'x'].sort());
    const t = new SetValue(true);
    for (let i = 0; i < 4; i++) t.add(String(i), 3);
    assert.equal(t.encoding(), 'hashtable');
    assert.equal(t.size, 4);
  });

  it('IntSet widths follow the extreme members', () => {
    const is = new IntSet();
    is.add(1n);
    assert.equal(is.width(), 2);
    is.add(40000n);
    assert.equal(is.width(), 4);
    is.add(-(2n ** 40n));
    assert.equal(is.width(), 8);
  });

  it('StrTable: small and hashed modes, back to small, random entries', () => {
    const t = new StrTable<string>(true);
    for (let i = 0; i < 100; i++) t.set(`k${i}`, `v${i}`);
    assert.equal(t.size, 100);
    for (let i = 0; i < 90; i++) assert.equal(t.delete(`k${i}`), true);
    assert.equal(t.size, 10);
    for (let i = 90; i < 100; i++) assert.equal(t.get(`k${i}`), `v${i}`);
    const seen = new Set<string>();
    let x = 1;
    const rnd = () => {
      x = (x * 48271) % 2147483647;
      return x / 2147483647;
    };
    for (let i = 0; i < 200; i++) seen.add(t.keyAt(t.randomEntry(rnd)));
    assert.equal(seen.size, 10);
    const small = new StrTable(false);
    small.set('a', undefined);
    small.set('b', undefined);
    assert.equal(small.set('a', undefined), false);
    assert.equal(small.delete('a'), true);
    assert.equal(small.has('b'), true);
    assert.equal(small.has('a'), false);
  });
});

describe('set commands in process', () => {
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

  it('SPOP propagates SREM per member, DEL when the whole set goes', () => {
    run('SADD', 's', 'a', 'b', 'c', 'd', 'e', 'f');
    propagated = [];
    events = [];
    const one = text(run('SPOP', 's')) as string;
    assert.deepEqual(propagated, [['SREM', 's', one]]);
    propagated = [];
    const two = (run('SPOP', 's', '2') as ReplyValue[]).map(text);
    assert.deepEqual(propagated, two.map((m) => ['SREM', 's', m]));
    propagated = [];
    // CASE 3 (few remain): the rest is popped, the set keeps the others.
    const three = (run('SPOP', 's', '2') as ReplyValue[]).map(text);
    assert.equal(three.length, 2);
    assert.equal(run('SCARD', 's'), 1);
    propagated = [];
    run('SPOP', 's', '10');
    assert.deepEqual(propagated, [['DEL', 's']]);
    assert.equal(run('EXISTS', 's'), 0);
    assert.deepEqual(events.slice(-2), ['s:spop:s', 'g:del:s']);
  });

  it('SRANDMEMBER: distinct members for positive counts, repetition for negative', () => {
    for (let i = 0; i < 50; i++) run('SADD', 'r', `m${i}`);
    for (const n of [1, 10, 20, 49, 50, 80]) {
      const out = (run('SRANDMEMBER', 'r', String(n)) as ReplyValue[]).map(text);
      assert.equal(out.length, Math.min(n, 50));
      assert.equal(new Set(out).size, out.length);
    }
    assert.equal((run('SRANDMEMBER', 'r', '-200') as ReplyValue[]).length, 200);
  });

  it('SSCAN on a hashtable returns every member; SMOVE events', () => {
    for (let i = 0; i < 500; i++) run('SADD', 'big', `m${i}`);
    const seen = new Set<string>();
    let cursor = '0';
    let calls = 0;
    do {
      const r = run('SSCAN', 'big', cursor) as ReplyValue[];
      cursor = text(r[0]!) as string;
      for (const m of r[1] as ReplyValue[]) seen.add(text(m) as string);
      calls++;
    } while (cursor !== '0' && calls < 1000);
    assert.equal(seen.size, 500);
    events = [];
    run('SADD', 'src', 'x');
    run('SMOVE', 'src', 'dst', 'x');
    assert.deepEqual(events, ['s:sadd:src', 's:srem:src', 'g:del:src', 's:sadd:dst']);
  });
});
