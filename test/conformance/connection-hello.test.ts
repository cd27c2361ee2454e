// HELLO replies and CLIENT LIST / CLIENT INFO lines side by side with
// redis-server. HELLO differs only in the client id; CLIENT LIST fields
// are compared by name and order, with connection-specific values (id,
// ports, fd, ages, buffer sizes) checked for shape instead of value.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawClient } from '../helpers/raw-client.js';
import { redisSkipReason } from '../helpers/servers.js';
import { SideBySide } from './harness.js';

/** HELLO's `id` value is the only per-server difference. */
export function normalizeHelloId(reply: string): string {
  return reply.replace(/\$2\r\nid\r\n:\d+\r\n/, '$2\r\nid\r\n:<id>\r\n');
}

const FIELDS = [
  'id', 'addr', 'laddr', 'fd', 'name', 'age', 'idle', 'flags', 'db', 'sub', 'psub', 'ssub', 'multi', 'qbuf',
  'qbuf-free', 'argv-mem', 'multi-mem', 'rbs', 'rbp', 'obl', 'oll', 'omem', 'tot-mem', 'events', 'cmd', 'user',
  'redir', 'resp',
];
/** Values that depend on the connection or the allocator: checked for shape only. */
const SHAPE_ONLY: Record<string, RegExp> = {
  id: /^\d+$/, addr: /^127\.0\.0\.1:\d+$/, laddr: /^127\.0\.0\.1:\d+$/, fd: /^\d+$/, age: /^\d+$/, idle: /^\d+$/,
  rbs: /^\d+$/, rbp: /^\d+$/, 'tot-mem': /^\d+$/,
};

/** A CLIENT LIST/INFO reply → its type byte and lines with shape-only values replaced by their field name. */
export function normalizeClientList(reply: string): { type: string; lines: string[] } {
  const type = reply[0]!;
  const headerEnd = reply.indexOf('\r\n');
  let body = reply.slice(headerEnd + 2, reply.length - 2);
  assert.equal(Number(reply.slice(1, headerEnd)), body.length, 'length prefix');
  if (type === '=') {
    assert.ok(body.startsWith('txt:'), 'verbatim format txt');
    body = body.slice(4);
  }
  if (body === '') return { type, lines: [] };
  assert.ok(body.endsWith('\n'), 'every line ends with a newline');
  const lines = body.slice(0, -1).split('\n').map((line) => {
    const pairs = line.split(' ').map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq), p.slice(eq + 1)] as const;
    });
    assert.deepEqual(pairs.map(([k]) => k), FIELDS, `fields and their order: ${line}`);
    return pairs.map(([k, v]) => {
      const shape = SHAPE_ONLY[k];
      if (shape === undefined) return `${k}=${v}`;
      assert.match(v, shape, `${k}=${v}`);
      return `${k}=<${k}>`;
    }).join(' ');
  });
  return { type, lines };
}

describe('HELLO and CLIENT LIST side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function same(pair: { redis: RawClient; respite: RawClient }, argv: string[], normalize: (s: string) => unknown): Promise<void> {
    const [e, a] = await Promise.all([pair.redis.call(...argv), pair.respite.call(...argv)]);
    assert.deepEqual(normalize(a), normalize(e), `${argv.join(' ')}\n  redis:   ${JSON.stringify(e)}\n  respite: ${JSON.stringify(a)}`);
  }

  for (const resp of [2, 3] as const) {
    it(`HELLO replies as Redis 7.0 does, switching protocols [RESP${resp}]`, async () => {
      const pair = await sbs.connect(resp);
      try {
        for (const argv of [
          ['HELLO'], ['HELLO', '2'], ['HELLO', '3'], ['PING'], ['hello', '2', 'SETNAME', 'nm'], ['CLIENT', 'GETNAME'],
          ['HELLO', '3', 'AUTH', 'default', 'anything'], ['HELLO', '2', 'AUTH', 'default', 'x', 'SETNAME', 'n2', 'SETNAME', 'n3'],
          ['CLIENT', 'GETNAME'], ['HELLO', '3', 'SETNAME', ''], ['CLIENT', 'GETNAME'], ['HELLO', '4'], ['HELLO'],
        ]) await same(pair, argv, normalizeHelloId);
      } finally {
        pair.redis.close();
        pair.respite.close();
      }
    });

    it(`CLIENT INFO and CLIENT LIST lines have Redis 7.0's fields [RESP${resp}]`, async () => {
      const pair = await sbs.connect(resp);
      const others = await Promise.all([RawClient.connect(sbs.redisPort), RawClient.connect(sbs.respitePort)]);
      try {
        await same(pair, ['CLIENT', 'INFO'], normalizeClientList);
        await same(pair, ['CLIENT', 'SETNAME', 'alpha'], (s) => s);
        await same(pair, ['SELECT', '5'], (s) => s);
        await same(pair, ['CLIENT', 'NO-EVICT', 'on'], (s) => s);
        await same(pair, ['CLIENT', 'INFO'], normalizeClientList);
        // Another connection: name, db, last command, protocol.
        await Promise.all(others.map(async (o) => {
          await o.call('HELLO', '3');
          await o.call('CLIENT', 'SETNAME', 'beta');
          await o.call('GET', 'nokey');
        }));
        const ids = await Promise.all(others.map((o) => o.call('CLIENT', 'ID')));
        const idOf = (s: string) => s.slice(1, -2);
        const [e, a] = await Promise.all([
          pair.redis.call('CLIENT', 'LIST', 'ID', idOf(ids[0]!)),
          pair.respite.call('CLIENT', 'LIST', 'ID', idOf(ids[1]!)),
        ]);
        assert.deepEqual(normalizeClientList(a), normalizeClientList(e));
        assert.match(normalizeClientList(a).lines[0]!, / name=beta .* cmd=client\|id user=default redir=-1 resp=3$/);
        // An unknown command leaves cmd=NULL, as in Redis.
        await Promise.all(others.map((o) => o.call('NOSUCH')));
        const [e2, a2] = await Promise.all([
          pair.redis.call('CLIENT', 'LIST', 'ID', idOf(ids[0]!), idOf(ids[0]!)),
          pair.respite.call('CLIENT', 'LIST', 'ID', idOf(ids[1]!), idOf(ids[1]!)),
        ]);
        assert.deepEqual(normalizeClientList(a2), normalizeClientList(e2));
        assert.match(normalizeClientList(a2).lines[1]!, / cmd=NULL /);
        // The whole list: this connection and the other one, in connection order.
        await same(pair, ['CLIENT', 'LIST', 'TYPE', 'normal'], normalizeClientList);
        await same(pair, ['CLIENT', 'LIST'], normalizeClientList);
      } finally {
        for (const c of [pair.redis, pair.respite, ...others]) c.close();
      }
    });
  }

  it('CLIENT LIST counts the query buffer of a pipelined batch as Redis does', async () => {
    const pair = await sbs.connect(2);
    try {
      const batch = '*1\r\n$4\r\nPING\r\n*2\r\n$6\r\nCLIENT\r\n$4\r\nINFO\r\n*1\r\n$4\r\nPING\r\n';
      const read = async (c: RawClient) => {
        const replies = [c.nextReply(), c.nextReply(), c.nextReply()];
        c.write(batch);
        return (await Promise.all(replies))[1]!;
      };
      const [e, a] = await Promise.all([read(pair.redis), read(pair.respite)]);
      assert.deepEqual(normalizeClientList(a), normalizeClientList(e));
      assert.match(a, / qbuf=54 qbuf-free=20420 argv-mem=10 .* obl=7 /);
    } finally {
      pair.redis.close();
      pair.respite.close();
    }
  });
});
