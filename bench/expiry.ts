// Active expiry: loads N keys (default 1,000,000) with a 100 ms TTL that
// nobody reads again, then measures how long until DBSIZE reaches 0 and the
// worst PING round trip seen meanwhile (a stall would show there), for
// respite and redis-server in the same run. Also reports RSS before the
// load, after it, and once the keys are gone.
//
// Usage: node dist/bench/expiry.js [keys=1000000]

import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';

const N = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;
const DEADLINE_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The launcher's re-executed child, which is the process that serves. */
function servingPid(pid: number): number {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return kids.length > 0 ? Number(kids[0]) : pid;
  } catch {
    return pid;
  }
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

/** Sends `payload`, resolves with the text of the last reply once `replies` lines have arrived. */
function request(sock: Socket, payload: string, replies: number): Promise<string> {
  return new Promise((resolve) => {
    let seen = 0;
    let tail = '';
    const onData = (d: Buffer) => {
      const text = d.toString('latin1');
      tail = (tail + text).slice(-64);
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) seen++;
      if (seen >= replies) {
        sock.off('data', onData);
        resolve(tail);
      }
    };
    sock.on('data', onData);
    sock.write(payload, 'latin1');
  });
}

/** INFO memory's used_memory, read on a fresh connection. */
async function infoMemory(port: number): Promise<number> {
  const sock = await connectWhenUp(port);
  const text = await new Promise<string>((resolve) => {
    let buf = '';
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.includes('used_memory_human')) resolve(buf);
    });
    sock.write('*2\r\n$4\r\nINFO\r\n$6\r\nmemory\r\n');
  });
  sock.destroy();
  return Number(/used_memory:(\d+)/.exec(text)?.[1] ?? '0');
}

async function run(name: string, pid: number, port: number): Promise<void> {
  const loader = await connectWhenUp(port);
  const pinger = await connectWhenUp(port);
  const rss0 = rssMb(pid);
  for (let base = 0; base < N; base += BATCH) {
    let payload = '';
    const end = Math.min(N, base + BATCH);
    for (let i = base; i < end; i++) {
      const k = `exp:${i}`;
      payload += `*5\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$16\r\nvalue-${String(i).padStart(10, '0')}\r\n$2\r\nPX\r\n$3\r\n100\r\n`;
    }
    await request(loader, payload, end - base);
  }
  const loadedAt = performance.now();
  const rss1 = rssMb(pid);
  let worstPingMs = 0;
  let size = N;
  while (size > 0 && performance.now() - loadedAt < DEADLINE_MS) {
    const t = performance.now();
    await request(pinger, '*1\r\n$4\r\nPING\r\n', 1);
    worstPingMs = Math.max(worstPingMs, performance.now() - t);
    const reply = await request(pinger, '*1\r\n$6\r\nDBSIZE\r\n', 1);
    size = Number(/:(\d+)/.exec(reply)?.[1] ?? '-1');
    await new Promise((r) => setTimeout(r, 20));
  }
  const goneMs = performance.now() - loadedAt;
  await new Promise((r) => setTimeout(r, 2000));
  const rss2 = rssMb(pid);
  const info = await request(pinger, '*2\r\n$4\r\nINFO\r\n$6\r\nMEMORY\r\n', 1).then(() => infoMemory(port));
  console.log(`${name}: ${N} keys with PX 100 gone ${size === 0 ? `after ${(goneMs / 1000).toFixed(2)} s` : `NOT within ${DEADLINE_MS / 1000} s (${size} left)`}; ` +
    `worst PING round trip meanwhile ${worstPingMs.toFixed(1)} ms; RSS ${rss0.toFixed(0)} → ${rss1.toFixed(0)} → ${rss2.toFixed(0)} MB (before, loaded, 2 s after empty); INFO used_memory 2 s after empty ${(info / 2 ** 20).toFixed(1)} MB`);
  loader.destroy();
  pinger.destroy();
}

async function main(): Promise<void> {
  const p1 = await freePort();
  const respite: ChildProcess = spawn(process.execPath, ['dist/bin/respite-server.js', '--port', String(p1), '--loglevel', 'warning'], { stdio: 'inherit' });
  try {
    (await connectWhenUp(p1)).destroy();
    await run('respite', servingPid(respite.pid!), p1);
  } finally {
    respite.kill('SIGTERM');
  }
  const p2 = await freePort();
  const redis = spawn('redis-server', ['--port', String(p2), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  try {
    await run('redis', redis.pid!, p2);
  } finally {
    redis.kill('SIGKILL');
  }
}

void main();
