// CLIENT PAUSE across connections, on a real redis-server and on respite:
// paused commands are delayed, not rejected, and run in order when the
// pause ends or CLIENT UNPAUSE comes. Timings are bounded and coarse.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from '../conformance/harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { Conn, fields, intOf, sleep, textOf } from './client-conn.js';

type Scenario = (port: number) => Promise<unknown[]>;

describe('CLIENT PAUSE side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function both(scenario: Scenario): Promise<unknown[]> {
    const [expected, actual] = await Promise.all([scenario(sbs.redisPort), scenario(sbs.respitePort)]);
    assert.deepEqual(actual, expected);
    return actual;
  }

  async function open(port: number, n: number): Promise<Conn[]> {
    return Promise.all(Array.from({ length: n }, () => Conn.open(port)));
  }

  it('WRITE delays another client\'s writes until the pause ends; reads and errors pass', async () => {
    const t = await both(async (port) => {
      const [k, b, d] = await open(port, 3) as [Conn, Conn, Conn];
      const bId = intOf(await b.call('CLIENT', 'ID'));
      const start = Date.now();
      const out: unknown[] = [await k.call('CLIENT', 'PAUSE', '400', 'WRITE')];
      b.send(['SET', 'pause:w', '1'], ['GET', 'pause:w']);
      d.send(['GET', 'pause:w'], ['GET'], ['PING']);
      out.push(await d.take(3));
      await sleep(100);
      out.push(b.replies, d.replies);
      const info = fields(textOf(await k.call('CLIENT', 'LIST', 'ID', String(bId))));
      out.push(['flags', 'cmd', 'argv-mem', 'qbuf'].map((f) => `${f}=${info.get(f)}`));
      out.push(await b.take(2));
      out.push(Date.now() - start >= 350);
      for (const c of [k, b, d]) c.close();
      return out;
    });
    assert.deepEqual(t.slice(0, 4), ['+OK\r\n', ['$-1\r\n', "-ERR wrong number of arguments for 'get' command\r\n", '+PONG\r\n'], [], []]);
    assert.deepEqual(t.slice(4), [['flags=b', 'cmd=set', 'argv-mem=11', 'qbuf=26'], ['+OK\r\n', '$1\r\n1\r\n'], true]);
  });

  it('CLIENT UNPAUSE releases the held commands at once', async () => {
    const t = await both(async (port) => {
      const [k, b] = await open(port, 2) as [Conn, Conn];
      const out: unknown[] = [await k.call('CLIENT', 'PAUSE', '20000', 'WRITE')];
      b.send(['INCR', 'pause:n'], ['INCR', 'pause:n']);
      await sleep(100);
      out.push(b.replies.length);
      const start = Date.now();
      out.push(await k.call('CLIENT', 'UNPAUSE'));
      out.push((await b.take(2)).length, Date.now() - start < 1000);
      out.push(await b.call('SET', 'pause:n', '0'));
      k.close();
      b.close();
      return out;
    });
    assert.deepEqual(t, ['+OK\r\n', 0, '+OK\r\n', 2, true, '+OK\r\n']);
  });

  it('ALL holds every command, CLIENT UNPAUSE and the pauser\'s own included; rejected commands answer at once', async () => {
    const t = await both(async (port) => {
      const [k, b, d] = await open(port, 3) as [Conn, Conn, Conn];
      const start = Date.now();
      const out: unknown[] = [await k.call('CLIENT', 'PAUSE', '400', 'ALL')];
      k.send(['PING']);
      b.send(['NOSUCH'], ['GET'], ['PING']);
      d.send(['CLIENT', 'UNPAUSE']);
      out.push(await b.take(2));
      await sleep(150);
      out.push(k.replies, b.replies, d.replies);
      out.push(await k.take(1), await b.take(1), await d.take(1), Date.now() - start >= 350);
      for (const c of [k, b, d]) c.close();
      return out;
    });
    assert.deepEqual(t, [
      '+OK\r\n', ["-ERR unknown command 'NOSUCH', with args beginning with: \r\n", "-ERR wrong number of arguments for 'get' command\r\n"],
      [], [], [], ['+PONG\r\n'], ['+PONG\r\n'], ['+OK\r\n'], true,
    ]);
  });

  it('a new pause can extend and strengthen the current one, never shorten it', async () => {
    const t = await both(async (port) => {
      const [k, b, d] = await open(port, 3) as [Conn, Conn, Conn];
      const start = Date.now();
      const out: unknown[] = [await k.call('CLIENT', 'PAUSE', '500', 'WRITE'), await k.call('CLIENT', 'PAUSE', '10', 'WRITE')];
      await sleep(60);
      b.send(['SET', 'pause:x', '1']);
      out.push(await d.call('GET', 'pause:x'));
      out.push(await k.call('CLIENT', 'PAUSE', '10', 'ALL'));
      d.send(['GET', 'pause:x']);
      await sleep(100);
      out.push(b.replies, d.replies);
      out.push(await b.take(1), await d.take(1), Date.now() - start >= 450);
      for (const c of [k, b, d]) c.close();
      return out;
    });
    assert.deepEqual(t, ['+OK\r\n', '+OK\r\n', '$-1\r\n', '+OK\r\n', [], [], ['+OK\r\n'], ['$1\r\n1\r\n'], true]);
  });

  it('a held client can be killed; its command never runs', async () => {
    const t = await both(async (port) => {
      const [k, b] = await open(port, 2) as [Conn, Conn];
      const bId = intOf(await b.call('CLIENT', 'ID'));
      const out: unknown[] = [await k.call('CLIENT', 'PAUSE', '20000', 'WRITE')];
      b.send(['SET', 'pause:killed', 'x']);
      await sleep(50);
      out.push(await k.call('CLIENT', 'KILL', 'ID', String(bId)), await b.waitClosed(), b.replies);
      out.push(await k.call('CLIENT', 'UNPAUSE'));
      await sleep(50);
      out.push(await k.call('GET', 'pause:killed'));
      k.close();
      return out;
    });
    assert.deepEqual(t, ['+OK\r\n', ':1\r\n', true, [], '+OK\r\n', '$-1\r\n']);
  });
});
