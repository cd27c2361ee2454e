// Seeded random sequences of set commands, run side by side on redis-server
// and respite with raw replies compared (hashtable replies sorted). A small
// set-max-intset-entries makes intset→hashtable conversions frequent. The
// seed (RESPITE_SEED to replay) and the command index are printed on a mismatch.

import { randomSequenceSuite, type Step } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;

function member(rnd: SeededRandom): string {
  if (rnd.chance(0.7)) return String(rnd.int(-10, 20));
  return rnd.pick(['a', 'b', 'c', '', '01', '-0', '9223372036854775807', '9223372036854775808', 'x\x00']);
}

function randomStep(rnd: SeededRandom, keys: readonly string[]): Step {
  const key = () => rnd.pick(keys);
  const S = 'sorted' as const;
  switch (rnd.int(0, 19)) {
    case 0: case 1: case 2: {
      const cmd = ['SADD', key()];
      for (let n = rnd.int(1, 5); n > 0; n--) cmd.push(member(rnd));
      return { cmd };
    }
    case 3: return { cmd: ['SREM', key(), member(rnd), member(rnd)] };
    case 4: return { cmd: ['SCARD', key()] };
    case 5: return { cmd: ['SISMEMBER', key(), member(rnd)] };
    case 6: return { cmd: ['SMISMEMBER', key(), member(rnd), member(rnd)] };
    case 7: return { cmd: ['SMEMBERS', key()], relax: S };
    case 8: return { cmd: ['SMOVE', key(), key(), member(rnd)] };
    case 9: return { cmd: ['SINTER', key(), key()], relax: S };
    case 10: return { cmd: ['SINTERCARD', '2', key(), key()] };
    case 11: return { cmd: ['SINTERSTORE', key(), key(), key()] };
    case 12: return { cmd: ['SUNION', key(), key()], relax: S };
    case 13: return { cmd: ['SUNIONSTORE', key(), key(), key()] };
    case 14: return { cmd: ['SDIFF', key(), key(), key()], relax: S };
    case 15: return { cmd: ['SDIFFSTORE', key(), key(), key()] };
    case 16: return { cmd: ['OBJECT', 'ENCODING', key()] };
    case 17: return { cmd: ['SRANDMEMBER', key(), '100'], relax: S };
    case 18: return { cmd: ['SPOP', key(), '100'], relax: S };
    default: return { cmd: ['SET', key(), 'str'] };
  }
}

randomSequenceSuite({
  title: 'set commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  setup: [['CONFIG', 'SET', 'set-max-intset-entries', '12']],
  teardown: [['CONFIG', 'SET', 'set-max-intset-entries', '512']],
  step: (rnd, seed) => randomStep(rnd, ['a', 'b', 'c', 'd'].map((k) => `s${seed}:${k}`)),
});
