// Seeded random sequences of string commands, run side by side on
// redis-server and respite with raw replies compared. The seed
// (RESPITE_SEED to replay) and the command index are printed on a mismatch.

import { randomSequenceSuite } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;

const EDGE_VALUES = [
  '0', '1', '-1', '10', '9223372036854775807', '-9223372036854775808', '9223372036854775806',
  '-9223372036854775807', '9223372036854775808', '9007199254740993', '999999999999999', '-0', '+1', '01',
  '1e308', '-1e308', '1e4932', '1e-4940', 'inf', '-inf', 'nan', ' 1', '1 ', '0x10', '0x1p-2', '', '\x00\xff',
  '3.14', '-2.5', '0.1', '.5', '5.', 'abc', '1.18973149535723176502e+4932',
];

function randomValue(rnd: SeededRandom): string {
  switch (rnd.int(0, 5)) {
    case 0:
    case 1: return rnd.pick(EDGE_VALUES);
    case 2: return String(rnd.int(-1000, 1000));
    case 3: return (rnd.next() * 10 ** rnd.int(-5, 20) * (rnd.chance(0.5) ? -1 : 1)).toPrecision(rnd.int(1, 20));
    case 4: {
      let s = '';
      for (let n = rnd.int(0, 12); n > 0; n--) s += String.fromCharCode(rnd.int(0, 255));
      return s;
    }
    default: {
      let s = '';
      for (let n = rnd.int(1, 30); n > 0; n--) s += rnd.pick(['a', 'b', 'c', 'd']);
      return s;
    }
  }
}

function randomIndex(rnd: SeededRandom): string {
  return rnd.chance(0.1) ? rnd.pick(['9223372036854775807', '-9223372036854775808', 'x', '1.5']) : String(rnd.int(-25, 25));
}

function randomIncrement(rnd: SeededRandom): string {
  return rnd.chance(0.2) ? rnd.pick(EDGE_VALUES) : String(rnd.int(-100000, 100000));
}

function randomCommand(rnd: SeededRandom, keys: readonly string[]): string[] {
  const key = () => rnd.pick(keys);
  // INCRBYFLOAT's results are embstr even when integer-like (respite cannot tell them from
  // SET's int-encoded values), so they go to one key that OBJECT ENCODING, MEMORY USAGE
  // and COPY sources never look at.
  const floatKey = keys[keys.length - 1]!;
  const plainKey = () => rnd.pick(keys.slice(0, -1));
  switch (rnd.int(0, 29)) {
    case 0: return ['GET', key()];
    case 1: {
      const cmd = ['SET', key(), randomValue(rnd)];
      if (rnd.chance(0.3)) cmd.push(rnd.pick(['NX', 'XX']));
      if (rnd.chance(0.3)) cmd.push('GET');
      if (rnd.chance(0.2)) cmd.push(...rnd.pick([['EX', '10000'], ['PX', '10000000'], ['KEEPTTL'], ['EX', '0'], ['PXAT', '1']]));
      return cmd;
    }
    case 2: return ['SETNX', key(), randomValue(rnd)];
    case 3: return ['GETSET', key(), randomValue(rnd)];
    case 4: return ['GETDEL', key()];
    case 5: return ['GETEX', key(), ...rnd.pick([[], ['PERSIST'], ['EX', '10000'], ['PXAT', '1'], ['EX', '-1']])];
    case 6: return ['MGET', key(), key(), key()];
    case 7: return ['MSET', key(), randomValue(rnd), key(), randomValue(rnd)];
    case 8: return ['MSETNX', key(), randomValue(rnd), key(), randomValue(rnd)];
    case 9: return ['APPEND', key(), randomValue(rnd)];
    case 10: return ['STRLEN', key()];
    case 11: return ['SETRANGE', key(), rnd.chance(0.1) ? '-1' : String(rnd.int(0, 20)), randomValue(rnd)];
    case 12: return [rnd.pick(['GETRANGE', 'SUBSTR']), key(), randomIndex(rnd), randomIndex(rnd)];
    case 13: return ['INCR', key()];
    case 14: return ['DECR', key()];
    case 15: return ['INCRBY', key(), randomIncrement(rnd)];
    case 16: return ['DECRBY', key(), randomIncrement(rnd)];
    case 17:
    case 18: return ['INCRBYFLOAT', floatKey, rnd.chance(0.5) ? randomValue(rnd) : randomIncrement(rnd)];
    case 19: return ['LCS', key(), key(), ...rnd.pick([[], ['LEN'], ['IDX'], ['IDX', 'WITHMATCHLEN'], ['IDX', 'MINMATCHLEN', '2']])];
    case 20: return ['SET', key(), rnd.pick(EDGE_VALUES)];
    case 21: return ['SET', key(), String(rnd.int(-5, 5))];
    case 22: return ['INCRBYFLOAT', floatKey, rnd.pick(['0.1', '-0.1', '1e308', '1.1', '2.2', '1e-17', '0.000000000000000015'])];
    // Strings edited in place (raw) mixed with the JS-string forms above.
    case 23: return ['SETBIT', key(), String(rnd.int(0, 120)), rnd.pick(['0', '1'])];
    case 24: return ['OBJECT', 'ENCODING', plainKey()];
    case 25: return ['MEMORY', 'USAGE', plainKey()];
    case 26: return ['DUMP', key()];
    case 27: return ['BITCOUNT', key(), ...(rnd.chance(0.5) ? [] : [randomIndex(rnd), randomIndex(rnd)])];
    case 28: return ['APPEND', key(), rnd.pick(['', 'x', '7', 'abc'.repeat(rnd.int(1, 30))])];
    default: return ['COPY', plainKey(), plainKey(), 'REPLACE'];
  }
}

randomSequenceSuite({
  title: 'string commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  // Keys are namespaced by seed, so sequences never see each other's data.
  step: (rnd, seed) => ({ cmd: randomCommand(rnd, keysFor(seed)) }),
  finalChecks: (seed) => [{ cmd: ['MGET', ...keysFor(seed)] }],
});

function keysFor(seed: number): string[] {
  return ['a', 'b', 'c', 'd', 'bin\x00\xff', 'float'].map((k) => `s${seed}:${k}`);
}
