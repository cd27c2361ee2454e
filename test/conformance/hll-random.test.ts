// Seeded random PFADD/PFCOUNT/PFMERGE sequences with element sets whose sizes
// cross the sparse → dense threshold, side by side, comparing every reply and
// the exact HLL bytes (GET) at the end; the seed is printed on a mismatch.

import { randomSequenceSuite } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 200;
const TIME_LIMIT_MS = 10000;

function element(rnd: SeededRandom): string {
  if (rnd.chance(0.1)) {
    let s = '';
    for (let n = rnd.int(0, 20); n > 0; n--) s += String.fromCharCode(rnd.int(0, 255));
    return s;
  }
  return `el:${rnd.int(0, 20000)}`;
}

function randomCommand(rnd: SeededRandom, keys: readonly string[]): string[] {
  const key = () => rnd.pick(keys);
  switch (rnd.int(0, 9)) {
    case 0: case 1: case 2: case 3: {
      // Mostly small batches (sparse edits), sometimes large ones (promotion to dense).
      const n = rnd.chance(0.85) ? rnd.int(0, 20) : rnd.int(100, 1500);
      return ['PFADD', key(), ...Array.from({ length: n }, () => element(rnd))];
    }
    case 4: case 5: return ['PFCOUNT', key()];
    case 6: return ['PFCOUNT', key(), key(), key()];
    case 7: return ['PFMERGE', key(), key(), key()];
    case 8: return rnd.chance(0.5) ? ['GET', key()] : ['PFDEBUG', 'ENCODING', key()];
    default: return rnd.chance(0.9) ? ['PFDEBUG', 'DECODE', key()] : ['DEL', key()];
  }
}

randomSequenceSuite({
  title: 'hyperloglog commands, seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  step: (rnd, seed) => ({ cmd: randomCommand(rnd, keysFor(seed)) }),
  finalChecks: (seed) => [{ cmd: ['MGET', ...keysFor(seed)] }],
});

function keysFor(seed: number): string[] {
  return ['a', 'b', 'c', 'd'].map((k) => `h${seed}:${k}`);
}
