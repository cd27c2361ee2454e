// Memory of many small collections: N hashes of 5 fields and N sets of 5
// (non-integer) members, loaded with a pipelined socket into respite and
// redis-server (fresh servers per type); reports RSS delta per key.
// Usage: node dist/bench/collections-memory.js [N=1000000]

import { connect, type Socket } from 'node:net';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 2000;

function command(argv: string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

const BUILDERS = {
  hash: (i: number) => {
    const argv = ['HSET', `hash:${i}`];
    for (let j = 1; j <= 5; j++) argv.push(`field${j}`, `value-${i}-${j}`);
    return command(argv);
  },
  set: (i: number) => {
    const argv = ['SADD', `set:${i}`];
    for (let j = 1; j <= 5; j++) argv.push(`member-${i}-${j}`);
    return command(argv);
  },
};

/** Sends `payload` and waits for `replies` single-line replies. */
function sendAndCount(sock: Socket, payload: string, replies: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (d: Buffer) => {
      for (let i = 0; i < d.length; i++) if (d[i] === 10) seen++;
      if (seen >= replies) {
        sock.off('data', onData);
        resolve();
      }
    };
    sock.on('data', onData);
    sock.write(payload, 'latin1');
  });
}

async function measure(server: BenchServer, type: keyof typeof BUILDERS): Promise<number> {
  const sock = await new Promise<Socket>((resolve, reject) => {
    const s = connect({ port: server.port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
  await new Promise((r) => setTimeout(r, 500));
  const rss0 = rssBytes(server.pid);
  for (let base = 0; base < N; base += BATCH) {
    const end = Math.min(N, base + BATCH);
    let payload = '';
    for (let i = base; i < end; i++) payload += BUILDERS[type](i);
    await sendAndCount(sock, payload, end - base);
  }
  // Let a GC / allocator settle before reading RSS.
  await new Promise((r) => setTimeout(r, 2000));
  const rss1 = rssBytes(server.pid);
  sock.destroy();
  return (rss1 - rss0) / N;
}

async function main(): Promise<void> {
  for (const type of ['hash', 'set'] as const) {
    const results: string[] = [];
    const perKey: Record<string, number> = {};
    for (const start of [startRedisProcess, startRespiteProcess]) {
      const server = await start();
      try {
        perKey[server.name] = await measure(server, type);
        results.push(`${server.name} ${perKey[server.name]!.toFixed(1)} B/key`);
      } finally {
        await server.stop();
      }
    }
    const ratio = perKey.respite! / perKey.redis!;
    console.log(`${N} ${type === 'hash' ? 'hashes' : 'sets'} of 5: ${results.join(', ')}; respite/redis = ${ratio.toFixed(2)}`);
  }
}

void main();
