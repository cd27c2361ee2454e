// Keyspace scale: loads N keys (default 20 million, more than one JS Map can
// hold) into respite-server through a pipelined socket, then checks DBSIZE,
// reads random keys back, and reports load rate, RSS per key and GET latency
// while the keyspace is that large. Optionally the same against redis-server.
//
// Usage: node dist/bench/scale.js [keys=20000000] [--redis]

import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';

const N = Number(process.argv[2] ?? 20_000_000);
const withRedis = process.argv.includes('--redis');
const BATCH = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

async function connectWhenUp(port: number): Promise<Socket> {
  for (let i = 0; i < 200; i++) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
        s.once('error', reject);
      });
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('server did not start');
}

/** Sends `payload` and resolves once `replies` complete replies have arrived (all assumed single-line). */
function sendAndCount(sock: Socket, payload: string, replies: number): Promise<string> {
  return new Promise((resolve) => {
    let seen = 0;
    let last = '';
    const onData = (d: Buffer) => {
      const text = d.toString('latin1');
      last = (last + text).slice(-200);
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) seen++;
      if (seen >= replies) {
        sock.off('data', onData);
        resolve(last);
      }
    };
    sock.on('data', onData);
    sock.write(payload, 'latin1');
  });
}

function key(i: number): string {
  return `key:${String(i).padStart(12, '0')}`;
}

async function run(name: string, child: ChildProcess, port: number): Promise<void> {
  const sock = await connectWhenUp(port);
  const rss0 = rssBytes(child.pid!);
  const start = performance.now();
  for (let base = 0; base < N; base += BATCH) {
    let payload = '';
    const end = Math.min(N, base + BATCH);
    for (let i = base; i < end; i++) {
      const k = key(i);
      payload += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$16\r\nvalue-${String(i).padStart(10, '0')}\r\n`;
    }
    await sendAndCount(sock, payload, end - base);
    if ((base / BATCH) % 200 === 0 && base > 0) {
      const secs = (performance.now() - start) / 1000;
      process.stdout.write(`  ${name}: ${base} keys, ${(base / secs / 1000).toFixed(0)}k keys/s, rss ${(rssBytes(child.pid!) / 2 ** 30).toFixed(2)} GiB\n`);
    }
  }
  const loadSecs = (performance.now() - start) / 1000;
  const dbsize = await sendAndCount(sock, '*1\r\n$6\r\nDBSIZE\r\n', 1);
  const rss1 = rssBytes(child.pid!);
  // Random reads: one at a time, so each is a round trip (latency), bounded count.
  const lat: number[] = [];
  for (let j = 0; j < 20_000; j++) {
    const k = key(Math.floor(Math.random() * N));
    const t = performance.now();
    await new Promise<void>((resolve) => {
      sock.once('data', () => resolve());
      sock.write(`*2\r\n$3\r\nGET\r\n$${k.length}\r\n${k}\r\n`, 'latin1');
    });
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]!.toFixed(3);
  console.log(`${name}: ${N} keys loaded in ${loadSecs.toFixed(1)} s (${(N / loadSecs / 1000).toFixed(0)}k keys/s), ` +
    `DBSIZE ${dbsize.trim()}, RSS ${(rss1 / 2 ** 30).toFixed(2)} GiB, ${((rss1 - rss0) / N).toFixed(1)} B/key; ` +
    `GET round trip p50 ${pct(0.5)} ms p99 ${pct(0.99)} ms p99.9 ${pct(0.999)} ms`);
  sock.destroy();
}

async function main(): Promise<void> {
  const port = await freePort();
  const respite = spawn(process.execPath, ['dist/bin/respite-server.js', '--port', String(port), '--save', '', '--loglevel', 'warning'], { stdio: 'inherit' });
  try {
    // The launcher re-executes itself with a sized heap: measure the child that serves.
    await connectWhenUp(port).then((s) => s.destroy());
    const serving = findServingPid(respite.pid!);
    await run('respite', { pid: serving } as ChildProcess, port);
  } finally {
    respite.kill('SIGTERM');
  }
  if (withRedis) {
    const rport = await freePort();
    const redis = spawn('redis-server', ['--port', String(rport), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      await run('redis', redis, rport);
    } finally {
      redis.kill('SIGKILL');
    }
  }
}

/** The launcher's child when it re-executed itself, else the launcher. */
function findServingPid(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return children.length > 0 ? Number(children[0]) : pid;
  } catch {
    return pid;
  }
}

void main();
