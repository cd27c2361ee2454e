// Crash safety with appendfsync always: a writer gets acknowledgements while
// the server is killed with SIGKILL at random moments; after each restart
// every acknowledged write is there, unacknowledged ones are there or not
// (never half), and nothing that was never sent appears, also when the kill
// lands during an AOF rewrite. Seeded and bounded
// (RESPITE_CRASH_ROUNDS rounds, default 50, or 60 s, whichever ends first).

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServerProcess, TempDirs, type ServerProcess } from '../helpers/server-process.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';

const temp = new TempDirs('respite-aof-crash-');
after(() => temp.removeAll());

const ROUNDS = Number(process.env.RESPITE_CRASH_ROUNDS ?? 50);
const TIME_BUDGET_MS = 60_000;
/** Commands in flight at once: the kill lands while some are unanswered. */
const WINDOW = 8;

function bulks(raw: string): string[] {
  const lines = raw.split('\r\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.startsWith('$') && lines[i] !== '$-1') out.push(lines[++i]!);
  return out;
}

describe('AOF crash safety (appendfsync always)', { timeout: 120_000 }, () => {
  it('keeps every acknowledged write across SIGKILLs at random moments', async () => {
    const seed = testSeed();
    const rnd = new SeededRandom(seed);
    const dir = temp.make();
    const args = ['--appendonly', 'yes', '--appendfsync', 'always', '--auto-aof-rewrite-percentage', '0'];
    const acked = new Map<string, string>();
    const sent = new Map<string, string>();
    let counterAcked = 0;
    let counterSent = 0;
    const started = Date.now();
    let rounds = 0;
    let rewrites = 0;
    try {
      for (; rounds < ROUNDS && Date.now() - started < TIME_BUDGET_MS; rounds++) {
        const p: ServerProcess = await startServerProcess('respite', dir, args);
        // Everything acknowledged so far is back, exactly; nothing unknown appeared.
        const keys = bulks(await p.client.call('KEYS', 'k:*'));
        for (const [k, v] of acked) assert.ok(keys.includes(k), `seed ${seed} round ${rounds}: acknowledged ${k} lost`);
        const values = keys.length === 0 ? [] : bulks(await p.client.call('MGET', ...keys));
        keys.forEach((k, i) => assert.equal(values[i], sent.get(k), `seed ${seed} round ${rounds}: ${k} never sent as ${values[i]}`));
        const counter = Number(bulks(await p.client.call('GET', 'counter'))[0] ?? 0);
        assert.ok(counter >= counterAcked && counter <= counterSent, `seed ${seed}: counter ${counter} not in [${counterAcked}, ${counterSent}]`);
        // What survived unacknowledged is now durable too: count it as acknowledged.
        for (const k of keys) acked.set(k, sent.get(k)!);
        counterAcked = counterSent = counter;
        // Write until a random moment, then kill with commands in flight; in
        // some rounds an AOF rewrite runs meanwhile (the kill may land in it).
        const killAt = Date.now() + rnd.int(5, 120);
        const rewriteAt = rnd.chance(0.5) ? Date.now() + rnd.int(0, 60) : Infinity;
        const inflight: Promise<void>[] = [];
        let i = 0;
        let killed = false;
        let rewriteSent = false;
        const writer = (async () => {
          while (!killed) {
            if (Date.now() >= rewriteAt && !rewriteSent) {
              rewriteSent = true;
              rewrites++;
              void p.client.call('BGREWRITEAOF').catch(() => undefined);
            }
            while (inflight.length < WINDOW && !killed) {
              const key = `k:${rounds}:${i}`;
              const value = `v${i}-${'x'.repeat(rnd.int(0, 200))}`;
              i++;
              sent.set(key, value);
              counterSent++;
              const pr = Promise.all([p.client.call('SET', key, value), p.client.call('INCR', 'counter')]).then(([r1, r2]) => {
                if (r1 === '+OK\r\n') acked.set(key, value);
                if (r2.startsWith(':')) counterAcked++;
              }, () => undefined);
              inflight.push(pr);
              void pr.finally(() => inflight.splice(inflight.indexOf(pr), 1));
            }
            await Promise.race(inflight);
          }
        })();
        await new Promise((r) => setTimeout(r, Math.max(0, killAt - Date.now())));
        killed = true;
        p.child.kill('SIGKILL');
        await p.stop();
        await writer.catch(() => undefined);
        await Promise.allSettled(inflight);
      }
    } catch (err) {
      process.stderr.write(`aof crash test failed with RESPITE_SEED=${seed}\n`);
      throw err;
    }
    assert.ok(rounds >= Math.min(ROUNDS, 10), `only ${rounds} rounds ran`);
    assert.ok(acked.size > rounds, `too few writes acknowledged (${acked.size})`);
    assert.ok(rewrites > 0, 'no round ran a rewrite');
  });
});
