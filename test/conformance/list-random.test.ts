// Seeded random sequences of list commands side by side with redis-server
// (raw replies compared, RESP2 and RESP3); the seed (RESPITE_SEED to replay)
// and the command index are printed on a mismatch.

import { randomSequenceSuite } from './harness.js';
import { SeededRandom } from '../helpers/seeded-random.js';

const COMMANDS_PER_SEED = 300;
const TIME_LIMIT_MS = 8000;
const KEYS = ['l1', 'l2', 'l3', 's'];
const VALUES = ['a', 'b', 'c', '1', '-5', '127', '128', '99999999999', '', 'x'.repeat(70), '\x00\xff'];

function idx(r: SeededRandom): string {
  return r.chance(0.1) ? r.pick(['x', '9223372036854775807', '-9223372036854775808']) : String(r.int(-12, 12));
}

function randomCommand(r: SeededRandom): string[] {
  const k = r.pick(KEYS);
  const v = (): string => r.pick(VALUES);
  const many = (): string[] => Array.from({ length: r.int(1, r.chance(0.1) ? 300 : 5) }, v);
  const side = (): string => r.pick(['LEFT', 'RIGHT', 'left']);
  switch (r.int(0, 21)) {
    case 0: case 1: return ['RPUSH', k, ...many()];
    case 2: case 3: return ['LPUSH', k, ...many()];
    case 4: return [r.pick(['LPUSHX', 'RPUSHX']), k, ...many()];
    case 5: return r.chance(0.5) ? ['LPOP', k] : ['LPOP', k, String(r.int(-1, 6))];
    case 6: return r.chance(0.5) ? ['RPOP', k] : ['RPOP', k, String(r.int(0, 6))];
    case 7: return ['LLEN', k];
    case 8: return ['LRANGE', k, idx(r), idx(r)];
    case 9: return ['LINDEX', k, idx(r)];
    case 10: return ['LSET', k, idx(r), v()];
    case 11: return ['LINSERT', k, r.pick(['BEFORE', 'AFTER']), v(), v()];
    case 12: return ['LREM', k, String(r.int(-3, 3)), v()];
    case 13: return ['LTRIM', k, idx(r), idx(r)];
    case 14: {
      const cmd = ['LPOS', k, v()];
      if (r.chance(0.5)) cmd.push('RANK', String(r.pick([-3, -1, 1, 2, 0])));
      if (r.chance(0.5)) cmd.push('COUNT', String(r.int(0, 3)));
      if (r.chance(0.3)) cmd.push('MAXLEN', String(r.int(0, 5)));
      return cmd;
    }
    case 15: return ['LMOVE', k, r.pick(KEYS), side(), side()];
    case 16: return ['RPOPLPUSH', k, r.pick(KEYS)];
    case 17: return ['LMPOP', '2', k, r.pick(KEYS), side(), 'COUNT', String(r.int(1, 4))];
    case 18: return ['BLPOP', k, r.pick(KEYS), '0.01'].filter((_, i) => i !== 2 || r.chance(0.5));
    case 19: return r.chance(0.7) ? ['SET', 's', v()] : ['DEL', k];
    case 20: return ['LRANGE', k, '0', '-1'];
    default: return ['BLMOVE', k, r.pick(KEYS), side(), side(), '0.01'];
  }
}

randomSequenceSuite({
  title: 'list commands: seeded random sequences',
  commandsPerSeed: COMMANDS_PER_SEED,
  timeLimitMs: TIME_LIMIT_MS,
  protocols: 'both',
  step: (rnd) => ({ cmd: randomCommand(rnd) }),
  finalChecks: () => KEYS.map((k) => ({ cmd: ['LRANGE', k, '0', '-1'] })),
});
