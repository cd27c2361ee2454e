// The respite-server executable as an operator runs it: Debian's redis.conf
// with command-line overrides, config file errors, signals, SHUTDOWN and
// --version. Every child is spawned on a free port and killed by PID in after().

import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { RawClient } from '../helpers/raw-client.js';
import { freePort } from '../helpers/servers.js';
import { withTimeout } from '../helpers/timeout.js';

const here = dirname(fileURLToPath(import.meta.url));
/** dist/bin/respite-server.js, next to dist/test/protocol/ */
const BIN = resolve(here, '../../bin/respite-server.js');
const DEBIAN_CONF = '/etc/redis/redis.conf';
const START_TIMEOUT_MS = 15000;

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** PIDs to clean up: the launcher and, after it re-executes itself with a sized heap, the server. */
  pids: Set<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: Running[] = [];
const tempDirs: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'respite-cli-'));
  tempDirs.push(d);
  return d;
}

function launch(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  const pids = new Set<number>();
  if (child.pid !== undefined) pids.add(child.pid);
  const collect = (d: Buffer) => {
    out += d.toString('latin1');
    // The server's start-up line names its pid (the re-executed process).
    for (const m of out.matchAll(/pid=(\d+)/g)) pids.add(Number(m[1]));
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.on('exit', (code, signal) => res({ code, signal }));
  });
  const r: Running = { child, port: 0, output: () => out, pids, exited };
  started.push(r);
  return r;
}

async function waitFor(cond: () => boolean, what: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function startServer(args: string[], port: number): Promise<Running> {
  const r = launch(args);
  r.port = port;
  await waitFor(() => r.output().includes('Ready to accept connections') || r.child.exitCode !== null, 'the server to start');
  assert.equal(r.child.exitCode, null, `server exited early:\n${r.output()}`);
  return r;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

after(() => {
  for (const r of started) {
    for (const pid of r.pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

describe('respite-server command line', () => {
  it('starts from a copy of Debian redis.conf with --name value overrides and serves its values', {
    skip: existsSync(DEBIAN_CONF) ? undefined : `${DEBIAN_CONF} not present`,
  }, async () => {
    const dir = tempDir();
    const conf = join(dir, 'redis.conf');
    copyFileSync(DEBIAN_CONF, conf);
    const port = await freePort();
    const pidfile = join(dir, 'respite.pid');
    const r = await startServer([conf, '--port', String(port), '--dir', dir, '--daemonize', 'no', '--logfile', '',
      '--pidfile', pidfile, '--supervised', 'no'], port);
    const c = await RawClient.connect(port);
    try {
      assert.equal(await c.call('PING'), '+PONG\r\n');
      // From the file: bind, databases, slowlog and list settings; from the overrides: port, dir, pidfile.
      assert.equal(await c.call('CONFIG', 'GET', 'bind'), '*2\r\n$4\r\nbind\r\n$14\r\n127.0.0.1 -::1\r\n');
      assert.equal(await c.call('CONFIG', 'GET', 'slowlog-max-len'), '*2\r\n$15\r\nslowlog-max-len\r\n$3\r\n128\r\n');
      assert.equal(await c.call('CONFIG', 'GET', 'tcp-keepalive'), '*2\r\n$13\r\ntcp-keepalive\r\n$3\r\n300\r\n');
      assert.equal(await c.call('CONFIG', 'GET', 'port'), `*2\r\n$4\r\nport\r\n$${String(port).length}\r\n${port}\r\n`);
      assert.equal(await c.call('CONFIG', 'GET', 'daemonize'), '*2\r\n$9\r\ndaemonize\r\n$2\r\nno\r\n');
      assert.equal(await c.call('CONFIG', 'GET', 'pidfile'), `*2\r\n$7\r\npidfile\r\n$${pidfile.length}\r\n${pidfile}\r\n`);
      const configFile = /config_file:(.*)\r\n/.exec(await c.call('INFO', 'server'))?.[1];
      assert.equal(configFile, conf);
      const pid = Number(readFileSync(pidfile, 'latin1').trim());
      assert.ok(r.pids.has(pid), `pidfile names the server process (${pid})`);
    } finally {
      c.close();
    }
    r.child.kill('SIGTERM');
    const { code } = await withTimeout(r.exited, 10000, 'exit after SIGTERM');
    assert.equal(code, 0);
    assert.ok(!existsSync(pidfile), 'the pidfile is removed on a clean exit');
  });

  it('an unknown parameter in the config file exits with code 1 and the FATAL CONFIG FILE ERROR text', () => {
    const dir = tempDir();
    const conf = join(dir, 'bad.conf');
    writeFileSync(conf, 'port 0\nnosuchparam foo\n');
    const res = spawnSync(process.execPath, [BIN, conf], { encoding: 'latin1', timeout: 15000 });
    assert.equal(res.status, 1);
    const text = res.stdout + res.stderr;
    assert.match(text, /\*\*\* FATAL CONFIG FILE ERROR \(Redis 7\.0\.15\) \*\*\*\nReading the configuration file, at line 2\n>>> 'nosuchparam foo'\nBad directive or wrong number of arguments/);
  });

  it('a bad value given as --name value exits with code 1 and names the option', () => {
    const res = spawnSync(process.execPath, [BIN, '--port', '0', '--maxmemory-policy', 'nosuch'], { encoding: 'latin1', timeout: 15000 });
    assert.equal(res.status, 1);
    assert.match(res.stdout + res.stderr, /FATAL CONFIG FILE ERROR[\s\S]*>>> 'maxmemory-policy "nosuch"'/);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} stops the server cleanly with exit code 0 and Redis-style log lines`, async () => {
      const port = await freePort();
      const r = await startServer(['--port', String(port), '--save', ''], port);
      const c = await RawClient.connect(port);
      assert.equal(await c.call('SET', 'k', 'v'), '+OK\r\n');
      c.close();
      r.child.kill(signal);
      const { code } = await withTimeout(r.exited, 10000, `exit after ${signal}`);
      assert.equal(code, 0);
      const out = r.output();
      assert.match(out, new RegExp(`\\d+:M \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{3} # Received ${signal} scheduling shutdown\\.\\.\\.`));
      assert.match(out, /# User requested shutdown\.\.\./);
      assert.match(out, /is now ready to exit, bye bye\.\.\./);
    });
  }

  it('SHUTDOWN makes the process exit (no reply, connection closed); SHUTDOWN SAVE that cannot save is refused', async () => {
    const port = await freePort();
    // The save fails because its directory is gone; without save points a plain SHUTDOWN does not save.
    const dir = mkdtempSync(join(tmpdir(), 'respite-cli-'));
    const r = await startServer(['--port', String(port), '--dir', dir, '--save', ''], port);
    rmSync(dir, { recursive: true, force: true });
    const c = await RawClient.connect(port);
    assert.equal(await c.call('SHUTDOWN', 'SAVE'), '-ERR Errors trying to SHUTDOWN. Check logs.\r\n');
    assert.equal(await c.call('SHUTDOWN', 'ABORT'), '-ERR No shutdown in progress.\r\n');
    c.write('*1\r\n$8\r\nSHUTDOWN\r\n');
    await withTimeout(c.waitClosed(10000), 10000, 'connection closed by SHUTDOWN');
    const { code } = await withTimeout(r.exited, 10000, 'exit after SHUTDOWN');
    assert.equal(code, 0);
    assert.match(r.output(), /Error trying to save the DB, can't exit\./);
  });

  it('--version prints the versions and exits 0', () => {
    const res = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'latin1', timeout: 15000 });
    assert.equal(res.status, 0);
    assert.match(res.stdout, /redis_version=7\.0\.15/);
    assert.match(res.stdout, /^respite-server v=\d+\.\d+\.\d+/);
  });
});
