// Side-by-side tests of SHUTDOWN (error paths), DEBUG, SLOWLOG, LATENCY,
// MEMORY, FUNCTION and FCALL against redis-server 7.0.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conformanceSuite, SideBySide, type Pair } from './harness.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason } from '../helpers/servers.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';
import type { RawClient } from '../helpers/raw-client.js';

const decode = (raw: string): Decoded => decodeReply(Buffer.from(raw, 'latin1'))[0];

conformanceSuite('SHUTDOWN argument errors', [
  { name: 'SHUTDOWN illegal combinations and ABORT without a shutdown', steps: [
    ['SHUTDOWN', 'ABORT'], ['SHUTDOWN', 'abort'], ['SHUTDOWN', 'NOSAVE', 'SAVE'], ['SHUTDOWN', 'ABORT', 'NOW'],
    ['SHUTDOWN', 'FORCE', 'ABORT'], ['SHUTDOWN', 'FOO'], ['SHUTDOWN', 'NOW', 'BAR'], ['SHUTDOWN', 'ABORT', 'ABORT'],
  ] },
]);

conformanceSuite('DEBUG refused by default', [
  { name: 'DEBUG is not allowed with enable-debug-command no', steps: [
    ['DEBUG', 'HELP'], ['DEBUG', 'SLEEP', '0'], ['DEBUG', 'NOSUCH'], ['DEBUG'], ['CONFIG', 'GET', 'enable-debug-command'],
  ] },
]);

conformanceSuite('DEBUG with enable-debug-command local', [
  { name: 'loopback clients may run DEBUG', steps: [['DEBUG', 'SLEEP', '0'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '1']] },
], { config: { 'enable-debug-command': 'local' } });

conformanceSuite('DEBUG', [
  { name: 'DEBUG HELP, unknown subcommands and arities', steps: [
    ['DEBUG', 'HELP'], ['DEBUG', 'help'], ['DEBUG', 'HELP', 'x'], ['DEBUG', 'NOSUCH'], ['DEBUG', 'nosuch', 'a', 'b'],
    ['DEBUG', 'OBJECT'], ['DEBUG', 'OBJECT', 'a', 'b'], ['DEBUG', 'SLEEP'], ['DEBUG', 'SLEEP', '1', '2'],
    ['DEBUG', 'SET-ACTIVE-EXPIRE'], ['DEBUG', 'QUICKLIST-PACKED-THRESHOLD'], ['DEBUG'],
  ] },
  { name: 'DEBUG SLEEP and SET-ACTIVE-EXPIRE accept any number text', steps: [
    ['DEBUG', 'SLEEP', '0'], ['DEBUG', 'SLEEP', 'abc'], ['DEBUG', 'SLEEP', '-1'], ['DEBUG', 'SLEEP', '0.001x'], ['DEBUG', 'SLEEP', '1e-3'],
    ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], ['DEBUG', 'SET-ACTIVE-EXPIRE', 'abc'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '2'],
    ['DEBUG', 'SET-ACTIVE-EXPIRE', '1'],
  ] },
  { name: 'DEBUG OBJECT of a missing key, DEBUG LOG and DEBUG ERROR', steps: [
    ['DEBUG', 'OBJECT', 'nokey'], ['DEBUG', 'LOG', 'hello from the test'], ['DEBUG', 'ERROR', 'foo'],
    ['DEBUG', 'ERROR', '-FOO bar'], ['DEBUG', 'ERROR', ''], ['DEBUG', 'ERROR', 'a\r\nb'],
  ] },
], { config: { 'enable-debug-command': 'yes' } });

/** DEBUG OBJECT with the address and access clock taken out (they are server-specific). */
const objectShape = (raw: string) => raw.replace(/at:0x[0-9a-f]+/, 'at:ADDR').replace(/lru:\d+ lru_seconds_idle:\d+/, 'lru:L');

/** Values whose encodings, RDB lengths (plain, integer, LZF) and memory sizes are compared. */
function sampleValues(): string[] {
  const values: string[] = [];
  for (let n = 0; n <= 80; n++) values.push('a'.repeat(n));
  for (const n of [100, 200, 254, 255, 256, 257, 300, 1000, 5000, 65534, 65535, 65536, 70000]) values.push('x'.repeat(n));
  values.push('0', '1', '-1', '127', '128', '-128', '-129', '32767', '32768', '-32768', '2147483647', '2147483648',
    '-2147483648', '-2147483649', '9999', '10000', '123456789012', '9223372036854775807', '-9223372036854775808',
    '9223372036854775808', '01', '+1', ' 1', '1.5', '-0', '');
  const rnd = new SeededRandom(testSeed());
  const alphabet = 'abcab0123 \x00\xff';
  for (let i = 0; i < 60; i++) {
    const len = rnd.int(15, 400);
    let s = '';
    // Low-entropy text so LZF finds matches (and sometimes does not).
    for (let j = 0; j < len; j++) s += rnd.chance(0.7) && s.length > 4 ? s[s.length - rnd.int(1, Math.min(s.length, 40))] : rnd.pick([...alphabet]);
    values.push(s);
  }
  for (const s of ['abcabcabcabcabcabcabcabcabcabc', 'ab'.repeat(30), 'hello world hello world hello world', '0123456789'.repeat(5)]) values.push(s);
  return values;
}

describe('DEBUG OBJECT and MEMORY USAGE equal Redis for strings', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide({ config: { 'enable-debug-command': 'yes' } });
  let pair: Pair;
  before(async () => {
    await sbs.start();
    pair = await sbs.connect(2);
  });
  after(async () => {
    pair.redis.close();
    pair.respite.close();
    await sbs.stop();
  });

  const both = async (...argv: string[]) => Promise.all([pair.redis.call(...argv), pair.respite.call(...argv)]);

  it('encoding, refcount and serializedlength match for many string shapes (rdbcompression yes and no)', async () => {
    for (const compression of ['yes', 'no']) {
      await both('CONFIG', 'SET', 'rdbcompression', compression);
      for (const v of sampleValues()) {
        await both('SET', 'k', v);
        const [r, o] = await both('DEBUG', 'OBJECT', 'k');
        assert.equal(objectShape(o), objectShape(r), `value ${JSON.stringify(v.slice(0, 60))} (${v.length} bytes), rdbcompression ${compression}`);
      }
    }
  });

  it('MEMORY USAGE matches for string values and key lengths', async () => {
    for (const keyLen of [1, 10, 13, 14, 31, 32, 40, 60, 255, 256]) {
      const key = 'k'.repeat(keyLen);
      for (const v of sampleValues()) {
        await both('SET', key, v);
        const [r, o] = await both('MEMORY', 'USAGE', key);
        assert.equal(o, r, `key of ${keyLen} bytes, value ${JSON.stringify(v.slice(0, 40))} (${v.length} bytes)`);
      }
      await both('DEL', key);
    }
  });
});

conformanceSuite('MEMORY', [
  { name: 'MEMORY HELP, USAGE arguments and missing keys', steps: [
    ['MEMORY', 'HELP'], ['MEMORY', 'USAGE', 'nokey'], ['SET', 'k', 'v'], ['MEMORY', 'USAGE', 'k', 'SAMPLES'],
    ['MEMORY', 'USAGE', 'k', 'SAMPLES', 'x'], ['MEMORY', 'USAGE', 'k', 'SAMPLES', '-1'], ['MEMORY', 'USAGE', 'k', 'foo', '1'],
    ['MEMORY', 'USAGE', 'k', 'SAMPLES', '0'], ['MEMORY', 'USAGE', 'k', 'samples', '5', 'SAMPLES', '1'],
    ['MEMORY', 'USAGE', 'nokey', 'SAMPLES', 'x'], ['MEMORY', 'USAGE'], ['MEMORY', 'NOSUCH'], ['MEMORY', 'PURGE'],
    ['MEMORY', 'PURGE', 'x'], ['MEMORY', 'STATS', 'x'], ['MEMORY', 'DOCTOR', 'x'],
    { cmd: ['MEMORY', 'DOCTOR'], relax: 'type' }, { cmd: ['MEMORY', 'MALLOC-STATS'], relax: 'type' },
  ] },
]);

describe('MEMORY STATS has Redis 7.0 field names', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  for (const resp of [2, 3] as const) {
    it(`same fields, same order, same value types [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      for (const c of [redis, respite]) await c.call('SET', 'k', 'v');
      const shape = async (c: RawClient) => {
        const raw = await c.call('MEMORY', 'STATS');
        const v = decode(raw);
        const pairs: [Decoded, Decoded][] = Array.isArray(v) ? v.flatMap((x, i) => (i % 2 === 0 ? [[x, v[i + 1]!] as [Decoded, Decoded]] : [])) : (v as { map: [Decoded, Decoded][] }).map;
        return { type: raw[0], fields: pairs.map(([k, val]) => `${String(k)}:${val === null ? 'null' : typeof val}`) };
      };
      assert.deepEqual(await shape(respite), await shape(redis));
      redis.close();
      respite.close();
    });
  }
});

conformanceSuite('SLOWLOG', [
  { name: 'SLOWLOG HELP, LEN and RESET arity, GET count errors', steps: [
    ['SLOWLOG', 'HELP'], ['SLOWLOG', 'GET', '-2'], ['SLOWLOG', 'GET', 'x'], ['SLOWLOG', 'GET', '1', '2'], ['SLOWLOG', 'LEN', 'x'],
    ['SLOWLOG', 'RESET', 'x'], ['SLOWLOG', 'NOSUCH'], ['SLOWLOG'], ['SLOWLOG', 'RESET'], ['SLOWLOG', 'GET', '0'],
    ['SLOWLOG', 'GET', '9223372036854775807'], ['SLOWLOG', 'GET', '9223372036854775808'],
  ] },
]);

/** A slow log entry with the server-specific values (id, time, duration, client port) normalized. */
function normalizeEntries(v: Decoded): Decoded {
  assert.ok(Array.isArray(v), 'SLOWLOG GET returns an array');
  return v.map((e) => {
    assert.ok(Array.isArray(e) && e.length === 6, 'each entry has 6 fields');
    assert.equal(typeof e[0], 'number');
    assert.equal(typeof e[1], 'number');
    assert.equal(typeof e[2], 'number');
    return ['ID', 'TIME', 'US', e[3]!, String(e[4]).replace(/:\d+$/, ':PORT'), e[5]!];
  });
}

describe('SLOWLOG entries with slowlog-log-slower-than 0', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide({ config: { 'slowlog-log-slower-than': '0' } });
  before(() => sbs.start());
  after(() => sbs.stop());

  for (const resp of [2, 3] as const) {
    it(`entries, argv trimming, client name, LEN and count -1 [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      const longArgs = Array.from({ length: 40 }, (_, i) => `a${i}`);
      const script: string[][] = [
        ['SLOWLOG', 'RESET'], ['CLIENT', 'SETNAME', 'tester'], ['SET', 'k', 'x'.repeat(200)], ['MSET', ...longArgs],
        ['GET', 'k'], ['SET', 'bin', 'a\x00\xffb'],
      ];
      for (const c of [redis, respite]) for (const cmd of script) await c.call(...cmd);
      for (const get of [['SLOWLOG', 'GET'], ['SLOWLOG', 'GET', '2'], ['SLOWLOG', 'GET', '-1']]) {
        const [r, o] = await Promise.all([redis.call(...get), respite.call(...get)]);
        assert.equal(o[0], r[0]);
        assert.deepEqual(normalizeEntries(decode(o)), normalizeEntries(decode(r)), get.join(' '));
      }
      const [r, o] = await Promise.all([redis.call('SLOWLOG', 'LEN'), respite.call('SLOWLOG', 'LEN')]);
      assert.equal(o, r);
      redis.close();
      respite.close();
    });
  }
});

conformanceSuite('LATENCY without events', [
  { name: 'LATENCY HELP, empty LATEST/HISTORY, RESET counts, GRAPH error, DOCTOR when disabled', steps: [
    ['LATENCY', 'HELP'], ['LATENCY', 'RESET'], ['LATENCY', 'LATEST'], ['LATENCY', 'HISTORY', 'command'], ['LATENCY', 'RESET', 'a', 'b'],
    ['LATENCY', 'GRAPH', 'x'], ['LATENCY', 'DOCTOR'], ['LATENCY', 'NOSUCH'], ['LATENCY', 'HISTORY'], ['LATENCY', 'GRAPH', 'a', 'b'],
    ['LATENCY', 'DOCTOR', 'x'], ['LATENCY', 'LATEST', 'x'], ['LATENCY', 'HISTOGRAM', 'nosuch'], ['LATENCY', 'HISTOGRAM', 'a|b|c'],
  ] },
]);

describe('LATENCY with events and histograms', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide({ config: { 'enable-debug-command': 'yes' } });
  before(() => sbs.start());
  after(() => sbs.stop());

  it('a slow command is recorded as a "command" event in LATEST, HISTORY, GRAPH and DOCTOR', async () => {
    const { redis, respite } = await sbs.connect(2);
    for (const c of [redis, respite]) {
      await c.call('LATENCY', 'RESET');
      await c.call('CONFIG', 'SET', 'latency-monitor-threshold', '5');
      await c.call('DEBUG', 'SLEEP', '0.02');
    }
    const digits = (s: string) => s.replace(/\d+/g, 'N');
    for (const cmd of [['LATENCY', 'LATEST'], ['LATENCY', 'HISTORY', 'command'], ['LATENCY', 'HISTORY', 'COMMAND']]) {
      const [r, o] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
      assert.equal(digits(o), digits(r), cmd.join(' '));
    }
    const [rg, og] = await Promise.all([redis.call('LATENCY', 'GRAPH', 'command'), respite.call('LATENCY', 'GRAPH', 'command')]);
    assert.equal(digits(og), digits(rg));
    const [rd, od] = await Promise.all([redis.call('LATENCY', 'DOCTOR'), respite.call('LATENCY', 'DOCTOR')]);
    // The advice list may add a THP line on one side (it depends on each process's huge pages).
    const firstLines = (s: string) => digits(String(decode(s))).split('\n').slice(0, 9).join('\n');
    assert.equal(firstLines(od), firstLines(rd));
    for (const c of [redis, respite]) {
      assert.equal(await c.call('LATENCY', 'RESET', 'COMMAND', 'command'), ':1\r\n');
      await c.call('CONFIG', 'SET', 'latency-monitor-threshold', '0');
    }
    redis.close();
    respite.close();
  });

  for (const resp of [2, 3] as const) {
    it(`LATENCY HISTOGRAM counts calls per command and subcommand [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      for (const c of [redis, respite]) {
        await c.call('CONFIG', 'RESETSTAT');
        for (let i = 0; i < 5; i++) await c.call('SET', 'k', String(i));
        await c.call('CONFIG', 'GET', 'hz');
      }
      const shape = (raw: string) => {
        const v = decode(raw);
        const pairs: [Decoded, Decoded][] = Array.isArray(v) ? v.flatMap((x, i) => (i % 2 === 0 ? [[x, v[i + 1]!] as [Decoded, Decoded]] : [])) : (v as { map: [Decoded, Decoded][] }).map;
        return pairs.map(([name, body]) => {
          const inner = Array.isArray(body) ? body : (body as { map: [Decoded, Decoded][] }).map.flat();
          const hist = inner[3];
          const points = Array.isArray(hist) ? hist : (hist as { map: [Decoded, Decoded][] }).map.flat();
          // Buckets depend on timing; the last cumulative count equals the calls.
          return `${String(name)} ${String(inner[0])}=${String(inner[1])} ${String(inner[2])} last=${String(points[points.length - 1])}`;
        }).sort();
      };
      for (const cmd of [['LATENCY', 'HISTOGRAM', 'set', 'config', 'nosuch', 'config|get'], ['LATENCY', 'HISTOGRAM', 'SET']]) {
        const [r, o] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
        assert.equal(o[0], r[0]);
        assert.deepEqual(shape(o), shape(r), cmd.join(' '));
      }
      for (const c of [redis, respite]) await c.call('CONFIG', 'SET', 'latency-tracking', 'no');
      for (const c of [redis, respite]) await c.call('SET', 'k', 'v');
      const [r, o] = await Promise.all([redis.call('LATENCY', 'HISTOGRAM', 'set'), respite.call('LATENCY', 'HISTOGRAM', 'set')]);
      assert.deepEqual(shape(o), shape(r), 'latency-tracking no stops recording');
      for (const c of [redis, respite]) await c.call('CONFIG', 'SET', 'latency-tracking', 'yes');
      redis.close();
      respite.close();
    });
  }
});

conformanceSuite('FUNCTION and FCALL with no libraries', [
  { name: 'FUNCTION LIST arguments', steps: [
    ['FUNCTION', 'LIST'], ['FUNCTION', 'LIST', 'WITHCODE'], ['FUNCTION', 'LIST', 'LIBRARYNAME'], ['FUNCTION', 'LIST', 'libraryname', 'x', 'withcode'],
    ['FUNCTION', 'LIST', 'foo'], ['FUNCTION', 'LIST', 'withcode', 'withcode'], ['FUNCTION', 'LIST', 'LIBRARYNAME', '*', 'LIBRARYNAME', 'x'],
    ['FUNCTION', 'LIST', 'libraryname', 'x', 'libraryname'],
  ] },
  { name: 'FUNCTION FLUSH, DELETE, KILL, HELP, DUMP and RESTORE of the empty dump', steps: [
    ['FUNCTION', 'FLUSH'], ['FUNCTION', 'FLUSH', 'async'], ['FUNCTION', 'FLUSH', 'SYNC'], ['FUNCTION', 'FLUSH', 'x'],
    ['FUNCTION', 'FLUSH', 'async', 'sync'], ['FUNCTION', 'DELETE', 'x'], ['FUNCTION', 'KILL'], ['FUNCTION', 'HELP'], ['FUNCTION', 'DUMP'],
    ['FUNCTION', 'RESTORE', '\x0a\x00\x5d\x9b\x5c\x40\x0f\x7f\xa2\xda'], ['FUNCTION', 'RESTORE', '\x0a\x00\x5d\x9b\x5c\x40\x0f\x7f\xa2\xda', 'flush'],
    ['FUNCTION', 'RESTORE', 'x'], ['FUNCTION', 'RESTORE', 'x', 'foo'], ['FUNCTION', 'RESTORE', 'x', 'replace'],
    ['FUNCTION', 'RESTORE', '\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00'], ['FUNCTION', 'RESTORE', 'x', 'append', 'y'],
    ['FUNCTION', 'NOSUCH'], ['FUNCTION'],
  ] },
  { name: 'FUNCTION LOAD metadata errors before the engine is needed', steps: [
    ['FUNCTION', 'LOAD', 'x'], ['FUNCTION', 'LOAD', 'REPLACE'], ['FUNCTION', 'LOAD', 'replace', 'x'], ['FUNCTION', 'LOAD', 'foo', 'x'],
    ['FUNCTION', 'LOAD', '#!lua name=x'], ['FUNCTION', 'LOAD', '#!lua\nreturn 1'], ['FUNCTION', 'LOAD', '#!\nreturn 1'],
    ['FUNCTION', 'LOAD', '#!lua name=a-b\nx'], ['FUNCTION', 'LOAD', '#!lua name=\nx'], ['FUNCTION', 'LOAD', '#!lua name=x name=y\nx'],
    ['FUNCTION', 'LOAD', '#!lua name=x description=y\nx'], ['FUNCTION', 'LOAD', "#!lua 'unbalanced\nx"], ['FUNCTION', 'LOAD', ' #!lua name=x\nx'],
    ['FUNCTION', 'LOAD', '#!lua "name=x y"\nx'], ['FUNCTION', 'LOAD', '#!js name=x\nx'], ['FUNCTION', 'LOAD', '#!js name=a-b\nx'],
    ['FUNCTION', 'LOAD', 'REPLACE', 'REPLACE', '#!js name=ab\nx'], ['FUNCTION', 'LOAD'],
  ] },
  { name: 'FCALL and FCALL_RO of unknown functions', steps: [
    ['FCALL', 'f', '0'], ['FCALL', 'f', 'x'], ['FCALL', 'f', '-1'], ['FCALL', 'f', '2', 'a'], ['FCALL_RO', 'f', '0'], ['FCALL', 'f'],
  ] },
  { name: 'FUNCTION STATS reply shape', steps: [{ cmd: ['FUNCTION', 'STATS'], relax: 'type' }, ['FUNCTION', 'STATS', 'x']] },
]);

describe('FUNCTION where respite has no engine', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  it("restoring a real Redis dump of a Lua library fails with Redis's unknown-engine error", async () => {
    const { redis, respite } = await sbs.connect(2);
    const code = "#!lua name=mylib\nredis.register_function('myfunc', function(keys, args) return 'hello hello hello hello' end)";
    assert.equal(await redis.call('FUNCTION', 'LOAD', code), '$5\r\nmylib\r\n');
    const dump = decode(await redis.call('FUNCTION', 'DUMP')) as string;
    await redis.call('FUNCTION', 'FLUSH');
    assert.equal(await respite.call('FUNCTION', 'RESTORE', Buffer.from(dump, 'latin1')), "-ERR Engine 'lua' not found\r\n");
    assert.equal(await respite.call('FUNCTION', 'LOAD', code), "-ERR Engine 'lua' not found\r\n");
    assert.equal(await respite.call('FUNCTION', 'STATS'), '*4\r\n$14\r\nrunning_script\r\n$-1\r\n$7\r\nengines\r\n*0\r\n');
    redis.close();
    respite.close();
  });
});
