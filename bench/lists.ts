// Lists against redis-server in the same run: LPUSH/LPOP/LRANGE/LINDEX
// throughput on a 1 M-element list (pipelined, one connection), and RSS per
// key for N lists of 5 elements.
// Usage: node dist/bench/lists.js [N lists=1000000] [ops=200000]

import { connect, type Socket } from 'node:net';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

const N = Number(process.argv[2] ?? 1_000_000);
const OPS = Number(process.argv[3] ?? 200_000);
const BIG = 1_000_000;
const BATCH = 1000;

function command(argv: string[]): string {
  let s = `*${argv.length}\r\n`;
  for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

/** Counts complete top-level replies in a stream of simple/integer/bulk/array replies. */
class ReplyCounter {
  private buf = '';
  count = 0;
  feed(chunk: string): void {
    this.buf += chunk;
    let p = 0;
    for (;;) {
      const end = skipReply(this.buf, p);
      if (end < 0) break;
      p = end;
      this.count++;
    }
    this.buf = this.buf.slice(p);
  }
}

/** Offset after the reply starting at p, or -1 if incomplete. */
function skipReply(s: string, p: number): number {
  const nl = s.indexOf('\r\n', p);
  if (nl < 0) return -1;
  const t = s[p];
  if (t === '$') {
    const len = Number(s.slice(p + 1, nl));
    if (len < 0) return nl + 2;
    return nl + 2 + len + 2 <= s.length ? nl + 2 + len + 2 : -1;
  }
  if (t === '*') {
    let n = Number(s.slice(p + 1, nl));
    let q = nl + 2;
    while (n-- > 0) {
      q = skipReply(s, q);
      if (q < 0) return -1;
    }
    return q;
  }
  return nl + 2;
}

async function open(server: BenchServer): Promise<{ sock: Socket; counter: ReplyCounter }> {
  const sock = await new Promise<Socket>((resolve, reject) => {
    const s = connect({ port: server.port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
  const counter = new ReplyCounter();
  sock.setEncoding('latin1');
  sock.on('data', (d: string) => counter.feed(d));
  return { sock, counter };
}

async function pipeline(c: { sock: Socket; counter: ReplyCounter }, make: (i: number) => string, total: number): Promise<number> {
  const start = performance.now();
  for (let base = 0; base < total; base += BATCH) {
    const end = Math.min(total, base + BATCH);
    let payload = '';
    for (let i = base; i < end; i++) payload += make(i);
    const target = c.counter.count + (end - base);
    c.sock.write(payload, 'latin1');
    while (c.counter.count < target) await new Promise((r) => setImmediate(r));
  }
  return (total / (performance.now() - start)) * 1000;
}

async function throughput(server: BenchServer): Promise<Record<string, number>> {
  const c = await open(server);
  const out: Record<string, number> = {};
  out['RPUSH (build 1M)'] = await pipeline(c, (i) => command(['RPUSH', 'big', `element:${i}`]), BIG);
  out.LPUSH = await pipeline(c, (i) => command(['LPUSH', 'big', `head:${i}`]), OPS);
  out.LPOP = await pipeline(c, () => command(['LPOP', 'big']), OPS);
  out['LINDEX near ends'] = await pipeline(c, (i) => command(['LINDEX', 'big', String(i % 2 ? i % 100 : -(i % 100) - 1)]), OPS);
  out['LINDEX middle'] = await pipeline(c, (i) => command(['LINDEX', 'big', String(400_000 + (i % 1000))]), OPS);
  out['LRANGE 0 9'] = await pipeline(c, () => command(['LRANGE', 'big', '0', '9']), OPS);
  out['LRANGE 100 elements mid'] = await pipeline(c, () => command(['LRANGE', 'big', '500000', '500099']), OPS / 4);
  c.sock.destroy();
  return out;
}

async function memory(server: BenchServer): Promise<number> {
  const c = await open(server);
  await new Promise((r) => setTimeout(r, 500));
  const rss0 = rssBytes(server.pid);
  await pipeline(c, (i) => command(['RPUSH', `list:${i}`, `a-${i}`, `b-${i}`, `c-${i}`, `d-${i}`, `e-${i}`]), N);
  await new Promise((r) => setTimeout(r, 2000));
  const rss1 = rssBytes(server.pid);
  c.sock.destroy();
  return (rss1 - rss0) / N;
}

async function main(): Promise<void> {
  const rates: Record<string, Record<string, number>> = {};
  const perKey: Record<string, number> = {};
  for (const start of [startRedisProcess, startRespiteProcess]) {
    let server = await start();
    try {
      rates[server.name] = await throughput(server);
    } finally {
      await server.stop();
    }
    server = await start();
    try {
      perKey[server.name] = await memory(server);
    } finally {
      await server.stop();
    }
  }
  for (const op of Object.keys(rates.redis!)) {
    const r = rates.redis![op]!;
    const o = rates.respite![op]!;
    console.log(`${op.padEnd(26)} redis ${r.toFixed(0).padStart(8)}/s  respite ${o.toFixed(0).padStart(8)}/s  ratio ${(o / r).toFixed(2)}`);
  }
  console.log(`${N} lists of 5: redis ${perKey.redis!.toFixed(1)} B/key, respite ${perKey.respite!.toFixed(1)} B/key, ratio ${(perKey.respite! / perKey.redis!).toFixed(2)}`);
}

void main();
