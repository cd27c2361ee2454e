// WATCH races side by side with redis-server: several connections, keys
// touched by other clients (SET, EXEC, FLUSHALL, SWAPDB), by expiry (lazy,
// active, stale at WATCH time), CLIENT LIST's view of a transaction, and
// what MONITOR shows of MULTI/EXEC. RESP2 and RESP3.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from './harness.js';
import { RawClient } from '../helpers/raw-client.js';
import { redisSkipReason } from '../helpers/servers.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** [client index, ...argv], or a pause in ms. */
type FlowStep = [number, ...string[]] | number;

interface Flow {
  name: string;
  clients: number;
  steps: FlowStep[];
  /** Replaces parts of a reply that legitimately differ (ids, addresses). */
  normalize?: (reply: string) => string;
}

async function runFlow(port: number, flow: Flow, resp: 2 | 3): Promise<string[]> {
  const clients = await Promise.all(Array.from({ length: flow.clients }, () => RawClient.connect(port)));
  try {
    for (const c of clients) {
      if (resp === 3) await c.call('HELLO', '3');
    }
    await clients[0]!.call('FLUSHALL');
    await clients[0]!.call('DEBUG', 'SET-ACTIVE-EXPIRE', '1');
    const out: string[] = [];
    for (const step of flow.steps) {
      if (typeof step === 'number') {
        await sleep(step);
        continue;
      }
      const [i, ...argv] = step;
      const reply = await clients[i]!.call(...argv);
      out.push(`${i}> ${argv.join(' ')} → ${flow.normalize ? flow.normalize(reply) : reply}`);
    }
    return out;
  } finally {
    for (const c of clients) c.close();
  }
}

/** CLIENT LIST lines reduced to the transaction fields of the client named `tx`. */
function txFields(reply: string): string {
  const line = reply.split('\n').find((l) => l.includes('name=tx '));
  if (line === undefined) return 'no tx client';
  return ['flags', 'multi', 'multi-mem'].map((f) => new RegExp(`\\b${f}=(\\S*)`).exec(line)?.[0]).join(' ');
}

const flows: Flow[] = [
  { name: 'EXEC fails when another client SETs a WATCHed key', clients: 2, steps: [
    [0, 'SET', 'k', '1'], [0, 'WATCH', 'k'], [1, 'SET', 'k', '2'], [0, 'MULTI'], [0, 'GET', 'k'], [0, 'EXEC'], [0, 'GET', 'k'],
  ] },
  { name: 'EXEC fails when another client\'s EXEC writes a WATCHed key; both watchers fail', clients: 3, steps: [
    [0, 'WATCH', 'k'], [2, 'WATCH', 'k', 'other'], [1, 'MULTI'], [1, 'INCR', 'k'], [1, 'EXEC'],
    [0, 'MULTI'], [0, 'INCR', 'k'], [0, 'EXEC'], [2, 'MULTI'], [2, 'INCR', 'k'], [2, 'EXEC'], [1, 'GET', 'k'],
  ] },
  { name: 'a touch while the transaction is being queued makes EXEC fail, and nothing is kept', clients: 2, steps: [
    [0, 'WATCH', 'k'], [0, 'MULTI'], [0, 'SET', 'k', 'mine'], [1, 'SET', 'k', 'theirs'], [0, 'INCR', 'j'], [0, 'EXEC'],
    [0, 'MGET', 'k', 'j'],
  ] },
  { name: 'RESET forgets WATCHed keys and a touch already seen', clients: 2, steps: [
    [0, 'WATCH', 'k'], [1, 'SET', 'k', '1'], [0, 'RESET'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'WATCH', 'k'], [0, 'RESET'], [1, 'SET', 'k', '2'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
  ] },
  { name: 'a write to another key or another database does not touch the WATCH', clients: 2, steps: [
    [0, 'WATCH', 'k'], [1, 'SET', 'j', '1'], [1, 'SELECT', '3'], [1, 'SET', 'k', '1'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
  ] },
  { name: 'a read by another client does not touch the WATCH', clients: 2, steps: [
    [0, 'SET', 'k', 'v'], [0, 'WATCH', 'k'], [1, 'GET', 'k'], [1, 'EXISTS', 'k'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
  ] },
  { name: 'FLUSHALL and SWAPDB from another client touch WATCHed keys', clients: 2, steps: [
    [0, 'SET', 'k', '1'], [0, 'WATCH', 'k'], [1, 'FLUSHALL'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SET', 'k', '1'], [0, 'WATCH', 'k'], [1, 'SWAPDB', '0', '9'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'WATCH', 'k'], [1, 'SWAPDB', '9', '0'], [0, 'MULTI'], [0, 'GET', 'k'], [0, 'EXEC'],
  ] },
  { name: 'a WATCHed key that expires makes EXEC fail (lazily and actively)', clients: 2, steps: [
    // TTLs long enough that WATCH surely comes first, even on a loaded machine.
    [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '0'], [0, 'SET', 'k', 'v', 'PX', '150'], [0, 'WATCH', 'k'], 250,
    [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SET', 'k', 'v', 'PX', '150'], [0, 'WATCH', 'k'], 250, [1, 'GET', 'k'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '1'], [0, 'SET', 'k', 'v', 'PX', '150'], [0, 'WATCH', 'k'], 700,
    [1, 'DBSIZE'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
  ] },
  { name: 'WATCH of a key already expired does not fail EXEC, nor its deletion', clients: 2, steps: [
    [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '0'],
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [1, 'GET', 'x'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [1, 'DEL', 'x'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [1, 'FLUSHDB'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    // Recreated after its stale deletion: a real change.
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [1, 'GET', 'x'], [1, 'SET', 'x', 'bar'],
    [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    // Overwritten while still physically present: Redis 7.0 leaves the WATCH alone (the `break`).
    [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [1, 'SET', 'x', 'bar'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '1'],
  ] },
  { name: 'SWAPDB and stale keys follow Redis 7.0', clients: 1, steps: [
    [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '0'],
    // expired key replaced with no key
    [0, 'SELECT', '1'], [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'WATCH', 'x'], [0, 'SWAPDB', '0', '1'],
    [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'], [0, 'FLUSHALL'],
    // no key replaced with an expired key
    [0, 'SELECT', '0'], [0, 'SET', 'x', 'foo', 'PX', '1'], 20, [0, 'SELECT', '1'], [0, 'WATCH', 'x'], [0, 'SWAPDB', '0', '1'],
    [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'], [0, 'FLUSHALL'],
    // stale key replaced with another stale key
    [0, 'SELECT', '1'], [0, 'SET', 'x', 'foo', 'PX', '1'], [0, 'SELECT', '0'], [0, 'SET', 'x', 'bar', 'PX', '1'], 20,
    [0, 'SELECT', '1'], [0, 'WATCH', 'x'], [0, 'SWAPDB', '0', '1'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'], [0, 'FLUSHALL'],
    // stale key replaced with a live key
    [0, 'SELECT', '1'], [0, 'SET', 'x', 'foo', 'PX', '1'], [0, 'SELECT', '0'], [0, 'SET', 'x', 'bar'], 20,
    [0, 'SELECT', '1'], [0, 'WATCH', 'x'], [0, 'SWAPDB', '0', '1'], [0, 'MULTI'], [0, 'PING'], [0, 'EXEC'],
    [0, 'SELECT', '0'], [0, 'DEBUG', 'SET-ACTIVE-EXPIRE', '1'],
  ] },
  { name: 'CLIENT LIST shows the transaction: flag x, multi=, multi-mem=, flag d', clients: 2, normalize: txFields, steps: [
    [0, 'CLIENT', 'SETNAME', 'tx'], [1, 'CLIENT', 'LIST'], [0, 'MULTI'], [1, 'CLIENT', 'LIST'],
    [0, 'SET', 'x', 'y'], [0, 'MSET', 'aaa', 'bbbbbb', 'c', 'dd'], [1, 'CLIENT', 'LIST'], [0, 'DISCARD'], [1, 'CLIENT', 'LIST'],
    [0, 'WATCH', 'k'], [1, 'SET', 'k', '1'], [1, 'CLIENT', 'LIST'], [0, 'MULTI'], [0, 'SET', 'a', 'b'], [1, 'CLIENT', 'LIST'],
    [0, 'EXEC'], [1, 'CLIENT', 'LIST'], [0, 'WATCH', 'k'], [1, 'DEL', 'k'], [1, 'CLIENT', 'LIST'], [0, 'UNWATCH'],
    [1, 'CLIENT', 'LIST'], [0, 'MULTI'], [0, 'NOSUCH'], [0, 'SET', 'a', 'b'], [1, 'CLIENT', 'LIST'], [0, 'EXEC'],
  ] },
  // INFO lists commands in hash-table order: compared sorted.
  { name: 'commands stats count queued commands when EXEC runs them', clients: 1,
    normalize: (r) => r.split('\r\n').filter((l) => /^cmdstat_(set|incr|exec|multi|get|discard)|^errorstat/.test(l))
      .map((l) => l.replace(/usec=\d+,usec_per_call=[\d.]+,/, '')).sort().join(' '),
    steps: [
      [0, 'CONFIG', 'RESETSTAT'], [0, 'MULTI'], [0, 'SET', 'a', '1'], [0, 'INCR', 'a'], [0, 'GET'], [0, 'EXEC'],
      [0, 'MULTI'], [0, 'SET', 'a', 'x'], [0, 'INCR', 'a'], [0, 'EXEC'], [0, 'EXEC', 'x'], [0, 'DISCARD'],
      [0, 'INFO', 'commandstats'], [0, 'INFO', 'errorstats'],
    ] },
];

/** What a MONITOR client sees of a client's transactions: lines without time and address. */
async function monitorTransactions(port: number): Promise<string[]> {
  const [m, c] = await Promise.all([RawClient.connect(port), RawClient.connect(port)]);
  try {
    await m.call('MONITOR');
    const steps = [
      ['MULTI'], ['SET', 'a', '1'], ['SELECT', '2'], ['INCR', 'n'], ['GET', 'x'], ['EXEC'],
      ['MULTI'], ['SET', 'b', '1'], ['EXEC', 'extra'], ['MULTI'], ['NOSUCH'], ['EXEC'], ['MULTI'], ['PING'], ['DISCARD'],
      ['WATCH', 'a'], ['UNWATCH'], ['ECHO', 'end'],
    ];
    for (const s of steps) await c.call(...s);
    const lines: string[] = [];
    for (let i = 0; i < 100; i++) {
      const line = await m.nextReply(3000);
      lines.push(line.replace(/^\+\d+\.\d+ \[(\d+) [^\]]+\]/, '[$1]'));
      if (line.includes('"end"')) break;
    }
    return lines;
  } finally {
    m.close();
    c.close();
  }
}

describe('WATCH and MULTI across connections, side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide({ config: { 'enable-debug-command': 'yes' } });
  before(() => sbs.start());
  after(() => sbs.stop());
  it('MONITOR shows MULTI, the queued commands when EXEC runs them, then EXEC', async () => {
    const expected = await monitorTransactions(sbs.redisPort);
    const actual = await monitorTransactions(sbs.respitePort);
    assert.deepEqual(actual, expected);
  });
  for (const resp of [2, 3] as const) {
    for (const flow of flows) {
      it(`${flow.name} [RESP${resp}]`, async () => {
        const expected = await runFlow(sbs.redisPort, flow, resp);
        const actual = await runFlow(sbs.respitePort, flow, resp);
        assert.deepEqual(actual, expected);
      });
    }
  }
});
