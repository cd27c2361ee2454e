// Side-by-side conformance of the HyperLogLog commands against redis-server
// 7.0: replies, errors, and the exact bytes of the HLL strings (GET) after
// PFADD/PFMERGE/PFCOUNT sequences, sparse and dense.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareReplies, conformanceSuite, SideBySide, type Case } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';

const cases: Case[] = [
  { name: 'PFADD/PFCOUNT basics and the cached cardinality', steps: [
    ['PFADD', 'h'], ['GET', 'h'], ['PFCOUNT', 'h'], ['GET', 'h'], ['PFADD', 'h', 'a', 'b', 'c'], ['GET', 'h'], ['PFADD', 'h', 'a'],
    ['PFCOUNT', 'h'], ['GET', 'h'], ['PFCOUNT', 'h'], ['PFADD', 'h', 'd'], ['PFCOUNT', 'h'], ['PFCOUNT', 'missing'], ['PFADD', 'h2', 'x', 'y', 'a'],
    ['PFCOUNT', 'h', 'h2'], ['PFCOUNT', 'h', 'missing'], ['GET', 'h2'], ['PFADD', 'b', '', '\x00', '\xff\xfe', 'abcdefgh', 'abcdefghi', '0123456789abcdef'],
    ['GET', 'b'], ['PFCOUNT', 'b'], ['PFDEBUG', 'ENCODING', 'b'], ['PFDEBUG', 'DECODE', 'b'],
  ] },
  { name: 'PFMERGE', steps: [
    ['PFADD', 'a', '1', '2', '3'], ['PFADD', 'b', '3', '4', '5', '6'], ['PFMERGE', 'c', 'a', 'b'], ['GET', 'c'], ['PFCOUNT', 'c'],
    ['PFMERGE', 'a', 'b'], ['GET', 'a'], ['PFMERGE', 'e'], ['GET', 'e'], ['PFMERGE', 'f', 'missing'], ['GET', 'f'], ['PFDEBUG', 'TODENSE', 'b'],
    ['PFMERGE', 'g', 'a', 'b'], ['PFDEBUG', 'ENCODING', 'g'], ['GET', 'g'], ['PFMERGE', 'a', 'g'], ['PFDEBUG', 'ENCODING', 'a'], ['PFCOUNT', 'a', 'b', 'c', 'g'],
    ['SET', 'ttl', 'x', 'EX', '100'], ['DEL', 'ttl'], ['PFADD', 'ttl', 'a'], ['EXPIRE', 'ttl', '100'], ['PFMERGE', 'ttl', 'a'], ['TTL', 'ttl'],
  ] },
  { name: 'PFDEBUG', steps: [
    ['PFADD', 'h', 'a', 'b', 'c', 'd'], ['PFDEBUG', 'DECODE', 'h'], ['PFDEBUG', 'ENCODING', 'h'], ['PFDEBUG', 'decode', 'h'],
    ['PFDEBUG', 'TODENSE', 'h'], ['PFDEBUG', 'TODENSE', 'h'], ['PFDEBUG', 'ENCODING', 'h'], ['PFDEBUG', 'DECODE', 'h'], ['GET', 'h'],
    ['PFADD', 'g', 'x'], ['PFDEBUG', 'GETREG', 'g'], ['PFDEBUG', 'ENCODING', 'g'], ['PFDEBUG', 'FOO', 'g'], ['PFDEBUG', 'FOO', 'missing'],
    ['PFDEBUG', 'GETREG', 'missing'], ['SET', 's', 'x'], ['PFDEBUG', 'GETREG', 's'], ['LPUSH', 'l', 'x'], ['PFDEBUG', 'ENCODING', 'l'], ['PFDEBUG', 'GETREG'],
  ] },
  { name: 'wrong types and corrupted values', steps: [
    ['SET', 's', 'hello'], ['PFADD', 's', 'a'], ['PFCOUNT', 's'], ['PFCOUNT', 'missing', 's'], ['PFMERGE', 's', 'missing'], ['PFMERGE', 'd', 's'],
    ['LPUSH', 'l', 'a'], ['PFADD', 'l', 'a'], ['PFCOUNT', 'l'], ['PFMERGE', 'l'], ['PFMERGE', 'd', 'l'], ['EXISTS', 'd'],
    ['SET', 'bad', 'HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'], ['PFADD', 'bad', 'a'], ['PFCOUNT', 'bad'],
    ['SET', 'short', 'HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00'], ['PFCOUNT', 'short'],
    ['SET', 'sp', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe'], ['PFCOUNT', 'sp'], ['PFADD', 'sp', 'a'], ['GET', 'sp'],
    ['PFMERGE', 'm', 'sp'], ['PFCOUNT', 'x', 'sp'], ['PFDEBUG', 'TODENSE', 'sp'], ['PFDEBUG', 'DECODE', 'sp'],
    ['SET', 'sp2', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff\x80'], ['PFCOUNT', 'sp2'], ['PFMERGE', 'm', 'sp2'], ['PFCOUNT', 'sp2', 'x'], ['PFADD', 'sp2', 'a'], ['PFDEBUG', 'TODENSE', 'sp2'], ['GET', 'sp2'],
    ['SET', 'sp3', 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe\x83'], ['PFCOUNT', 'sp3'], ['PFADD', 'sp3', 'a', 'b'], ['GET', 'sp3'], ['PFDEBUG', 'TODENSE', 'sp3'], ['PFDEBUG', 'DECODE', 'sp3'],
    ['SET', 'cached', 'HYLL\x01\x00\x00\x00\x2a\x00\x00\x00\x00\x00\x00\x00\x7f\xff'], ['PFCOUNT', 'cached'], ['PFADD'], ['PFCOUNT'], ['PFMERGE'],
  ] },
];

conformanceSuite('hyperloglog commands', cases);

/** Element sets of many sizes, sparse and dense, with GET byte equality after every step. */
describe('hyperloglog representation, side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  for (const resp of [2, 3] as const) {
    it(`PFADD batches crossing sparse → dense, PFMERGE and PFCOUNT [RESP${resp}]`, async () => {
      const { redis, respite } = await sbs.connect(resp);
      const run = async (...cmd: string[]) => {
        const [e, a] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
        compareReplies({ cmd: cmd.length > 8 ? [...cmd.slice(0, 8), '...'] : cmd }, e, a, resp);
        return a;
      };
      try {
        let n = 0;
        for (const batch of [1, 2, 5, 10, 30, 100, 300, 700, 1500, 3000, 10000]) {
          const elements: string[] = [];
          for (let i = 0; i < batch; i++) elements.push(`e${n++}`);
          await run('PFADD', 'h', ...elements);
          await run('GET', 'h');
          await run('PFDEBUG', 'ENCODING', 'h');
          await run('PFCOUNT', 'h');
          await run('GET', 'h');
          await run('PFADD', `k${batch}`, ...elements);
          await run('PFMERGE', 'm', `k${batch}`);
          await run('GET', 'm');
          await run('PFCOUNT', 'm', 'h', `k${batch}`);
        }
        const enc = await run('PFDEBUG', 'ENCODING', 'h');
        assert.match(enc, /dense/);
        await run('PFDEBUG', 'GETREG', 'h');
        await run('PFMERGE', 'm2', 'k1', 'k2', 'k5', 'k30');
        await run('GET', 'm2');
        await run('PFMERGE', 'm2', 'k10000');
        await run('GET', 'm2');
      } finally {
        redis.close();
        respite.close();
      }
    });
  }

  it('hll-sparse-max-bytes decides the sparse → dense promotion', async () => {
    const { redis, respite } = await sbs.connect(2);
    const run = async (...cmd: string[]) => {
      const [e, a] = await Promise.all([redis.call(...cmd), respite.call(...cmd)]);
      compareReplies({ cmd: cmd.slice(0, 6) }, e, a, 2);
    };
    try {
      for (const max of ['100', '3000', '10000']) {
        await run('CONFIG', 'SET', 'hll-sparse-max-bytes', max);
        for (let i = 0; i < 40; i++) {
          await run('PFADD', `p${max}`, ...Array.from({ length: 25 }, (_, j) => `${max}:${i}:${j}`));
          await run('GET', `p${max}`);
        }
        await run('PFDEBUG', 'ENCODING', `p${max}`);
      }
    } finally {
      await redis.call('CONFIG', 'SET', 'hll-sparse-max-bytes', '3000');
      await respite.call('CONFIG', 'SET', 'hll-sparse-max-bytes', '3000');
      redis.close();
      respite.close();
    }
  });
});
