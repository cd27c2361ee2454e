// MONITOR on a real redis-server and on respite: the lines another client's
// commands produce (format, quoting, redaction, db, which commands show),
// and the monitor's own state (second MONITOR, RESET, CLIENT LIST flags).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from '../conformance/harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { Conn, fields, sleep, textOf } from './client-conn.js';

/** `+<sec>.<usec> [<db> <ip:port>] "arg" ...` → the line with time and port replaced. */
function normalizeLine(line: string, addrs: Map<string, string>): string {
  const m = /^\+(\d{10})\.(\d{6}) \[(\d+) (127\.0\.0\.1:\d+)\] (.*)\r\n$/.exec(line);
  assert.ok(m, `monitor line format: ${JSON.stringify(line)}`);
  assert.ok(Math.abs(Number(m[1]) - Date.now() / 1000) < 60, 'timestamp is now');
  return `[${m[3]} ${addrs.get(m[4]!) ?? 'other'}] ${m[5]}`;
}

describe('MONITOR side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function scenario(port: number): Promise<unknown[]> {
    const [m, a] = await Promise.all([Conn.open(port), Conn.open(port)]);
    const addrOf = async (c: Conn) => fields(textOf(await c.call('CLIENT', 'INFO'))).get('addr')!;
    const addrs = new Map([[await addrOf(m), 'monitor'], [await addrOf(a), 'client']]);
    const out: unknown[] = [await m.call('MONITOR')];
    a.send(
      ['set', 'mon:k', 'a"b\\c\n\r\t\x07\x08\x01\xff '], ['AUTH', 'x'], ['AUTH', 'default', 'x'], ['AUTH', 'a', 'b', 'c'],
      ['HELLO', '2', 'AUTH', 'default', 'x', 'SETNAME', 'nm'], ['HELLO', '3', 'AUTH', 'a', 'b', 'SETNAME'], ['HELLO', '4', 'AUTH', 'a', 'b'],
      ['HELLO', '2'], ['CLIENT', 'SETNAME', 'zz'], ['CLIENT', 'LIST'], ['CLIENT', 'KILL', 'ID', '999999'], ['CLIENT', 'PAUSE', '0'],
      ['SELECT', '4'], ['NOSUCH'], ['GET'], ['CLIENT', 'NOSUCH'], ['GET', 'mon:k'], ['ECHO', ''],
    );
    a.write('ping "inline arg"\r\n');
    a.send(['SELECT', '0'], ['QUIT']);
    await a.waitClosed();
    await sleep(100);
    out.push(m.replies.map((l) => normalizeLine(l, addrs)));
    m.drain();
    // A second MONITOR is ignored without a reply; the monitor's own commands show after their reply.
    m.send(['MONITOR'], ['PING']);
    const [pong, own] = await m.take(2);
    out.push(pong, normalizeLine(own!, addrs));
    const info = fields(textOf((await m.take(0), await m.call('CLIENT', 'INFO'))));
    out.push(info.get('flags'), normalizeLine((await m.take(1))[0]!, addrs));
    out.push(await m.call('RESET'), await m.call('PING'));
    await sleep(50);
    out.push(m.replies);
    m.close();
    return out;
  }

  it('shows other clients\' commands as Redis formats them, AUTH/HELLO secrets redacted', async () => {
    const [expected, actual] = await Promise.all([scenario(sbs.redisPort), scenario(sbs.respitePort)]);
    assert.deepEqual(actual, expected);
    assert.equal((actual[1] as string[]).length, 15);
  });
});
