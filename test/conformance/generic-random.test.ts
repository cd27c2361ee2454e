// Seeded random sequences of generic (keys) commands mixed with SET, run side
// by side on redis-server and respite with raw replies compared. TTLs are
// either far in the future or already past, so no key expires mid-sequence.
// The seed (RESPITE_SEED to replay) and the command index are printed on a mismatch.

import { randomSequenceSuite, type Relax } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;

interface Op {
  cmd: string[];
  relax?: Relax;
}

function randomTtlArgs(rnd: SeededRandom): string[] {
  switch (rnd.int(0, 5)) {
    case 0: return ['EXPIRE', String(rnd.int(100, 10000))];
    case 1: return ['PEXPIRE', String(rnd.int(100000, 10000000))];
    case 2: return ['EXPIREAT', String(rnd.pick([1, 4102444800, 4102444800 + rnd.int(0, 1000)]))];
    case 3: return ['PEXPIREAT', String(rnd.pick([1, 4102444800000 + rnd.int(0, 100000)]))];
    case 4: return ['EXPIRE', String(rnd.int(-5, 0))];
    default: return ['EXPIRE', rnd.pick(['x', '9223372036854775807', '1.5'])];
  }
}

function randomOp(rnd: SeededRandom, keys: readonly string[]): Op {
  const key = () => rnd.pick(keys);
  switch (rnd.int(0, 21)) {
    case 0:
    case 1:
    case 2: return { cmd: ['SET', key(), rnd.pick(['1', 'v', '', 'x'.repeat(50), String(rnd.int(-100, 100000))])] };
    case 3: return { cmd: ['DEL', key(), ...(rnd.chance(0.3) ? [key()] : [])] };
    case 4:
    case 5: {
      const [name, amount] = randomTtlArgs(rnd);
      const cmd = [name!, key(), amount!];
      if (rnd.chance(0.35)) cmd.push(rnd.pick(['NX', 'XX', 'GT', 'LT']));
      if (rnd.chance(0.05)) cmd.push(rnd.pick(['NX', 'GT', 'foo']));
      return { cmd };
    }
    case 6: return { cmd: ['PERSIST', key()] };
    case 7: return { cmd: [rnd.pick(['RENAME', 'RENAMENX']), key(), key()] };
    case 8: {
      const cmd = ['COPY', key(), key()];
      if (rnd.chance(0.4)) cmd.push('DB', String(rnd.int(0, 2)));
      if (rnd.chance(0.4)) cmd.push('REPLACE');
      return { cmd };
    }
    case 9: return { cmd: ['MOVE', key(), String(rnd.int(0, 2))] };
    case 10: return { cmd: ['EXISTS', key(), key()] };
    case 11: return { cmd: ['TYPE', key()] };
    case 12: return { cmd: ['TTL', key()], relax: { approx: 1 } };
    case 13: return { cmd: ['PTTL', key()], relax: { approx: 1500 } };
    // Relative TTLs make the absolute times depend on each server's clock reading.
    case 14: return rnd.chance(0.5) ? { cmd: ['EXPIRETIME', key()], relax: { approx: 1 } } : { cmd: ['PEXPIRETIME', key()], relax: { approx: 1500 } };
    case 15: return { cmd: ['SWAPDB', String(rnd.int(0, 2)), String(rnd.int(0, 2))] };
    case 16: return { cmd: ['DBSIZE'] };
    case 17: return { cmd: ['KEYS', rnd.pick(['*', '?', 'k*', '*[ab]*', 'x'])], relax: 'sorted' };
    case 18: return { cmd: ['SELECT', String(rnd.int(0, 2))] };
    case 19: return { cmd: ['GET', key()] };
    case 20: return { cmd: ['UNLINK', key()] };
    default: return { cmd: ['OBJECT', 'ENCODING', key()] };
  }
}

const KEYS = ['ka', 'kb', 'kc', 'x', 'bin\x00\xff'];

randomSequenceSuite({
  title: 'generic commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  step: (rnd) => {
    const op = randomOp(rnd, KEYS);
    return op.relax === undefined ? { cmd: op.cmd } : { cmd: op.cmd, relax: op.relax };
  },
  // Final state of every database used.
  finalChecks: () => ['0', '1', '2'].flatMap((db) => [
    { cmd: ['SELECT', db] }, { cmd: ['MGET', ...KEYS] }, { cmd: ['DBSIZE'] }, { cmd: ['KEYS', '*'], relax: 'sorted' as const },
  ]),
});
