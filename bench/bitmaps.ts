// SETBIT/GETBIT/BITFIELD latency on 1 MB and 100 MB strings, in-place write
// throughput (SETBIT/SETRANGE/BITFIELD at random offsets, APPEND of small
// chunks) on small vs 100 MB strings, and PFADD/PFCOUNT, against redis-server
// in the same run (one connection; latency sequential, throughput pipelined).
// Usage: node dist/bench/bitmaps.js

import { encodeCommand, RawClient } from '../test/helpers/raw-client.js';
import { startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

async function timeOps(c: RawClient, n: number, make: (i: number) => string[]): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await c.call(...make(i));
  return Number(process.hrtime.bigint() - t0) / 1e3 / n;
}

/** ops/s of `n` commands sent `depth` at a time. */
async function throughput(c: RawClient, n: number, make: (i: number) => string[], depth = 32): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i += depth) {
    const batch = Math.min(depth, n - i);
    const out: Buffer[] = [];
    for (let k = 0; k < batch; k++) out.push(encodeCommand(make(i + k)));
    c.write(Buffer.concat(out));
    for (let k = 0; k < batch; k++) await c.nextReply(60_000);
  }
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const fmt = (opsPerSec: number) => `${Math.round(opsPerSec).toLocaleString('en-US')} ops/s`;

/** In-place writers on a 1 KB and a 100 MB string, and APPEND of 16-byte chunks before and after growing to 100 MB. */
async function inPlace(name: string, c: RawClient): Promise<void> {
  for (const [label, bytes] of [['1 KB', 1024], ['100 MB', 100 * 2 ** 20]] as const) {
    const key = `inplace:${label}`;
    await c.call('SETRANGE', key, String(bytes - 1), '\0');
    let seed = 777;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const n = 20_000;
    const setbit = await throughput(c, n, () => ['SETBIT', key, String(rnd(bytes * 8)), '1']);
    const setrange = await throughput(c, n, () => ['SETRANGE', key, String(rnd(bytes - 8)), 'abcdefgh']);
    const bitfield = await throughput(c, n, () => ['BITFIELD', key, 'SET', 'u8', String(rnd(bytes - 1) * 8), '7', 'INCRBY', 'i16', String(rnd(bytes - 2) * 8), '3']);
    console.log(`${name} ${label} string: SETBIT ${fmt(setbit)}, SETRANGE 8 B ${fmt(setrange)}, BITFIELD SET+INCRBY ${fmt(bitfield)}`);
    await c.call('DEL', key);
  }
  const key = 'inplace:append';
  const chunk = 'x'.repeat(16);
  const small = await throughput(c, 50_000, () => ['APPEND', key, chunk]);
  const mb = 'y'.repeat(2 ** 20);
  while (Number((await c.call('STRLEN', key)).slice(1)) < 100 * 2 ** 20) await c.call('APPEND', key, mb);
  const large = await throughput(c, 50_000, () => ['APPEND', key, chunk]);
  console.log(`${name} APPEND 16 B: ${fmt(small)} on a string growing from 0 to 800 KB, ${fmt(large)} on a 100 MB string`);
  await c.call('DEL', key);
}

async function run(name: string, server: BenchServer): Promise<void> {
  const c = await RawClient.connect(server.port);
  await inPlace(name, c);
  for (const [label, bits, n] of [['1 MB', 8 * 2 ** 20, 2000], ['100 MB', 800 * 2 ** 20, 2000]] as const) {
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
