// CLIENT KILL across connections, on a real redis-server and on respite:
// every scenario's transcript (replies, who got closed) must be the same.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from '../conformance/harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { Conn, fields, intOf, textOf, waitClientCount } from './client-conn.js';

type Scenario = (port: number) => Promise<unknown[]>;

describe('CLIENT KILL side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function both(scenario: Scenario): Promise<unknown[]> {
    const [expected, actual] = await Promise.all([scenario(sbs.redisPort), scenario(sbs.respitePort)]);
    assert.deepEqual(actual, expected);
    return actual;
  }

  /** A killer and two victims; the server has only these three clients. */
  async function three(port: number): Promise<[Conn, Conn, Conn]> {
    // Connections of the previous scenario may still be going away.
    const probe = await Conn.open(port);
    await waitClientCount(probe, 1);
    probe.close();
    const conns = await Promise.all([Conn.open(port), Conn.open(port), Conn.open(port)]);
    await waitClientCount(conns[0], 3);
    return conns as [Conn, Conn, Conn];
  }

  function closeAll(...conns: Conn[]): void {
    for (const c of conns) c.close();
  }

  it('KILL ID closes that client only', async () => {
    const t = await both(async (port) => {
      const [k, a, b] = await three(port);
      const id = intOf(await a.call('CLIENT', 'ID'));
      const r = await k.call('CLIENT', 'KILL', 'ID', String(id));
      const again = await k.call('CLIENT', 'KILL', 'ID', String(id));
      const out = [r, again, await a.waitClosed(), b.closed, await b.call('PING'), await k.call('PING')];
      closeAll(k, a, b);
      return out;
    });
    assert.deepEqual(t, [':1\r\n', ':0\r\n', true, false, '+PONG\r\n', '+PONG\r\n']);
  });

  it('KILL ADDR, the old form, and LADDR with SKIPME', async () => {
    await both(async (port) => {
      const [k, a, b] = await three(port);
      const addrA = fields(textOf(await a.call('CLIENT', 'INFO'))).get('addr')!;
      const out: unknown[] = [await k.call('CLIENT', 'KILL', 'ADDR', addrA), await a.waitClosed()];
      const addrB = fields(textOf(await b.call('CLIENT', 'INFO'))).get('addr')!;
      out.push(await k.call('CLIENT', 'KILL', addrB), await b.waitClosed(), await k.call('CLIENT', 'KILL', addrB));
      const [c, d] = await Promise.all([Conn.open(port), Conn.open(port)]);
      await waitClientCount(k, 3);
      const laddr = fields(textOf(await k.call('CLIENT', 'INFO'))).get('laddr')!;
      out.push(await k.call('CLIENT', 'KILL', 'LADDR', laddr, 'SKIPME', 'yes'), await c.waitClosed(), await d.waitClosed(), k.closed);
      out.push(await k.call('CLIENT', 'KILL', 'LADDR', '127.0.0.1:1'));
      closeAll(k, a, b, c, d);
      return out;
    });
  });

  it('KILL TYPE normal and USER default, with and without SKIPME', async () => {
    await both(async (port) => {
      const [k, a, b] = await three(port);
      const out: unknown[] = [await k.call('CLIENT', 'KILL', 'TYPE', 'normal'), await a.waitClosed(), await b.waitClosed(), k.closed];
      const c = await Conn.open(port);
      await waitClientCount(k, 2);
      out.push(await k.call('CLIENT', 'KILL', 'USER', 'default', 'TYPE', 'pubsub'), c.closed);
      out.push(await k.call('CLIENT', 'KILL', 'USER', 'default', 'SKIPME', 'no'), await c.waitClosed(), await k.waitClosed());
      closeAll(k, a, b, c);
      return out;
    });
  });

  it('a client may kill itself: the reply comes first, then the connection closes', async () => {
    const t = await both(async (port) => {
      const k = await Conn.open(port);
      const id = intOf(await k.call('CLIENT', 'ID'));
      const addr = fields(textOf(await k.call('CLIENT', 'INFO'))).get('addr')!;
      const out: unknown[] = [await k.call('CLIENT', 'KILL', 'ID', String(id)), k.closed];
      k.send(['CLIENT', 'KILL', 'ID', String(id), 'SKIPME', 'no'], ['PING']);
      out.push(...(await k.take(1)), await k.waitClosed(), k.replies);
      const k2 = await Conn.open(port);
      const addr2 = fields(textOf(await k2.call('CLIENT', 'INFO'))).get('addr')!;
      out.push(addr2 === addr);
      k2.send(['CLIENT', 'KILL', addr2], ['PING']);
      out.push(...(await k2.take(1)), await k2.waitClosed(), k2.replies);
      return out;
    });
    assert.deepEqual(t, [':0\r\n', false, ':1\r\n', true, [], false, '+OK\r\n', true, []]);
  });
});
