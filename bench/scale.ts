// Keyspace scale: loads N keys (default 20 million, more than one JS Map can
// hold) into respite-server through a pipelined socket, then checks DBSIZE,
// reads random keys back, and reports load rate, RSS per key and GET latency
// while the keyspace is that large. `--redis` runs the same against redis-server.
//
// Usage: node dist/bench/scale.js [keys=20000000] [--redis]

import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';
import { command, connectTo, sendAndCount } from './pipeline.js';

const N = Number(process.argv[2] ?? 20_000_000);
const withRedis = process.argv.includes('--redis');
const BATCH = 10_000;
const GETS = 20_000;

function key(i: number): string {
  return `key:${String(i).padStart(12, '0')}`;
}

async function run(server: BenchServer): Promise<void> {
  const sock = await connectTo(server.port);
  const rss0 = rssBytes(server.pid);
  const start = performance.now();
  for (let base = 0; base < N; base += BATCH) {
    let payload = '';
    const end = Math.min(N, base + BATCH);
    for (let i = base; i < end; i++) payload += command('SET', key(i), `value-${String(i).padStart(10, '0')}`);
    await sendAndCount(sock, payload, end - base);
    if ((base / BATCH) % 200 === 0 && base > 0) {
      const secs = (performance.now() - start) / 1000;
      process.stdout.write(`  ${server.name}: ${base} keys, ${(base / secs / 1000).toFixed(0)}k keys/s, rss ${(rssBytes(server.pid) / 2 ** 30).toFixed(2)} GiB\n`);
    }
  }
  const loadSecs = (performance.now() - start) / 1000;
  const dbsize = await sendAndCount(sock, command('DBSIZE'), 1);
  const rss1 = rssBytes(server.pid);
  // Random reads one at a time, so each is a round trip.
  const lat: number[] = [];
  for (let j = 0; j < GETS; j++) {
    const t = performance.now();
    await sendAndCount(sock, command('GET', key(Math.floor(Math.random() * N))), 2);
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]!.toFixed(3);
  console.log(`${server.name}: ${N} keys loaded in ${loadSecs.toFixed(1)} s (${(N / loadSecs / 1000).toFixed(0)}k keys/s), ` +
    `DBSIZE ${dbsize.trim()}, RSS ${(rss1 / 2 ** 30).toFixed(2)} GiB, ${((rss1 - rss0) / N).toFixed(1)} B/key; ` +
    `GET round trip p50 ${pct(0.5)} ms p99 ${pct(0.99)} ms p99.9 ${pct(0.999)} ms`);
  sock.destroy();
}

async function main(): Promise<void> {
  const respite = await startRespiteProcess();
  try {
    await run(respite);
  } finally {
    await respite.stop();
  }
  if (withRedis) {
    const redis = await startRedisProcess();
    try {
      await run(redis);
    } finally {
      await redis.stop();
    }
  }
}

void main();
