// Sorted sets against redis-server in the same run: RSS per key of N small
// zsets (5 members), then ZADD / ZRANGE / ZRANK throughput on one zset of M
// members (pipelined). Usage: node dist/bench/zsets.js [N=1000000] [M=1000000]

import { connect, type Socket } from 'node:net';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

const N = Number(process.argv[2] ?? 1_000_000);
const M = Number(process.argv[3] ?? 1_000_000);
const BATCH = 2000;

function command(argv: string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

/** Sends `payload` and waits until `replies` replies ending in a newline have arrived (one line each). */
function sendAndCount(sock: Socket, payload: string, lines: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (d: Buffer) => {
      for (let i = 0; i < d.length; i++) if (d[i] === 10) seen++;
      if (seen >= lines) {
        sock.off('data', onData);
        resolve();
      }
    };
    sock.on('data', onData);
    sock.write(payload, 'latin1');
  });
}

async function open(server: BenchServer): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const s = connect({ port: server.port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
}

/** Runs `count` commands built by `build`, each answering `linesPer` lines; returns ops/s. */
async function run(sock: Socket, count: number, linesPer: number, build: (i: number) => string): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let base = 0; base < count; base += BATCH) {
    const end = Math.min(count, base + BATCH);
    let payload = '';
    for (let i = base; i < end; i++) payload += build(i);
    await sendAndCount(sock, payload, (end - base) * linesPer);
  }
  return count / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function measure(server: BenchServer): Promise<Record<string, number>> {
  const sock = await open(server);
  const out: Record<string, number> = {};
  await new Promise((r) => setTimeout(r, 500));
  const rss0 = rssBytes(server.pid);
  await run(sock, N, 1, (i) => {
    const argv = ['ZADD', `zset:${i}`];
    for (let j = 1; j <= 5; j++) argv.push(String(j * 1.5), `member-${i}-${j}`);
    return command(argv);
  });
  await new Promise((r) => setTimeout(r, 2000));
  out.bytesPerKey = (rssBytes(server.pid) - rss0) / N;
  out.zaddBig = await run(sock, M, 1, (i) => command(['ZADD', 'big', String((i * 7919) % M), `m${i}`]));
  // ZRANGE of 10 elements: 1 header line + 2 lines per element.
  out.zrange10 = await run(sock, 100_000, 21, (i) => command(['ZRANGE', 'big', String((i * 13) % (M - 10)), String(((i * 13) % (M - 10)) + 9)]));
  out.zrank = await run(sock, 200_000, 1, (i) => command(['ZRANK', 'big', `m${(i * 31) % M}`]));
  sock.destroy();
  return out;
}

async function main(): Promise<void> {
  const results: Record<string, Record<string, number>> = {};
  for (const start of [startRedisProcess, startRespiteProcess]) {
    const server = await start();
    try {
      results[server.name] = await measure(server);
    } finally {
      await server.stop();
    }
  }
  const r = results.redis!;
  const o = results.respite!;
  console.log(`${N} zsets of 5: redis ${r.bytesPerKey!.toFixed(1)} B/key, respite ${o.bytesPerKey!.toFixed(1)} B/key, ratio ${(o.bytesPerKey! / r.bytesPerKey!).toFixed(2)}`);
  for (const k of ['zaddBig', 'zrange10', 'zrank']) {
    console.log(`${k} (${M}-member zset): redis ${Math.round(r[k]!)} ops/s, respite ${Math.round(o[k]!)} ops/s, ratio ${(o[k]! / r[k]!).toFixed(2)}`);
  }
}

void main();
