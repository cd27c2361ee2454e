// Blocking list commands with several clients, against redis-server 7.0 and
// respite in turn: FIFO service, timeouts (fractional, 0.016 s), disconnects,
// CLIENT UNBLOCK, BLMOVE chains, multi-element pushes, BLMPOP COUNT, MULTI.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SideBySide } from '../conformance/harness.js';
import { RawClient } from '../helpers/raw-client.js';
import { redisSkipReason } from '../helpers/servers.js';

type Scenario = (connect: () => Promise<RawClient>) => Promise<string[]>;

/** Runs `scenario` on both servers and compares the transcripts it returns. */
function sideBySide(sbs: SideBySide, scenario: Scenario): Promise<void> {
  return (async () => {
    const run = async (port: number): Promise<string[]> => {
      const clients: RawClient[] = [];
      const connect = async (): Promise<RawClient> => {
        const c = await RawClient.connect(port);
        clients.push(c);
        return c;
      };
      const first = await connect();
      await first.call('FLUSHALL');
      try {
        return await scenario(connect);
      } finally {
        for (const c of clients) c.close();
      }
    };
    const expected = await run(sbs.redisPort);
    const actual = await run(sbs.respitePort);
    assert.deepEqual(actual, expected);
  })();
}

/** Sends a command without waiting: the reply promise. */
function send(c: RawClient, ...argv: string[]): Promise<string> {
  return c.call(...argv);
}

describe('blocking list commands', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  it('serves several blocked clients in FIFO order, one push of several elements', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const waiters = [await connect(), await connect(), await connect()];
    const replies: Promise<string>[] = [];
    for (const w of waiters) {
      replies.push(send(w, 'BLPOP', 'q', '0'));
      await sleep(20);
    }
    const info = await p.call('INFO', 'clients');
    const blocked = /blocked_clients:(\d+)/.exec(info)![1]!;
    const pushed = await p.call('RPUSH', 'q', 'a', 'b');
    await sleep(30);
    const third = await p.call('LPUSH', 'q', 'c');
    return [blocked, pushed, third, ...(await Promise.all(replies)), await p.call('LLEN', 'q')];
  }));

  it('times out: fractional, 0.016 s, and blocked client stays blocked without data', () => sideBySide(sbs, async (connect) => {
    const a = await connect();
    const b = await connect();
    const t0 = Date.now();
    const r1 = await a.call('BLPOP', 'x', '0.016');
    const r2 = await b.call('BRPOPLPUSH', 'x', 'y', '0.05');
    const r3 = await a.call('BLMPOP', '0.02', '2', 'x', 'z', 'LEFT', 'COUNT', '3');
    const r4 = await b.call('BLMOVE', 'x', 'y', 'LEFT', 'RIGHT', '0.01');
    return [r1, r2, r3, r4, String(Date.now() - t0 >= 90)];
  }));

  it('BLMOVE chains serve the next client from the destination', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const b = await connect();
    const ra = send(a, 'BLMOVE', 'l1', 'l2', 'LEFT', 'RIGHT', '0');
    await sleep(20);
    const rb = send(b, 'BRPOP', 'l2', '0');
    await sleep(20);
    const pushed = await p.call('RPUSH', 'l1', 'v');
    return [pushed, await ra, await rb, await p.call('EXISTS', 'l1', 'l2')];
  }));

  it('BLMPOP COUNT and multiple keys, served from the key that became ready', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const b = await connect();
    const ra = send(a, 'BLMPOP', '0', '2', 'k1', 'k2', 'RIGHT', 'COUNT', '2');
    await sleep(20);
    const rb = send(b, 'BLPOP', 'k1', 'k2', '0');
    await sleep(20);
    await p.call('MULTI');
    await p.call('RPUSH', 'k2', 'a', 'b', 'c');
    await p.call('RPUSH', 'k1', 'x');
    const exec = await p.call('EXEC');
    return [exec, await ra, await rb, await p.call('LRANGE', 'k1', '0', '-1'), await p.call('LRANGE', 'k2', '0', '-1')];
  }));

  it('CLIENT UNBLOCK with TIMEOUT and ERROR, and the b flag', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const b = await connect();
    const ida = (await a.call('CLIENT', 'ID')).slice(1, -2);
    const idb = (await b.call('CLIENT', 'ID')).slice(1, -2);
    const ra = send(a, 'BLPOP', 'u', '0');
    const rb = send(b, 'BLMOVE', 'u', 'v', 'LEFT', 'LEFT', '0');
    await sleep(30);
    const list = await p.call('CLIENT', 'LIST', 'ID', ida);
    const flags = /flags=(\w+)/.exec(list)![1]!;
    const u1 = await p.call('CLIENT', 'UNBLOCK', ida);
    const u2 = await p.call('CLIENT', 'UNBLOCK', idb, 'ERROR');
    const u3 = await p.call('CLIENT', 'UNBLOCK', idb);
    const u4 = await p.call('CLIENT', 'UNBLOCK', idb, 'foo');
    const u5 = await p.call('CLIENT', 'UNBLOCK', 'x');
    // The unblocked clients process further commands.
    const after = [await a.call('PING'), await b.call('PING')];
    return [flags, u1, u2, u3, u4, u5, await ra, await rb, ...after];
  }));

  it('a disconnected blocked client is not served; the next one is', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const b = await connect();
    void send(a, 'BLPOP', 'd', '0').catch(() => '');
    await sleep(20);
    const rb = send(b, 'BLPOP', 'd', '0');
    await sleep(20);
    a.close();
    await sleep(30);
    const blocked = /blocked_clients:(\d+)/.exec(await p.call('INFO', 'clients'))![1]!;
    await p.call('RPUSH', 'd', 'only');
    return [blocked, await rb, await p.call('EXISTS', 'd')];
  }));

  it('a blocked client keeps its pipelined commands until served', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const r1 = send(a, 'BLPOP', 'pl', '0');
    const r2 = send(a, 'RPUSH', 'pl2', 'x');
    await sleep(30);
    const before = await p.call('EXISTS', 'pl2');
    await p.call('RPUSH', 'pl', 'v');
    return [before, await r1, await r2];
  }));

  it('wrong type on the key keeps the client blocked; RENAME makes a key ready', () => sideBySide(sbs, async (connect) => {
    const p = await connect();
    const a = await connect();
    const ra = send(a, 'BLPOP', 'w', '0');
    await sleep(20);
    await p.call('SET', 'w', 'str');
    await sleep(20);
    await p.call('DEL', 'w');
    await p.call('RPUSH', 'src', 'moved');
    await p.call('RENAME', 'src', 'w');
    return [await ra];
  }));
});
