// RDB persistence against redis-server in the same run: BGSAVE time, file
// size and load time (DEBUG RELOAD NOSAVE) at 1 M and 5 M keys, and at each
// size the round-trip latency of a GET/SET client during a BGSAVE versus the
// same client without one (both servers; an INFO poller runs in both windows
// so the BGSAVE is the only difference). The machine's load average is printed
// with each measurement, as the ratios mean little on a busy machine.
//
// Usage: npm run bench:persistence -- [sizes=1000000,5000000] [--baseline-secs=5] [--servers=respite,redis]

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { command, connectTo, sendAndCount } from './pipeline.js';
import { freePort, rssBytes } from './servers.js';

const sizes = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '1000000,5000000').split(',').map(Number);
const baselineSecs = Number(process.argv.find((a) => a.startsWith('--baseline-secs='))?.split('=')[1] ?? 5);
const serverNames = (process.argv.find((a) => a.startsWith('--servers='))?.split('=')[1] ?? 'respite,redis').split(',');
const BATCH = 10_000;

interface Srv {
  name: 'respite' | 'redis';
  port: number;
  pid: number;
  dir: string;
  child: ChildProcess;
  sock: Socket;
}

async function startServer(name: Srv['name']): Promise<Srv> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'respite-bench-persist-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir,
    '--dbfilename', 'dump.rdb', '--loglevel', 'warning', '--enable-debug-command', 'yes'];
  const child = name === 'respite'
    ? spawn(process.execPath, ['dist/bin/respite-server.js', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
    : spawn('redis-server', [...args, '--logfile', ''], { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 15000;
  for (;;) {
    try {
      const sock = await connectTo(port);
      if ((await sendAndCount(sock, command('PING'), 1)).includes('PONG')) {
        return { name, port, pid: name === 'respite' ? servingPid(child.pid!) : child.pid!, dir, child, sock };
      }
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name} did not start`);
      await sleep(100);
    }
  }
}

/** respite re-executes itself once to size its heap: the serving process is the child. */
function servingPid(pid: number): number {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  const first = r.stdout.trim().split(/\s+/)[0];
  return first ? Number(first) : pid;
}

async function stopServer(s: Srv): Promise<void> {
  s.sock.destroy();
  await new Promise<void>((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
    setTimeout(() => s.child.kill('SIGKILL'), 10000).unref();
  });
  rmSync(s.dir, { recursive: true, force: true });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const key = (i: number): string => `key:${String(i).padStart(12, '0')}`;
const value = (i: number): string => `value-${String(i).padStart(10, '0')}`;

async function load(s: Srv, from: number, to: number): Promise<number> {
  const t0 = performance.now();
  for (let base = from; base < to; base += BATCH) {
    let payload = '';
    const end = Math.min(to, base + BATCH);
    for (let i = base; i < end; i++) payload += command('SET', key(i), value(i));
    await sendAndCount(s.sock, payload, end - base);
  }
  return (performance.now() - t0) / 1000;
}

async function info(sock: Socket): Promise<string> {
  // A bulk reply: header line + body lines; wait for the end marker of the section.
  return new Promise((resolve) => {
    let text = '';
    const onData = (d: Buffer): void => {
      text += d.toString('latin1');
      const m = /^\$(\d+)\r\n/.exec(text);
      if (m !== null && text.length >= m[0].length + Number(m[1]) + 2) {
        sock.off('data', onData);
        resolve(text);
      }
    };
    sock.on('data', onData);
    sock.write(command('INFO', 'persistence'));
  });
}

/** BGSAVE and wait: wall-clock seconds until rdb_bgsave_in_progress is 0 again. */
async function bgsave(s: Srv, poller: Socket): Promise<number> {
  const t0 = performance.now();
  const reply = await sendAndCount(s.sock, command('BGSAVE'), 1);
  if (!reply.includes('Background saving started')) throw new Error(`${s.name} BGSAVE: ${reply}`);
  for (;;) {
    const text = await info(poller);
    if (text.includes('rdb_bgsave_in_progress:0')) {
      if (!text.includes('rdb_last_bgsave_status:ok')) throw new Error(`${s.name} BGSAVE failed`);
      return (performance.now() - t0) / 1000;
    }
    await sleep(10);
  }
}

interface Latency { n: number; p50: number; p99: number; p999: number; max: number }

/** Alternating GET/SET round trips on random keys below `n` until `stop()` is true; appends each round trip's ms to `lat`. */
async function pingPong(sock: Socket, n: number, stop: () => boolean, lat: number[]): Promise<void> {
  for (let j = 0; !stop(); j++) {
    const i = Math.floor(Math.random() * n);
    const t = performance.now();
    if (j % 2 === 0) await sendAndCount(sock, command('GET', key(i)), 2);
    else await sendAndCount(sock, command('SET', key(i), value(i)), 1);
    lat.push(performance.now() - t);
  }
}

function summary(lat: number[]): Latency {
  lat.sort((a, b) => a - b);
  const pct = (p: number): number => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))]!;
  return { n: lat.length, p50: pct(0.5), p99: pct(0.99), p999: pct(0.999), max: lat[lat.length - 1]! };
}

const fmt = (l: Latency): string =>
  `${l.n} round trips, p50 ${l.p50.toFixed(3)} ms, p99 ${l.p99.toFixed(3)} ms, p99.9 ${l.p999.toFixed(3)} ms, max ${l.max.toFixed(1)} ms`;

/**
 * The during-BGSAVE samples are gathered over several BGSAVEs (a 1 M-key save
 * lasts well under a second), each preceded by a baseline window as long as the
 * last save, so that load from elsewhere on the machine hits both sides alike.
 */
const MIN_DURING_SECS = 3;
const MAX_BGSAVES = 8;

async function latencyDuringBgsave(s: Srv, n: number): Promise<void> {
  const client = await connectTo(s.port);
  const poller = await connectTo(s.port);
  const baseLat: number[] = [];
  const duringLat: number[] = [];
  const saveSecs: number[] = [];
  let baseSecs = 0;
  let duringSecs = 0;
  while (saveSecs.length < MAX_BGSAVES && (duringSecs < MIN_DURING_SECS || baseSecs < baselineSecs)) {
    // Baseline: the same client and an INFO poller, no BGSAVE.
    const windowSecs = Math.max(0.5, saveSecs[saveSecs.length - 1] ?? 1);
    let pollingDone = false;
    const deadline = performance.now() + windowSecs * 1000;
    const polling = (async () => { while (!pollingDone) { await info(poller); await sleep(10); } })();
    await pingPong(client, n, () => performance.now() > deadline, baseLat);
    pollingDone = true;
    await polling;
    baseSecs += windowSecs;
    let saving = true;
    const during = pingPong(client, n, () => !saving, duringLat);
    saveSecs.push(await bgsave(s, poller));
    saving = false;
    await during;
    duringSecs += saveSecs[saveSecs.length - 1]!;
  }
  const base = summary(baseLat);
  const d = summary(duringLat);
  console.log(`    ${s.name} without BGSAVE: ${fmt(base)}`);
  console.log(`    ${s.name} during ${saveSecs.length} BGSAVE (${saveSecs.map((x) => x.toFixed(2)).join(', ')} s): ${fmt(d)}; ` +
    `p99 ratio ${(d.p99 / base.p99).toFixed(2)}x (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
  client.destroy();
  poller.destroy();
}

async function main(): Promise<void> {
  const servers: Srv[] = [];
  for (const name of ['respite', 'redis'] as const) if (serverNames.includes(name)) servers.push(await startServer(name));
  try {
    let loaded = 0;
    for (const n of sizes) {
      console.log(`${n} keys (key:%012d → value-%010d):`);
      for (const s of servers) {
        const secs = await load(s, loaded, n);
        const poller = await connectTo(s.port);
        const saveSecs = await bgsave(s, poller);
        const bytes = statSync(join(s.dir, 'dump.rdb')).size;
        const t0 = performance.now();
        const reply = await sendAndCount(s.sock, command('DEBUG', 'RELOAD', 'NOSAVE'), 1);
        const loadSecs = (performance.now() - t0) / 1000;
        if (!reply.includes('OK')) throw new Error(`${s.name} DEBUG RELOAD: ${reply}`);
        const dbsize = (await sendAndCount(s.sock, command('DBSIZE'), 1)).trim();
        poller.destroy();
        console.log(`  ${s.name}: loaded by SET in ${secs.toFixed(1)} s; BGSAVE ${saveSecs.toFixed(2)} s, file ${(bytes / 2 ** 20).toFixed(1)} MiB; ` +
          `load (DEBUG RELOAD NOSAVE) ${loadSecs.toFixed(2)} s, DBSIZE ${dbsize}; RSS ${(rssBytes(s.pid) / 2 ** 30).toFixed(2)} GiB`);
      }
      loaded = n;
      console.log(`  GET/SET round-trip latency, ${n} keys:`);
      for (const s of servers) await latencyDuringBgsave(s, n);
    }
  } finally {
    for (const s of servers) await stopServer(s);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
