// respite-server (the built binary) or redis-server as a child process in a
// given directory, for persistence tests that restart, kill or inspect files.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from './raw-client.js';
import { freePort } from './servers.js';

export const BIN = join(process.cwd(), 'dist', 'bin', 'respite-server.js');

export interface ServerProcess {
  port: number;
  child: ChildProcess;
  output: () => string;
  client: RawClient;
  /** SIGKILL (what a crash looks like) and wait for the exit. */
  stop(): Promise<void>;
}

export class ExitError extends Error {
  constructor(readonly code: number, readonly output: string) {
    super(`exited with ${code}: ${output}`);
  }
}

/** Temporary directories, removed by removeTempDirs(). */
export class TempDirs {
  private readonly dirs: string[] = [];
  constructor(private readonly prefix: string) {}
  make(): string {
    const d = mkdtempSync(join(tmpdir(), this.prefix));
    this.dirs.push(d);
    return d;
  }
  removeAll(): void {
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }
}

/** Spawns the server; `port` may be given (e.g. to connect while it loads). */
export function spawnServer(kind: 'respite' | 'redis', dir: string, extra: string[], port: number): ChildProcess {
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--dbfilename', 'dump.rdb', '--save', '',
    '--enable-debug-command', 'yes', ...(kind === 'redis' ? ['--appendonly', 'no', '--daemonize', 'no', '--logfile', ''] : []),
    ...extra,
  ];
  return kind === 'respite'
    ? spawn(process.execPath, [BIN, ...args], { env: { ...process.env, RESPITE_HEAP_SIZED: '1' } })
    : spawn('redis-server', args);
}

/** Starts respite (binary) or redis-server on a free port in `dir`; rejects with the output if it exits. */
export async function startServerProcess(kind: 'respite' | 'redis', dir: string, extra: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawnServer(kind, dir, extra, port);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) throw new ExitError(child.exitCode, out);
    try {
      const client = await RawClient.connect(port);
      const pong = await client.call('PING');
      if (pong !== '+PONG\r\n') throw new Error(pong);
      return {
        port, child, client, output: () => out,
        stop: () => new Promise<void>((resolve) => {
          client.close();
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
      };
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`${kind} did not start: ${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Waits for a process to exit by itself (bounded). */
export function exited(child: ChildProcess, ms = 15000): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('process did not exit')), ms);
    child.once('exit', (code) => {
      clearTimeout(t);
      resolve(code);
    });
  });
}
