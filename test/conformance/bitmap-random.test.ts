// Seeded random sequences of bitmap commands (SETBIT GETBIT BITCOUNT BITPOS
// BITOP BITFIELD BITFIELD_RO) side by side on redis-server and respite; the
// seed (RESPITE_SEED to replay) and command index are printed on a mismatch.

import { randomSequenceSuite } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;
const EDGE_INTS = ['0', '1', '-1', '7', '8', '-8', '9223372036854775807', '-9223372036854775808', '9223372036854775808', 'x', '1.5'];

function offset(rnd: SeededRandom): string {
  if (rnd.chance(0.05)) return rnd.pick(['-1', '4294967296', 'x', '70000']);
  return String(rnd.chance(0.8) ? rnd.int(0, 200) : rnd.int(0, 4000));
}

function index(rnd: SeededRandom): string {
  return rnd.chance(0.1) ? rnd.pick(EDGE_INTS) : String(rnd.int(-40, 40));
}

function fieldType(rnd: SeededRandom): string {
  if (rnd.chance(0.03)) return rnd.pick(['u64', 'i65', 'i0', 'x8']);
  return `${rnd.pick(['i', 'u'])}${rnd.chance(0.2) ? rnd.pick(['1', '63', '64']) : rnd.int(1, 32)}`;
}

function fieldValue(rnd: SeededRandom): string {
  return rnd.chance(0.2) ? rnd.pick(EDGE_INTS) : String(rnd.int(-300, 300));
}

function randomCommand(rnd: SeededRandom, keys: readonly string[]): string[] {
  const key = () => rnd.pick(keys);
  switch (rnd.int(0, 18)) {
    case 0:
    case 1: return ['SETBIT', key(), offset(rnd), rnd.chance(0.05) ? '2' : rnd.pick(['0', '1'])];
    case 2: return ['GETBIT', key(), offset(rnd)];
    case 3: {
      const cmd = ['BITCOUNT', key()];
      if (rnd.chance(0.7)) cmd.push(index(rnd), index(rnd));
      if (rnd.chance(0.4)) cmd.push(rnd.pick(['BIT', 'BYTE', 'bit']));
      return cmd;
    }
    case 4:
    case 5: {
      const cmd = ['BITPOS', key(), rnd.chance(0.05) ? '2' : rnd.pick(['0', '1'])];
      const n = rnd.int(0, 3);
      if (n >= 1) cmd.push(index(rnd));
      if (n >= 2) cmd.push(index(rnd));
      if (n >= 3) cmd.push(rnd.pick(['BIT', 'BYTE']));
      return cmd;
    }
    case 6: {
      const op = rnd.pick(['AND', 'OR', 'XOR', 'NOT']);
      return op === 'NOT' ? ['BITOP', op, key(), key()] : ['BITOP', op, key(), key(), key(), key()];
    }
    case 7:
    case 8:
    case 9: {
      const cmd = [rnd.chance(0.15) ? 'BITFIELD_RO' : 'BITFIELD', key()];
      for (let n = rnd.int(1, 4); n > 0; n--) {
        const off = rnd.chance(0.3) ? `#${rnd.int(0, 20)}` : offset(rnd);
        switch (rnd.int(0, 3)) {
          case 0: cmd.push('GET', fieldType(rnd), off); break;
          case 1: cmd.push('SET', fieldType(rnd), off, fieldValue(rnd)); break;
          case 2: cmd.push('INCRBY', fieldType(rnd), off, fieldValue(rnd)); break;
          default: cmd.push('OVERFLOW', rnd.pick(['WRAP', 'SAT', 'FAIL']));
        }
      }
      return cmd;
    }
    case 10: return ['SET', key(), rnd.pick(['', 'foobar', '\xff\x00\xf0', '12345', 'a'.repeat(rnd.int(1, 40))])];
    case 11: return ['GET', key()];
    case 12: return rnd.chance(0.5) ? ['DEL', key()] : ['STRLEN', key()];
    // In-place writers and readers of either string form.
    case 13: return ['APPEND', key(), rnd.pick(['', '\x00', '\xff\x0f', 'abc', '1'])];
    case 14: return ['SETRANGE', key(), String(rnd.int(0, 60)), rnd.pick(['', '\xff', 'xyz', '\x00\x00'])];
    case 15: return ['GETRANGE', key(), index(rnd), index(rnd)];
    case 16: return ['OBJECT', 'ENCODING', key()];
    case 17: return rnd.chance(0.5) ? ['DUMP', key()] : ['MEMORY', 'USAGE', key()];
    default: return rnd.chance(0.5) ? ['INCR', key()] : ['COPY', key(), key(), 'REPLACE'];
  }
}

randomSequenceSuite({
  title: 'bitmap commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  step: (rnd, seed) => ({ cmd: randomCommand(rnd, keysFor(seed)) }),
  finalChecks: (seed) => [{ cmd: ['MGET', ...keysFor(seed)] }],
});

function keysFor(seed: number): string[] {
  return ['a', 'b', 'c', 'bin\x00\xff'].map((k) => `b${seed}:${k}`);
}
