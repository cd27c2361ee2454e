// Seeded random sequences of hash commands, run side by side on redis-server
// and respite with raw replies compared (unordered replies as pairs/sorted).
// Small encoding limits make listpack→hashtable conversions frequent. The
// seed (RESPITE_SEED to replay) and the command index are printed on a mismatch.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareReplies, SideBySide, type Step } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;
const VALUES = ['0', '1', '-1', '10', '9223372036854775807', '-9223372036854775808', '1.5', 'abc', '', 'x'.repeat(20), ' 1', '1e3'];

function field(rnd: SeededRandom): string {
  return rnd.chance(0.05) ? 'f\x00\xff' : `f${rnd.int(0, 14)}`;
}

function value(rnd: SeededRandom): string {
  return rnd.chance(0.5) ? rnd.pick(VALUES) : String(rnd.int(-100, 100));
}

function randomStep(rnd: SeededRandom, keys: readonly string[]): Step {
  const key = rnd.pick(keys);
  switch (rnd.int(0, 17)) {
    case 0: case 1: case 2: {
      const cmd = [rnd.pick(['HSET', 'HMSET']), key];
      for (let n = rnd.int(1, 4); n > 0; n--) cmd.push(field(rnd), value(rnd));
      return { cmd };
    }
    case 3: return { cmd: ['HSETNX', key, field(rnd), value(rnd)] };
    case 4: return { cmd: ['HGET', key, field(rnd)] };
    case 5: return { cmd: ['HMGET', key, field(rnd), field(rnd), field(rnd)] };
    case 6: return { cmd: ['HDEL', key, field(rnd), field(rnd)] };
    case 7: return { cmd: ['HLEN', key] };
    case 8: return { cmd: ['HSTRLEN', key, field(rnd)] };
    case 9: return { cmd: ['HEXISTS', key, field(rnd)] };
    case 10: return { cmd: ['HKEYS', key], relax: 'sorted' };
    case 11: return { cmd: ['HVALS', key], relax: 'sorted' };
    case 12: return { cmd: ['HGETALL', key], relax: 'pairs' };
    case 13: return { cmd: ['HINCRBY', key, field(rnd), rnd.chance(0.2) ? rnd.pick(VALUES) : String(rnd.int(-50, 50))] };
    case 14: return { cmd: ['HINCRBYFLOAT', key, field(rnd), rnd.chance(0.2) ? rnd.pick(VALUES) : String(rnd.int(-50, 50) / 8)] };
    case 15: return { cmd: ['OBJECT', 'ENCODING', key] };
    case 16: return { cmd: ['HRANDFIELD', key, String(rnd.int(20, 40)), 'WITHVALUES'], relax: 'sorted' };
    default: return { cmd: ['SET', key, 'str'] };
  }
}

describe('hash commands, seeded random sequences', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  const base = testSeed();

  for (let i = 0; i < 3; i++) {
    const seed = base + i;
    const resp = i === 1 ? 3 : 2;
    it(`seed ${seed} [RESP${resp}]`, async () => {
      const rnd = new SeededRandom(seed);
      const keys = ['a', 'b', 'c'].map((k) => `h${seed}:${k}`);
      const { redis, respite } = await sbs.connect(resp);
      const deadline = Date.now() + TIME_LIMIT_MS;
      try {
        for (const c of [redis, respite]) {
          await c.call('CONFIG', 'SET', 'hash-max-listpack-entries', '8');
          await c.call('CONFIG', 'SET', 'hash-max-listpack-value', '16');
        }
        for (let n = 0; n < COMMANDS_PER_SEED && Date.now() < deadline; n++) {
          const step = randomStep(rnd, keys);
          const [expected, actual] = await Promise.all([redis.call(...step.cmd), respite.call(...step.cmd)]);
          try {
            compareReplies(step, expected, actual, resp);
          } catch (err) {
            assert.fail(`seed ${seed} (RESPITE_SEED=${base}), command #${n}: ${(err as Error).message}`);
          }
        }
      } finally {
        for (const c of [redis, respite]) {
          await c.call('CONFIG', 'SET', 'hash-max-listpack-entries', '512');
          await c.call('CONFIG', 'SET', 'hash-max-listpack-value', '64');
        }
        redis.close();
        respite.close();
      }
    });
  }
});
