// Benchmark servers: respite (the built binary) and redis-server, each in its
// own process on a free port, with their RSS readable from /proc via ps.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchServer {
  name: 'respite' | 'redis';
  port: number;
  /** The process that serves (respite re-executes itself once to size its heap). */
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function rssBytes(pid: number): number {
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(r.stdout.trim()) * 1024;
}

function childPid(pid: number): number | null {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  const first = r.stdout.trim().split(/\s+/)[0];
  return first ? Number(first) : null;
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
      s.on('data', (d) => { s.destroy(); resolve(d.toString().startsWith('+PONG')); });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopper(child: ChildProcess, cleanup: () => void): () => Promise<void> {
  return () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      cleanup();
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(timer);
      cleanup();
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the built respite-server; `nodeArgs` (e.g. --cpu-prof) go to the serving process. */
/** `extraArgs` are server options (e.g. --appendonly yes); each server gets a temporary --dir. */
export async function startRespiteProcess(nodeArgs: string[] = [], extraArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'respite-bench-'));
  const env = { ...process.env };
  // With node flags we size the heap ourselves, so the flags reach the serving process.
  if (nodeArgs.length > 0) env.RESPITE_HEAP_SIZED = '1';
  const child = spawn(process.execPath, [...nodeArgs, 'dist/bin/respite-server.js', '--port', String(port),
    '--save', '', '--appendonly', 'no', '--loglevel', 'warning', '--dir', dir, ...extraArgs],
  { stdio: ['ignore', 'ignore', 'inherit'], env });
  await waitReady(port, child);
  const pid = nodeArgs.length > 0 ? child.pid! : (childPid(child.pid!) ?? child.pid!);
  return { name: 'respite', port, pid, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}

export async function startRedisProcess(extraArgs: string[] = []): Promise<BenchServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'respite-bench-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--logfile', '', '--loglevel', 'warning', ...extraArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  await waitReady(port, child);
  return { name: 'redis', port, pid: child.pid!, stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })) };
}
