// Side-by-side conformance: the same commands go to a real redis-server and
// to respite, in RESP2 and RESP3, and the raw reply bytes must be equal.
// Named relaxations cover legitimate differences (unordered replies, TTLs,
// server-specific values); error texts are always compared exactly.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawClient } from '../helpers/raw-client.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason, startRealRedis, startRespite, type RealRedis } from '../helpers/servers.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';
import type { RunningServer } from '../../src/index.js';

/**
 * - 'sorted': arrays compared as multisets (SMEMBERS, KEYS, HGETALL pairs stay raw)
 * - 'pairs': a flat or map reply of field/value pairs compared as a set of pairs
 * - 'type': only the reply type byte must match (INFO, TIME, server-specific values)
 * - { approx: n }: numbers (or arrays of numbers) within n of each other (TTLs)
 */
export type Relax = 'sorted' | 'pairs' | 'type' | { approx: number };

export interface Step {
  cmd: (string | Buffer)[];
  relax?: Relax;
}

export interface Case {
  name: string;
  steps: (string[] | Step)[];
  /** Run only under this protocol. */
  resp?: 2 | 3;
}

export interface SuiteOptions {
  /** Extra redis-server arguments and the same settings for respite. */
  config?: Record<string, string>;
}

export interface Pair {
  redis: RawClient;
  respite: RawClient;
}

export class SideBySide {
  private real: RealRedis | null = null;
  private ours: RunningServer | null = null;

  constructor(private readonly options: SuiteOptions = {}) {}

  async start(): Promise<void> {
    const args = Object.entries(this.options.config ?? {}).flatMap(([k, v]) => [`--${k}`, v]);
    this.real = await startRealRedis(args);
    this.ours = await startRespite({ config: this.options.config ?? {} });
  }

  async stop(): Promise<void> {
    await this.real?.stop();
    await this.ours?.close();
  }

  get respitePort(): number {
    return this.ours!.port;
  }

  get redisPort(): number {
    return this.real!.port;
  }

  /** A connection to each server, in the given protocol, after FLUSHALL. */
  async connect(resp: 2 | 3, flush = true): Promise<Pair> {
    const redis = await RawClient.connect(this.real!.port);
    const respite = await RawClient.connect(this.ours!.port);
    if (resp === 3) {
      await redis.call('HELLO', '3');
      await respite.call('HELLO', '3');
    }
    if (flush) {
      await redis.call('FLUSHALL');
      await respite.call('FLUSHALL');
    }
    return { redis, respite };
  }

  async runCase(c: Case, resp: 2 | 3): Promise<void> {
    const { redis, respite } = await this.connect(resp);
    try {
      for (const raw of c.steps) {
        const step: Step = Array.isArray(raw) ? { cmd: raw } : raw;
        const [expected, actual] = await Promise.all([redis.call(...step.cmd), respite.call(...step.cmd)]);
        compareReplies(step, expected, actual, resp);
      }
    } finally {
      redis.close();
      respite.close();
    }
  }
}

export function compareReplies(step: Step, expected: string, actual: string, resp: 2 | 3): void {
  const what = `RESP${resp} ${step.cmd.map((a) => JSON.stringify(a.toString())).join(' ')}`;
  const relax = step.relax;
  if (relax === undefined) {
    assert.equal(actual, expected, `${what}\n  redis:   ${JSON.stringify(expected)}\n  respite: ${JSON.stringify(actual)}`);
    return;
  }
  if (relax === 'type') {
    assert.equal(actual[0], expected[0], `${what}: reply types differ: ${JSON.stringify(expected)} vs ${JSON.stringify(actual)}`);
    return;
  }
  const e = decodeReply(Buffer.from(expected, 'latin1'))[0];
  const a = decodeReply(Buffer.from(actual, 'latin1'))[0];
  if (relax === 'sorted') {
    assert.equal(actual[0], expected[0], `${what}: reply types differ`);
    assert.deepEqual(normalizeSorted(a), normalizeSorted(e), `${what}\n  redis:   ${JSON.stringify(expected)}\n  respite: ${JSON.stringify(actual)}`);
    return;
  }
  if (relax === 'pairs') {
    assert.equal(actual[0], expected[0], `${what}: reply types differ`);
    assert.deepEqual(pairsOf(a), pairsOf(e), `${what}\n  redis:   ${JSON.stringify(expected)}\n  respite: ${JSON.stringify(actual)}`);
    return;
  }
  assertApprox(a, e, relax.approx, what);
}

function normalizeSorted(v: Decoded): Decoded {
  if (Array.isArray(v)) return [...v].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  return v;
}

function pairsOf(v: Decoded): string[] {
  const flat: Decoded[] = Array.isArray(v) ? v : v !== null && typeof v === 'object' && 'map' in v ? v.map.flat() : [v];
  const out: string[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push(JSON.stringify([flat[i], flat[i + 1]]));
  return out.sort();
}

function assertApprox(a: Decoded, e: Decoded, tolerance: number, what: string): void {
  if (Array.isArray(a) && Array.isArray(e)) {
    assert.equal(a.length, e.length, `${what}: lengths differ`);
    a.forEach((x, i) => assertApprox(x, e[i]!, tolerance, what));
    return;
  }
  if (typeof a === 'number' && typeof e === 'number') {
    assert.ok(Math.abs(a - e) <= tolerance, `${what}: ${a} not within ${tolerance} of ${e}`);
    return;
  }
  const numA = typeof a === 'string' ? Number(a) : NaN;
  const numE = typeof e === 'string' ? Number(e) : NaN;
  if (!Number.isNaN(numA) && !Number.isNaN(numE)) {
    assert.ok(Math.abs(numA - numE) <= tolerance, `${what}: ${a} not within ${tolerance} of ${e}`);
    return;
  }
  assert.deepEqual(a, e, what);
}

/** Declares a node:test suite running every case under RESP2 and RESP3. */
export function conformanceSuite(title: string, cases: readonly Case[], options: SuiteOptions = {}): void {
  describe(title, { skip: redisSkipReason() }, () => {
    const sbs = new SideBySide(options);
    before(() => sbs.start());
    after(() => sbs.stop());
    for (const resp of [2, 3] as const) {
      for (const c of cases) {
        if (c.resp !== undefined && c.resp !== resp) continue;
        it(`${c.name} [RESP${resp}]`, () => sbs.runCase(c, resp));
      }
    }
  });
}

export interface RandomSuite {
  title: string;
  /** Upper bounds per seed: commands, and wall-clock time. */
  commandsPerSeed: number;
  timeLimitMs: number;
  /** Seeds run: base, base+1, ... (default 3). */
  seeds?: number;
  /** 'alternate' (default): the second seed speaks RESP3, the others RESP2; 'both': every seed under each protocol. */
  protocols?: 'alternate' | 'both';
  /** Commands sent to both servers before the sequence and after it (e.g. CONFIG SET limits and their reset). */
  setup?: readonly string[][];
  teardown?: readonly string[][];
  /** The next command of the sequence; `seed` lets keys be namespaced so sequences never meet. */
  step(rnd: SeededRandom, seed: number): Step;
  /** Commands comparing the final state, after the sequence. */
  finalChecks?(seed: number): readonly Step[];
}

/**
 * Declares a seeded random side-by-side suite: for each seed, a bounded
 * sequence of generated commands goes to both servers and every reply is
 * compared. A failure names the seed (replay with RESPITE_SEED) and the
 * command number, with the last commands sent.
 */
export function randomSequenceSuite(suite: RandomSuite): void {
  describe(suite.title, { skip: redisSkipReason() }, () => {
    const sbs = new SideBySide();
    before(() => sbs.start());
    after(() => sbs.stop());
    const base = testSeed();
    const seeds = suite.seeds ?? 3;
    const runs: [number, 2 | 3][] = [];
    for (let i = 0; i < seeds; i++) {
      if (suite.protocols === 'both') runs.push([base + i, 2], [base + i, 3]);
      else runs.push([base + i, i === 1 ? 3 : 2]);
    }
    for (const [seed, resp] of runs) {
      it(`seed ${seed} [RESP${resp}]`, async () => {
        const rnd = new SeededRandom(seed);
        const { redis, respite } = await sbs.connect(resp);
        const history: string[] = [];
        const check = async (step: Step, n: number | 'final') => {
          history.push(step.cmd.map((a) => JSON.stringify(a.toString())).join(' ').slice(0, 200));
          const [expected, actual] = await Promise.all([redis.call(...step.cmd), respite.call(...step.cmd)]);
          try {
            compareReplies(step, expected, actual, resp);
          } catch (err) {
            assert.fail(`seed ${seed} (RESPITE_SEED=${base}), command #${n}: ${(err as Error).message}\n` +
              `  last commands:\n    ${history.slice(-8).join('\n    ')}`);
          }
        };
        try {
          for (const cmd of suite.setup ?? []) await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
          const deadline = Date.now() + suite.timeLimitMs;
          for (let n = 0; n < suite.commandsPerSeed && Date.now() < deadline; n++) await check(suite.step(rnd, seed), n);
          for (const step of suite.finalChecks?.(seed) ?? []) await check(step, 'final');
        } finally {
          for (const cmd of suite.teardown ?? []) await Promise.all([redis.call(...cmd), respite.call(...cmd)]).catch(() => {});
          redis.close();
          respite.close();
        }
      });
    }
  });
}
