// Active expiry: loads N keys (default 1,000,000) with a 100 ms TTL that
// nobody reads again, then measures how long until DBSIZE reaches 0 and the
// worst PING round trip seen meanwhile (a stall shows there), for respite and
// redis-server in the same run, with RSS and INFO used_memory along the way.
//
// Usage: node dist/bench/expiry.js [keys=1000000]

import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';
import { command, connectTo, sendAndCount } from './pipeline.js';

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;
const DEADLINE_MS = 60_000;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

async function usedMemory(port: number): Promise<number> {
  const sock = await connectTo(port);
  const text = await new Promise<string>((resolve) => {
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.includes('used_memory_human')) resolve(buf);
    });
    sock.write(command('INFO', 'memory'));
  });
  sock.destroy();
  return Number(/used_memory:(\d+)/.exec(text)?.[1] ?? '0');
}

async function run(server: BenchServer): Promise<void> {
  const loader = await connectTo(server.port);
  const pinger = await connectTo(server.port);
  const rss0 = rssBytes(server.pid);
  for (let base = 0; base < N; base += BATCH) {
    let payload = '';
    const end = Math.min(N, base + BATCH);
    for (let i = base; i < end; i++) payload += command('SET', `exp:${i}`, `value-${String(i).padStart(10, '0')}`, 'PX', '100');
    await sendAndCount(loader, payload, end - base);
  }
  const loadedAt = performance.now();
  const rss1 = rssBytes(server.pid);
  let worstPingMs = 0;
  let size = N;
  while (size > 0 && performance.now() - loadedAt < DEADLINE_MS) {
    const t = performance.now();
    await sendAndCount(pinger, command('PING'), 1);
    worstPingMs = Math.max(worstPingMs, performance.now() - t);
    const reply = await sendAndCount(pinger, command('DBSIZE'), 1);
    size = Number(/:(\d+)/.exec(reply)?.[1] ?? '-1');
    await new Promise((r) => setTimeout(r, 20));
  }
  const goneMs = performance.now() - loadedAt;
  await new Promise((r) => setTimeout(r, 2000));
  const rss2 = rssBytes(server.pid);
  const used = await usedMemory(server.port);
  console.log(`${server.name}: ${N} keys with PX 100 gone ${size === 0 ? `after ${(goneMs / 1000).toFixed(2)} s` : `NOT within ${DEADLINE_MS / 1000} s (${size} left)`}; ` +
    `worst PING round trip meanwhile ${worstPingMs.toFixed(1)} ms; RSS ${mb(rss0)} → ${mb(rss1)} → ${mb(rss2)} MB ` +
    `(before, loaded, 2 s after empty); INFO used_memory 2 s after empty ${mb(used)} MB`);
  loader.destroy();
  pinger.destroy();
}

async function main(): Promise<void> {
  for (const start of [startRespiteProcess, startRedisProcess]) {
    const server = await start();
    try {
      await run(server);
    } finally {
      await server.stop();
    }
  }
}

void main();
