// Side-by-side conformance of the string commands against redis-server 7.0:
// every command, option and error, in RESP2 and RESP3.

import { after, before, describe, it } from 'node:test';
import { compareReplies, conformanceSuite, SideBySide } from './harness.js';
import { basics, floats, integers, lcsCases, smallBulkCases } from './string-cases.js';
import { redisSkipReason } from '../helpers/servers.js';

conformanceSuite('string commands', [...basics, ...integers, ...floats, ...lcsCases]);

conformanceSuite('string commands with a small proto-max-bulk-len', smallBulkCases, { config: { 'proto-max-bulk-len': '1mb' } });

/** TTL behaviour observed through expiry itself (short sleeps), not through TTL commands. */
describe('string commands and expiry', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  for (const resp of [2, 3] as const) {
    it(`relative expiries, KEEPTTL, PERSIST and overwrites [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      const run = async (...cmd: string[]) => {
        const [e, a] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
        compareReplies({ cmd }, e, a, resp);
      };
      try {
        await run('SET', 'px', 'v', 'PX', '60');
        await run('SET', 'keep', 'v', 'PX', '60');
        await run('SET', 'keep', 'w', 'KEEPTTL');
        await run('SET', 'drop', 'v', 'PX', '60');
        await run('SET', 'drop', 'w');
        await run('SETEX', 'setex', '100', 'v');
        await run('PSETEX', 'psetex', '60', 'v');
        await run('SET', 'getex', 'v');
        await run('GETEX', 'getex', 'PX', '60');
        await run('SET', 'persist', 'v', 'PX', '60');
        await run('GETEX', 'persist', 'PERSIST');
        await run('SET', 'incr', '1', 'PX', '60');
        await run('INCR', 'incr');
        await run('SET', 'fl', '1', 'PX', '60');
        await run('INCRBYFLOAT', 'fl', '1.5');
        await run('SET', 'app', 'a', 'PX', '60');
        await run('APPEND', 'app', 'b');
        await run('SETRANGE', 'app', '0', 'c');
        await run('SET', 'gs', 'a', 'PX', '60');
        await run('GETSET', 'gs', 'b');
        await run('SET', 'ms', 'a', 'PX', '60');
        await run('MSET', 'ms', 'b');
        await run('SET', 'nx', 'a', 'PX', '60');
        await sleep(150);
        for (const k of ['px', 'keep', 'drop', 'setex', 'psetex', 'getex', 'persist', 'incr', 'fl', 'app', 'gs', 'ms']) {
          await run('GET', k);
        }
        // An expired key counts as missing for NX/XX, MSETNX, INCR, APPEND and SETRANGE.
        await run('SET', 'nx', 'b', 'NX');
        await run('SET', 'xx', 'a', 'PX', '30');
        await run('SET', 'ms1', 'a', 'PX', '30');
        await run('SET', 'inc2', '5', 'PX', '30');
        await sleep(80);
        await run('SET', 'xx', 'b', 'XX');
        await run('MSETNX', 'ms1', 'x', 'ms2', 'y');
        await run('INCR', 'inc2');
        await run('MGET', 'xx', 'ms1', 'ms2', 'inc2');
      } finally {
        redis.close();
        respite.close();
      }
    });
  }
});
