// Servers for tests: respite in process on a free port, and the real
// redis-server (Debian's 7.0 binary) spawned on a free port. When
// redis-server is missing, side-by-side tests FAIL under CI=true and are
// skipped, loudly, when run locally.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartServerOptions } from '../../src/index.js';
import { RawClient } from './raw-client.js';

export async function startRespite(options: StartServerOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, ...options });
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

let redisAvailable: boolean | null = null;

/** Whether a real redis-server can be run here. */
export function hasRedisServer(): boolean {
  if (redisAvailable === null) {
    const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
    redisAvailable = r.status === 0 && r.stdout.includes('v=7.');
  }
  return redisAvailable;
}

/**
 * The `skip` option for node:test: undefined when redis-server is there;
 * throws under CI so the suite fails; a loud skip reason locally.
 */
export function redisSkipReason(): string | undefined {
  if (hasRedisServer()) return undefined;
  if (process.env.CI) throw new Error('redis-server 7.x is required for side-by-side tests under CI (apt-get install redis-server)');
  const msg = 'SKIPPED: redis-server 7.x not found; side-by-side tests did not run (install redis-server)';
  process.stderr.write(`\n*** ${msg} ***\n\n`);
  return msg;
}

export interface RealRedis {
  port: number;
  stop(): Promise<void>;
}

export async function startRealRedis(extraArgs: string[] = []): Promise<RealRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'respite-redis-'));
  const child: ChildProcess = spawn('redis-server', [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--dir', dir, '--daemonize', 'no', '--logfile', '', '--loglevel', 'warning', ...extraArgs,
  ], { stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      const c = await RawClient.connect(port);
      await c.call('PING');
      c.close();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        rmSync(dir, { recursive: true, force: true });
        resolve();
        return;
      }
      child.once('exit', () => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      });
      child.kill('SIGKILL');
    }),
  };
}
