// SETBIT/GETBIT/BITFIELD latency on 1 MB and 100 MB strings, and PFADD/PFCOUNT
// throughput, against redis-server in the same run (one connection, sequential).
// Usage: node dist/bench/bitmaps.js

import { RawClient } from '../test/helpers/raw-client.js';
import { startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

async function timeOps(c: RawClient, n: number, make: (i: number) => string[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await c.call(...make(i));
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

async function run(name: string, server: BenchServer): Promise<void> {
  const c = await RawClient.connect(server.port);
  for (const [label, bits, n] of [['1 MB', 8 * 2 ** 20, 2000], ['100 MB', 800 * 2 ** 20, 50]] as const) {
    const key = `big:${label}`;
    await c.call('SETBIT', key, String(bits - 1), '0');
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % bits;
    const setbit = await timeOps(c, n, () => ['SETBIT', key, String(rnd()), '1']);
    const getbit = await timeOps(c, n, () => ['GETBIT', key, String(rnd())]);
    const mixed = await timeOps(c, n, (i) => (i % 2 ? ['GETBIT', key, String(rnd())] : ['SETBIT', key, String(rnd()), '1']));
    const bitfield = await timeOps(c, n, () => ['BITFIELD', key, 'INCRBY', 'u8', String(rnd() & ~7), '1']);
    console.log(`${name} ${label}: SETBIT ${setbit.toFixed(1)} µs, GETBIT ${getbit.toFixed(1)} µs, SETBIT+GETBIT alternating ${mixed.toFixed(1)} µs, BITFIELD INCRBY ${bitfield.toFixed(1)} µs`);
    await c.call('DEL', key);
  }
  const pfadd = await timeOps(c, 20000, (i) => ['PFADD', 'hll', `e${i}`]);
  const pfcount = await timeOps(c, 5000, (i) => ['PFADD', 'hll2', `e${i}`, 'x']);
  await c.call('PFCOUNT', 'hll');
  const pfcountCached = await timeOps(c, 5000, () => ['PFCOUNT', 'hll']);
  console.log(`${name} PFADD (1 element, growing to dense) ${pfadd.toFixed(1)} µs, PFADD 2 elements ${pfcount.toFixed(1)} µs, PFCOUNT cached ${pfcountCached.toFixed(1)} µs`);
  c.close();
}

const redis = await startRedisProcess();
try { await run('redis  ', redis); } finally { await redis.stop(); }
const respite = await startRespiteProcess();
try { await run('respite', respite); } finally { await respite.stop(); }
