// respite-server --import-json / --export-json end to end: the built binary
// imports at start-up (after dump.rdb) and serves, exports the persisted data
// and exits, and refuses malformed files with the file, line and offset.
// Every server runs on a port the OS picks and is killed by PID.

import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RawClient } from '../helpers/raw-client.js';
import { TempDirs } from '../helpers/server-process.js';
import { withTimeout } from '../helpers/timeout.js';

const BIN = join(process.cwd(), 'dist', 'bin', 'respite-server.js');
const children: ChildProcess[] = [];
const temp = new TempDirs('respite-json-cli-');
const tempDir = (): string => temp.make();

after(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null && c.pid !== undefined) c.kill('SIGKILL');
  temp.removeAll();
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns the binary (heap already sized: one process, one PID) in `cwd`. */
function launch(args: string[], cwd: string): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, RESPITE_HEAP_SIZED: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString('utf8'); });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, output: () => out, exited };
}

/** Starts a server and returns it with its port (read from the "Ready" line). */
async function serve(args: string[], cwd: string): Promise<Run & { port: number }> {
  const r = launch(['--port', '0', '--bind', '127.0.0.1', '--save', '', ...args], cwd);
  const deadline = Date.now() + 15_000;
  let m: RegExpMatchArray | null = null;
  while ((m = /Ready to accept connections tcp on [^\s]+:(\d+)/.exec(r.output())) === null) {
    if (r.child.exitCode !== null) assert.fail(`server exited:\n${r.output()}`);
    if (Date.now() > deadline) assert.fail(`server did not start:\n${r.output()}`);
    await new Promise((res) => setTimeout(res, 25));
  }
  return { ...r, port: Number(m[1]) };
}

async function stop(r: Run): Promise<void> {
  r.child.kill('SIGKILL');
  await withTimeout(r.exited, 5000, 'server exit');
}

const SEED = `{
"greeting": {"String": "héllo 😀"},
"counter": {"Integer": 9223372036854775806},
"list": {"List": ["a", {"Binary": [255, 0]}], "expires_at_ms": 4102444800000},
"old": {"String": "expired", "expires_at_ms": 1000}
}`;

describe('respite-server --import-json / --export-json', () => {
  it('imports at start-up (paths relative to the launch directory), then serves', async () => {
    const launchDir = tempDir();
    const dataDir = tempDir();
    writeFileSync(join(launchDir, 'seed.json'), SEED);
    const r = await serve(['--dir', dataDir, '--import-json', 'seed.json'], launchDir);
    try {
      assert.match(r.output(), /JSON imported from '.*seed\.json': 3 keys loaded \(0 replaced existing keys\), 1 expired keys skipped/);
      assert.ok(!r.output().includes('\r'), 'no progress bar when the output is not a terminal');
      const c = await RawClient.connect(r.port);
      assert.equal(await c.call('GET', 'greeting'), `$11\r\n${Buffer.from('héllo 😀').toString('latin1')}\r\n`);
      assert.equal(await c.call('INCR', 'counter'), ':9223372036854775807\r\n');
      assert.equal(await c.call('LRANGE', 'list', '0', '-1'), '*2\r\n$1\r\na\r\n$2\r\n\xff\x00\r\n');
      assert.equal(await c.call('PEXPIRETIME', 'list'), ':4102444800000\r\n');
      assert.equal(await c.call('EXISTS', 'old'), ':0\r\n');
      c.close();
    } finally {
      await stop(r);
    }
  });

  it('exports what the server would load (dump.rdb plus --import-json) and exits without serving', async () => {
    const dir = tempDir();
    // A dump.rdb with a key in db 2 and one the JSON file replaces.
    const first = await serve(['--dir', dir], dir);
    const c = await RawClient.connect(first.port);
    await c.call('SELECT', '2');
    await c.call('SADD', 'set', 'x', 'y');
    await c.call('SELECT', '0');
    await c.call('SET', 'greeting', 'replaced by the file');
    assert.equal(await c.call('SAVE'), '+OK\r\n');
    c.close();
    await stop(first);
    writeFileSync(join(dir, 'seed.json'), SEED);
    const r = launch(['--port', '0', '--save', '', '--dir', dir, '--import-json', 'seed.json', '--export-json', 'out.json'], dir);
    assert.equal(await withTimeout(r.exited, 15_000, 'export'), 0, r.output());
    assert.match(r.output(), /JSON exported to '.*out\.json': 4 keys/);
    assert.ok(!r.output().includes('Ready to accept connections'));
    const parsed = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { databases: Record<string, Record<string, unknown>> };
    assert.deepEqual(parsed.databases['0'], {
      greeting: { String: 'héllo 😀' },
      counter: { Integer: 9223372036854775806 },
      list: { List: ['a', { Binary: [255, 0] }], expires_at_ms: 4102444800000 },
    });
    assert.deepEqual(Object.keys(parsed.databases['2']!), ['set']);
    // No temporary file is left behind.
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), []);

    // The exported file, imported again, exports the same data.
    const again = launch(['--port', '0', '--save', '', '--dir', tempDir(), '--import-json', join(dir, 'out.json'), '--export-json', join(dir, 'out2.json')], dir);
    assert.equal(await withTimeout(again.exited, 15_000, 'export'), 0, again.output());
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'out2.json'), 'utf8')), parsed);
  });

  it('refuses a malformed file with its name, line and offset, before serving', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"a": {"String": "x"},\n "b": {"String": "\\x"}}');
    const r = launch(['--port', '0', '--save', '', '--dir', dir, '--import-json', 'bad.json'], dir);
    assert.equal(await withTimeout(r.exited, 15_000, 'exit'), 1);
    assert.match(r.output(), new RegExp(`Fatal error importing JSON: Bad JSON in '${join(dir, 'bad.json')}' at line 2, column 19 \\(byte offset 41\\): invalid escape '\\\\x' inside a string\\. 1 keys had been loaded before the error\\. Exiting without serving or saving\\.`));
    assert.ok(!r.output().includes('Ready to accept connections'));
    assert.ok(!existsSync(join(dir, 'dump.rdb')));

    writeFileSync(join(dir, 'stream.json'), '{"s": {"Stream": []}}');
    const s = launch(['--port', '0', '--save', '', '--dir', dir, '--import-json', 'stream.json'], dir);
    assert.equal(await withTimeout(s.exited, 15_000, 'exit'), 1);
    assert.match(s.output(), /key "s": Stream values are not supported/);
  });

  it('reports a missing file, a missing file name and an unwritable export path', async () => {
    const dir = tempDir();
    const missing = launch(['--port', '0', '--save', '', '--import-json', 'nope.json'], dir);
    assert.equal(await withTimeout(missing.exited, 15_000, 'exit'), 1);
    assert.match(missing.output(), /Fatal error importing JSON: can't read '.*nope\.json': ENOENT/);

    const usage = launch(['--port', '0', '--import-json'], dir);
    assert.equal(await withTimeout(usage.exited, 15_000, 'exit'), 1);
    assert.match(usage.output(), /--import-json needs a file name/);

    const unwritable = launch(['--port', '0', '--save', '', '--export-json', join(dir, 'no-such-dir', 'x.json')], dir);
    assert.equal(await withTimeout(unwritable.exited, 15_000, 'exit'), 1);
    assert.match(unwritable.output(), /Fatal error exporting JSON to '.*x\.json': ENOENT/);
  });
});
