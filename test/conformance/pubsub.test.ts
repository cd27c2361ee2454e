// Pub/sub side by side with redis-server, RESP2 and RESP3, over several
// connections: confirmation frames and counts, unsubscribe-all, message
// order and bytes, pattern + channel double delivery, the RESP2
// subscribed-mode error, PUBSUB introspection, shard channels, RESET.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareReplies, SideBySide, type Pair, type Relax } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { decodeReply } from '../helpers/resp-reader.js';

type Conn = 'a' | 'b' | 'c';
/**
 * 'names': unsubscribe-all frames, whose order is Redis's dict order (hash
 * order with a random seed): names compared as a multiset, the rest in order.
 */
type FlowRelax = Relax | 'names';
/** Send `cmd` on `on` and read `n` frames (default 1), or only read `read` frames; `close` drops the connection. */
type FlowStep =
  | { on: Conn; cmd: string[]; n?: number; relax?: FlowRelax }
  | { on: Conn; read: number }
  | { on: Conn; close: true }
  | { sleep: number };

interface Flow {
  name: string;
  steps: FlowStep[];
  resp?: 2 | 3;
}

const s = (on: Conn, ...cmd: string[]): FlowStep => ({ on, cmd });
const sn = (on: Conn, n: number, ...cmd: string[]): FlowStep => ({ on, cmd, n });
const read = (on: Conn, n: number): FlowStep => ({ on, read: n });
const unsubAll = (on: Conn, n: number, cmd: string): FlowStep => ({ on, cmd: [cmd], n, relax: 'names' });

/** Frames with their channel names taken out, and the names sorted. */
function splitNames(frames: string[]): [string[], string[]] {
  const names: string[] = [];
  const rest = frames.map((f) => {
    const v = decodeReply(Buffer.from(f, 'latin1'))[0];
    assert.ok(Array.isArray(v) && v.length === 3, `not a confirmation: ${JSON.stringify(f)}`);
    names.push(JSON.stringify(v[1]));
    return f[0] + JSON.stringify([v[0], v[2]]);
  });
  return [rest, names.sort()];
}

const FLOWS: Flow[] = [
  { name: 'subscription counts: channels + patterns, shard channels apart, duplicates', steps: [
    sn('a', 3, 'SUBSCRIBE', 'x', 'x', 'y'), sn('a', 2, 'PSUBSCRIBE', 'x*', 'x*'), sn('a', 2, 'SSUBSCRIBE', 's1', 's2'),
    sn('a', 2, 'SSUBSCRIBE', 's1', 'x'), s('a', 'UNSUBSCRIBE', 'nope'), sn('a', 2, 'UNSUBSCRIBE', 'x', 'x'),
    s('a', 'PUNSUBSCRIBE', 'x*'), s('a', 'UNSUBSCRIBE', 'y'), s('a', 'SUNSUBSCRIBE', 'x'),
    unsubAll('a', 2, 'SUNSUBSCRIBE'), s('a', 'SUNSUBSCRIBE'), s('a', 'PING'),
  ] },
  { name: 'unsubscribe-all and its nil confirmation', steps: [
    s('a', 'UNSUBSCRIBE'), s('a', 'PUNSUBSCRIBE'), s('a', 'SUNSUBSCRIBE'), sn('a', 2, 'SUBSCRIBE', 'one', 'two'),
    s('a', 'PSUBSCRIBE', 'p*'), unsubAll('a', 2, 'UNSUBSCRIBE'), s('a', 'UNSUBSCRIBE'), s('a', 'PUNSUBSCRIBE'),
    s('a', 'PUNSUBSCRIBE'), s('a', 'PING', 'after'),
  ] },
  { name: 'subscribed mode: only (P|S)(UN)SUBSCRIBE, PING, QUIT, RESET in RESP2', steps: [
    s('a', 'SUBSCRIBE', 'x'), s('a', 'GET', 'k'), s('a', 'GET'), s('a', 'SET', 'k', 'v'), { on: 'a', cmd: ['CLIENT', 'LIST'], relax: 'type' },
    s('a', 'CLIENT', 'NOSUCH'), s('a', 'PUBLISH', 'x', 'm'), s('a', 'PUBSUB', 'NUMSUB', 'x'), s('a', 'MULTI'),
    s('a', 'HELLO'), s('a', 'SELECT', '1'), s('a', 'nosuch'), s('a', 'PING'), s('a', 'PING', 'msg'),
    s('a', 'PING', 'a', 'b'), s('a', 'UNSUBSCRIBE'), s('a', 'GET', 'k'), s('a', 'SSUBSCRIBE', 'sh'), s('a', 'GET', 'k'),
    s('a', 'PING'), s('a', 'SUNSUBSCRIBE', 'sh'), s('a', 'PING'),
  ] },
  { name: 'messages across connections: order, bytes, pattern and channel delivered twice', steps: [
    s('a', 'SUBSCRIBE', 'news'), s('b', 'PSUBSCRIBE', 'n*'), sn('a', 2, 'PSUBSCRIBE', 'ne?s', 'zz*'),
    s('c', 'PUBLISH', 'news', 'first'), s('c', 'PUBLISH', 'news', 'bin\r\n\x00\xff'), s('c', 'PUBLISH', 'nope', 'x'),
    s('c', 'PUBLISH', 'n', ''), s('c', 'PUBLISH', 'zzz', 'last'),
    read('a', 5), read('b', 3), s('a', 'PING'), s('b', 'PING'),
  ] },
  { name: 'PUBLISH counts every delivery; patterns match with Redis glob', steps: [
    // One matching pattern per client and message: Redis walks patterns in hash order (random seed).
    s('a', 'PSUBSCRIBE', 'h[ae]llo'), s('b', 'PSUBSCRIBE', 'h\\*'),
    s('c', 'PUBLISH', 'hallo', '1'), s('c', 'PUBLISH', 'h*', '2'), s('c', 'PUBLISH', 'hillo', '3'), s('c', 'PUBLISH', '', '4'),
    s('b', 'PSUBSCRIBE', '*'), s('c', 'PUBLISH', 'hello', '5'), s('c', 'PUBLISH', '', '6'), s('c', 'PUBLISH', 'hillo', '7'),
    read('a', 2), read('b', 3), s('c', 'PUBSUB', 'NUMPAT'), s('a', 'PING'), s('b', 'PING'),
  ] },
  { name: 'PUBSUB CHANNELS, NUMSUB, NUMPAT, SHARDCHANNELS, SHARDNUMSUB, HELP and errors', steps: [
    s('c', 'PUBSUB', 'CHANNELS'), s('c', 'PUBSUB', 'NUMPAT'), s('c', 'PUBSUB', 'NUMSUB'),
    sn('a', 3, 'SUBSCRIBE', 'ch1', 'ch2', 'other'), sn('b', 2, 'SUBSCRIBE', 'ch1', 'x'), sn('a', 2, 'PSUBSCRIBE', 'p1', 'p2'),
    s('b', 'PSUBSCRIBE', 'p1'), sn('b', 2, 'SSUBSCRIBE', 'sh1', 'sh2'), s('a', 'SSUBSCRIBE', 'sh1'),
    { on: 'c', cmd: ['PUBSUB', 'CHANNELS'], relax: 'sorted' }, { on: 'c', cmd: ['PUBSUB', 'CHANNELS', 'ch*'], relax: 'sorted' },
    s('c', 'PUBSUB', 'CHANNELS', 'o*'), s('c', 'PUBSUB', 'CHANNELS', 'none*'),
    s('c', 'PUBSUB', 'NUMSUB', 'ch1', 'ch2', 'nope', 'p1', 'sh1', 'ch1'), s('c', 'PUBSUB', 'NUMPAT'),
    { on: 'c', cmd: ['PUBSUB', 'SHARDCHANNELS'], relax: 'sorted' }, s('c', 'PUBSUB', 'SHARDCHANNELS', '*2'),
    s('c', 'PUBSUB', 'SHARDNUMSUB', 'sh1', 'sh2', 'ch1'), s('c', 'PUBSUB', 'SHARDNUMSUB'),
    s('c', 'PUBSUB', 'CHANNELS', 'a', 'b'), s('c', 'pubsub', 'shardchannels', 'a', 'b'), s('c', 'PUBSUB', 'NUMPAT', 'x'),
    s('c', 'PUBSUB', 'FOO'), s('c', 'PUBSUB'), s('c', 'PUBSUB', 'HELP'), s('c', 'pubsub', 'help', 'x'),
    s('c', 'PUBLISH', 'x'), s('c', 'SPUBLISH', 'x', 'y', 'z'), s('c', 'SUBSCRIBE'), s('c', 'PSUBSCRIBE'), s('c', 'SSUBSCRIBE'),
  ] },
  { name: 'shard channels: SPUBLISH ignores patterns and plain channels', steps: [
    s('a', 'SSUBSCRIBE', 'orders'), s('b', 'PSUBSCRIBE', '*'), s('b', 'SUBSCRIBE', 'orders'),
    s('c', 'SPUBLISH', 'orders', 'o1'), s('c', 'SPUBLISH', 'none', 'o2'), s('c', 'PUBLISH', 'orders', 'p1'),
    read('a', 1), read('b', 2), s('a', 'PING'), s('b', 'PING'),
  ] },
  { name: 'RESET and disconnect drop subscriptions', steps: [
    sn('a', 2, 'SUBSCRIBE', 'r1', 'r2'), s('a', 'PSUBSCRIBE', 'r*'), s('a', 'SSUBSCRIBE', 'rs'),
    s('c', 'PUBSUB', 'NUMSUB', 'r1'), s('a', 'RESET'), s('a', 'GET', 'k'),
    s('c', 'PUBSUB', 'NUMSUB', 'r1', 'r2'), s('c', 'PUBSUB', 'NUMPAT'), s('c', 'PUBSUB', 'SHARDNUMSUB', 'rs'),
    s('c', 'PUBLISH', 'r1', 'gone'), s('b', 'SUBSCRIBE', 'r1'), { on: 'b', close: true }, { sleep: 50 },
    s('c', 'PUBSUB', 'NUMSUB', 'r1'), s('c', 'PUBLISH', 'r1', 'gone'),
  ] },
  { name: 'CLIENT REPLY OFF still gets confirmations and messages', steps: [
    { on: 'a', cmd: ['CLIENT', 'REPLY', 'OFF'], n: 0 }, s('a', 'SUBSCRIBE', 'q'), s('c', 'PUBLISH', 'q', 'hello'), read('a', 1),
    s('a', 'UNSUBSCRIBE'), { on: 'a', cmd: ['GET', 'k'], n: 0 }, { on: 'a', cmd: ['CLIENT', 'REPLY', 'ON'] }, s('a', 'PING'),
  ] },
  { name: 'SUBSCRIBE inside MULTI works, SSUBSCRIBE is refused', steps: [
    s('a', 'MULTI'), s('a', 'SUBSCRIBE', 'm1'), s('a', 'SSUBSCRIBE', 'm2'), s('a', 'PSUBSCRIBE', 'm*'), s('a', 'EXEC'),
    s('c', 'PUBLISH', 'm1', 'x'), read('a', 2), s('a', 'PING'),
  ] },
  { name: 'RESP3: pushes interleave with replies, publishing to oneself', resp: 3, steps: [
    s('a', 'SUBSCRIBE', 'me'), s('a', 'SET', 'k', 'v'), sn('a', 2, 'PUBLISH', 'me', 'hi'), s('a', 'GET', 'k'),
    s('a', 'PSUBSCRIBE', 'm*'), sn('a', 3, 'PUBLISH', 'me', 'twice'), s('c', 'PUBLISH', 'me', 'other'), read('a', 2),
    s('a', 'PING'), s('a', 'UNSUBSCRIBE'), s('a', 'PUNSUBSCRIBE'), s('a', 'PING'),
  ] },
];

async function runFlow(sbs: SideBySide, flow: Flow, resp: 2 | 3): Promise<void> {
  const conns: Record<Conn, Pair> = { a: await sbs.connect(resp), b: await sbs.connect(resp, false), c: await sbs.connect(resp, false) };
  try {
    for (const step of flow.steps) {
      if ('sleep' in step) {
        await new Promise((r) => setTimeout(r, step.sleep));
        continue;
      }
      const pair = conns[step.on];
      if ('close' in step) {
        pair.redis.close();
        pair.respite.close();
        continue;
      }
      const frameList = async (side: 'redis' | 'respite', n: number, cmd?: string[]): Promise<string[]> => {
        const c = pair[side];
        const parts: Promise<string>[] = [];
        if (cmd !== undefined) {
          if (n === 0) {
            c.write(Buffer.concat([Buffer.from(`*${cmd.length}\r\n`), ...cmd.map((a) => Buffer.from(`$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`, 'latin1'))]));
            return [];
          }
          parts.push(c.call(...cmd));
        }
        for (let i = parts.length; i < n; i++) parts.push(c.nextReply(3000));
        return Promise.all(parts);
      };
      const frames = async (side: 'redis' | 'respite', n: number, cmd?: string[]): Promise<string> =>
        (await frameList(side, n, cmd)).join('');
      if ('read' in step) {
        const [e, a] = await Promise.all([frames('redis', step.read), frames('respite', step.read)]);
        assert.equal(a, e, `RESP${resp} read on ${step.on}\n  redis:   ${JSON.stringify(e)}\n  respite: ${JSON.stringify(a)}`);
        continue;
      }
      const n = step.n ?? 1;
      if (step.relax === 'names') {
        const [e, a] = await Promise.all([frameList('redis', n, step.cmd), frameList('respite', n, step.cmd)]);
        assert.deepEqual(splitNames(a), splitNames(e), `RESP${resp} ${step.cmd.join(' ')}: ${JSON.stringify(e)} vs ${JSON.stringify(a)}`);
        continue;
      }
      const [e, a] = await Promise.all([frames('redis', n, step.cmd), frames('respite', n, step.cmd)]);
      if (step.relax !== undefined) compareReplies({ cmd: step.cmd, relax: step.relax }, e, a, resp);
      else assert.equal(a, e, `RESP${resp} ${step.on}: ${step.cmd.join(' ')}\n  redis:   ${JSON.stringify(e)}\n  respite: ${JSON.stringify(a)}`);
    }
  } finally {
    for (const p of Object.values(conns)) {
      p.redis.close();
      p.respite.close();
    }
  }
}

describe('pub/sub side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  for (const resp of [2, 3] as const) {
    for (const flow of FLOWS) {
      if (flow.resp !== undefined && flow.resp !== resp) continue;
      it(`${flow.name} [RESP${resp}]`, { timeout: 20000 }, () => runFlow(sbs, flow, resp));
    }
  }
});
