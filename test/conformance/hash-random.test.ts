// Seeded random sequences of hash commands, run side by side on redis-server
// and respite with raw replies compared (unordered replies as pairs/sorted).
// Small encoding limits make listpack→hashtable conversions frequent. The
// seed (RESPITE_SEED to replay) and the command index are printed on a mismatch.

import { randomSequenceSuite, type Step } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

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

randomSequenceSuite({
  title: 'hash commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  setup: [['CONFIG', 'SET', 'hash-max-listpack-entries', '8'], ['CONFIG', 'SET', 'hash-max-listpack-value', '16']],
  teardown: [['CONFIG', 'SET', 'hash-max-listpack-entries', '512'], ['CONFIG', 'SET', 'hash-max-listpack-value', '64']],
  step: (rnd, seed) => randomStep(rnd, ['a', 'b', 'c'].map((k) => `h${seed}:${k}`)),
});
