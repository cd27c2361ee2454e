// AUTH flows with requirepass on a real redis-server and on respite:
// pre-auth protocol limits, NOAUTH after lookup and arity checks, AUTH and
// HELLO AUTH, RESET logging the client out, and the command statistics
// (rejected_calls / failed_calls) and errorstats these leave behind.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from '../conformance/harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { Conn, sleep } from './client-conn.js';

const PASSWORD = 'sekret';
const normalizeId = (s: string) => s.replace(/\$2\r\nid\r\n:\d+\r\n/g, '$2\r\nid\r\n:<id>\r\n');

/** Sends raw bytes on a fresh connection; what came back and whether the server closed it. */
async function raw(port: number, bytes: string): Promise<[string, boolean]> {
  const c = await Conn.open(port);
  c.write(bytes);
  const closed = await c.waitClosed(300);
  const out = c.drain();
  c.close();
  return [out, closed];
}

describe('AUTH with requirepass side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide({ config: { requirepass: PASSWORD } });
  before(() => sbs.start());
  after(() => sbs.stop());

  async function both<T>(scenario: (port: number) => Promise<T>): Promise<T> {
    const [expected, actual] = await Promise.all([scenario(sbs.redisPort), scenario(sbs.respitePort)]);
    assert.deepEqual(actual, expected);
    return actual;
  }

  it('limits requests before AUTH as Redis does', async () => {
    const t = await both(async (port) => [
      await raw(port, '*11\r\n'),
      await raw(port, '*10\r\n' + '$4\r\nPING\r\n'.repeat(10)),
      await raw(port, '*2\r\n$4\r\nECHO\r\n$16385\r\n'),
      await raw(port, '*2\r\n$4\r\nECHO\r\n$16384\r\n' + 'x'.repeat(16384) + '\r\n'),
      // Inline commands have no argument limit before AUTH.
      await raw(port, 'ping a b c d e f g h i j k\r\n'),
      await raw(port, '*1\r\n$3\r\nGET\r\n*11\r\n'),
    ]);
    assert.deepEqual(t.map(([, closed]) => closed), [true, false, true, false, false, true]);
    assert.equal(t[0]![0], '-ERR Protocol error: unauthenticated multibulk length\r\n');
    assert.equal(t[2]![0], '-ERR Protocol error: unauthenticated bulk length\r\n');
  });

  it('checks the command and its arity before authentication', async () => {
    await both(async (port) => {
      const c = await Conn.open(port);
      const out = [];
      for (const argv of [['GET', 'k'], ['NOSUCH', 'x'], ['GET'], ['CLIENT', 'ID'], ['CLIENT', 'NOSUCH'], ['CLIENT'], ['SELECT', '1'],
        ['PING'], ['QUIT', 'x']]) out.push(await c.call(...argv));
      out.push(await c.waitClosed());
      return out;
    });
  });

  it('AUTH, HELLO AUTH and RESET', async () => {
    const t = await both(async (port) => {
      const c = await Conn.open(port);
      const out: string[] = [];
      for (const argv of [
        ['AUTH', 'nope'], ['AUTH', 'default', 'nope'], ['AUTH', 'x', PASSWORD], ['AUTH', 'a', 'b', 'c'], ['PING'],
        ['HELLO'], ['HELLO', '3'], ['HELLO', '4', 'AUTH', 'default', PASSWORD], ['HELLO', '3', 'AUTH', 'default', 'bad'],
        ['HELLO', '3', 'AUTH', 'default', PASSWORD, 'SETNAME', 'bad name'], ['PING'], ['CLIENT', 'GETNAME'],
        ['RESET'], ['PING'], ['HELLO', '3', 'AUTH', 'default', PASSWORD, 'SETNAME', 'ok'], ['CLIENT', 'GETNAME'],
        ['RESET'], ['AUTH', PASSWORD], ['PING', 'in'], ['AUTH', 'default', PASSWORD], ['AUTH', 'nope'], ['PING', 'still'],
        ['ping', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], ['ECHO', 'y'.repeat(20000)],
      ]) out.push(normalizeId(await c.call(...argv)));
      c.close();
      return out;
    });
    assert.equal(t[0], '-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    assert.equal(t.filter((r) => r.startsWith('-NOAUTH')).length, 4);
  });

  it('leaves the same command statistics and errorstats', async () => {
    const stats = await both(async (port) => {
      const c = await Conn.open(port);
      await c.call('AUTH', PASSWORD);
      await c.call('CONFIG', 'RESETSTAT');
      const d = await Conn.open(port);
      for (const argv of [['GET', 'k'], ['AUTH', 'bad'], ['HELLO', '3'], ['HELLO', '3', 'AUTH', 'default', 'bad'],
        ['AUTH', 'a', 'b', 'c'], ['GET'], ['CLIENT', 'ID'], ['AUTH', PASSWORD], ['PING'], ['SELECT', '99']]) await d.call(...argv);
      d.close();
      await sleep(20);
      const info = await c.call('INFO', 'commandstats');
      const errors = await c.call('INFO', 'errorstats');
      c.close();
      const picked = info.split('\r\n').filter((l) => /^cmdstat_(auth|hello|get|ping|select|client\|id):/.test(l))
        .map((l) => l.replace(/usec=\d+,usec_per_call=[\d.]+,/, '')).sort();
      return [picked, errors.split('\r\n').filter((l) => l.startsWith('errorstat_')).sort()];
    });
    assert.ok(stats[0].includes('cmdstat_auth:calls=3,rejected_calls=0,failed_calls=2'), String(stats[0]));
  });
});
