// A dataset with every type and encoding, several databases and expiries,
// and a canonical text of a server's whole content, for comparing servers
// (or one server before and after a restart) through typed reads.

import assert from 'node:assert/strict';
import type { RawClient } from './raw-client.js';

const BINARY = Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 0x80, 65]);

/** Every type and encoding, several dbs, expiries. */
export async function populate(c: RawClient): Promise<void> {
  const future = Date.now() + 3_600_000;
  const big = (n: number, f: (i: number) => string[]): string[] => Array.from({ length: n }, (_, i) => f(i)).flat();
  const cmds: (string | Buffer)[][] = [
    ['SELECT', '0'],
    ['SET', 'str', 'hello'], ['SET', 'int', '123456'], ['SET', 'neg', '-7'], ['SET', 'bigint', '12345678901234'],
    ['SET', 'long', 'x'.repeat(500)], ['SET', 'bin', BINARY], ['SET', 'incompressible', 'abcdefghijklmnopqrstuvwxyz0123'],
    ['SET', 'ttl', 'v'], ['PEXPIREAT', 'ttl', String(future)],
    ['RPUSH', 'list-small', 'a', 'b', '1', '-2', 'c'.repeat(100)],
    ['RPUSH', 'list-big', ...big(300, (i) => [`item-${i}`])],
    ['HSET', 'hash-small', 'f1', 'v1', 'f2', '2'],
    ['HSET', 'hash-big', ...big(200, (i) => [`f${i}`, `value-${i}`])],
    ['SADD', 'set-int', '1', '2', '3', '-100', '70000'],
    ['SADD', 'set-small', 'a', 'b', 'c'],
    ['SADD', 'set-big', ...big(200, (i) => [`m${i}`])],
    ['ZADD', 'zset-small', '1', 'a', '2.5', 'b', '-3', 'c'],
    ['ZADD', 'zset-big', ...big(200, (i) => [String(i / 3), `z${i}`])],
    ['GEOADD', 'geo', '13.361389', '38.115556', 'Palermo', '15.087269', '37.502669', 'Catania'],
    ['PFADD', 'hll', 'a', 'b', 'c', 'd'],
    ['HSET', 'hash-ttl', 'a', 'b'], ['PEXPIREAT', 'hash-ttl', String(future + 1234)],
    ['SELECT', '2'], ['SET', 'db2key', 'two'], ['RPUSH', 'db2list', 'x'],
    ['SELECT', '15'], ['SET', 'db15', 'fifteen'], ['PEXPIREAT', 'db15', String(future + 99)],
  ];
  for (const cmd of cmds) {
    const r = await c.call(...cmd);
    assert.ok(!r.startsWith('-'), `${String(cmd[0])}: ${r}`);
  }
  await c.call('SELECT', '0');
}

/** Bulk strings of a flat RESP2 array of simple values (test data has no CRLF there). */
function items(raw: string): string[] {
  return raw.split('\r\n').filter((l, i, all) => l !== '' && !l.startsWith('*') && !(l.startsWith('$') && i + 1 < all.length));
}

/** A canonical text of every db's content: per key its type, value reads in a stable order, and PEXPIRETIME. */
export async function canonical(c: RawClient): Promise<string> {
  const out: string[] = [];
  for (let db = 0; db < 16; db++) {
    await c.call('SELECT', String(db));
    const keys = items(await c.call('KEYS', '*')).sort();
    for (const k of keys) {
      const type = (await c.call('TYPE', k)).trim();
      let value: string;
      if (type === '+string') value = await c.call('GET', k);
      else if (type === '+list') value = await c.call('LRANGE', k, '0', '-1');
      else if (type === '+set') value = await c.call('SORT', k, 'ALPHA');
      else if (type === '+zset') value = await c.call('ZRANGE', k, '0', '-1', 'WITHSCORES');
      else if (type === '+hash') {
        const fields = items(await c.call('HKEYS', k)).sort();
        value = fields.join(',') + (await c.call('HMGET', k, ...fields));
      } else value = '?';
      out.push(`${db} ${k} ${type} ${await c.call('PEXPIRETIME', k)} ${value}`);
    }
  }
  await c.call('SELECT', '0');
  return out.join('\n');
}
