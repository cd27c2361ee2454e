// Parser fuzz over TCP: seeded random and mutated frames sent to a respite
// server in a child process over many connections. The server must never
// crash or hang (a fresh PING answers after every batch) and its RSS must
// stay bounded. Reproduce a failure with RESPITE_SEED=<seed>.

import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { freePort } from '../helpers/servers.js';
import { RawClient, encodeCommand } from '../helpers/raw-client.js';
import { SeededRandom, testSeed } from '../helpers/seeded-random.js';

const FRAMES = 2000;
const PER_CONNECTION = 4;
const PARALLEL = 25;
const TIME_BUDGET_MS = 15000;

let child: ChildProcess;
let port: number;

function rssKb(pid: number): number {
  const r = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

async function ping(timeoutMs = 3000): Promise<string> {
  const c = await RawClient.connect(port);
  try {
    const reply = c.nextReply(timeoutMs);
    c.write('*1\r\n$4\r\nPING\r\n');
    return await reply;
  } finally {
    c.close();
  }
}

const stats = { connections: 0, closedByServer: 0, replyBytes: 0 };

before(async () => {
  port = await freePort();
  // RESPITE_HEAP_SIZED stops the binary re-executing itself, so child.pid is the server.
  // --save '' with a throwaway dir: random frames must not make the server write a dump.rdb into the tree.
  child = spawn(process.execPath, ['dist/bin/respite-server.js', '--port', String(port), '--loglevel', 'warning',
    '--save', '', '--dir', mkdtempSync(join(tmpdir(), 'respite-fuzz-'))], {
    stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, RESPITE_HEAP_SIZED: '1' },
  });
  const deadline = Date.now() + 10000;
  for (;;) {
    try {
      if ((await ping(1000)) === '+PONG\r\n') break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error('respite-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});

after(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const COMMANDS = ['PING', 'ECHO', 'SET', 'GET', 'INCR', 'MGET', 'DEL', 'NOSUCH', 'ping', 'QUIT'];

function randomBytes(rnd: SeededRandom, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rnd.chance(0.3) ? rnd.pick([13, 10, 42, 36, 43, 45, 34, 39, 92, 32, 48]) : rnd.int(0, 255);
  return b;
}

function validFrame(rnd: SeededRandom): Buffer {
  const name = rnd.pick(COMMANDS.filter((c) => c !== 'QUIT'));
  const argv: (string | Buffer)[] = [name];
  for (let i = rnd.int(0, 3); i > 0; i--) argv.push(randomBytes(rnd, rnd.int(0, 12)));
  if (rnd.chance(0.2)) {
    const words = argv.map((a) => (typeof a === 'string' ? a : a.toString('latin1').replace(/[\r\n]/g, '')));
    return Buffer.from(`${words.join(' ')}\r\n`, 'latin1');
  }
  return encodeCommand(argv);
}

function lengthHeader(rnd: SeededRandom): Buffer {
  const n = rnd.pick(['-1', '-5', '0', '1', '3', '1048577', '536870912', '536870913', '2147483647', '2147483648',
    '9223372036854775807', '99999999999999999999', '01', '+1', ' 1', '', 'x', String(rnd.int(0, 100000))]);
  return Buffer.from(`${rnd.pick(['*', '$'])}${n}\r\n`, 'latin1');
}

/** One fuzzed frame: valid, bit-flipped, truncated, odd length headers, random bytes, or valid plus garbage. */
function fuzzFrame(rnd: SeededRandom, mostlyValid: boolean): Buffer {
  const kind = mostlyValid && rnd.chance(0.9) ? 0 : rnd.int(0, 6);
  switch (kind) {
    case 0: return validFrame(rnd);
    case 1: {
      const f = Buffer.from(validFrame(rnd));
      for (let i = rnd.int(1, 3); i > 0; i--) f[rnd.int(0, f.length - 1)]! ^= 1 << rnd.int(0, 7);
      return f;
    }
    case 2: {
      const f = validFrame(rnd);
      return f.subarray(0, rnd.int(0, f.length - 1));
    }
    case 3: return Buffer.concat([lengthHeader(rnd), lengthHeader(rnd), randomBytes(rnd, rnd.int(0, 30))]);
    case 4: return randomBytes(rnd, rnd.int(1, 200));
    case 5: return Buffer.concat([validFrame(rnd), randomBytes(rnd, rnd.int(1, 40))]);
    default: {
      const quote = rnd.pick(['"', "'"]);
      return Buffer.from(`ECHO ${quote}${randomBytes(rnd, rnd.int(0, 10)).toString('latin1').replace(/[\r\n]/g, '')}${rnd.chance(0.5) ? quote : ''}${rnd.pick(['', 'x', ' '])}\r\n`, 'latin1');
    }
  }
}

/** Sends the frames on one connection in random pieces; resolves when closed or quiet. */
function fuzzConnection(rnd: SeededRandom, frames: Buffer[]): Promise<void> {
  const bytes = Buffer.concat(frames);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length;) {
    const n = rnd.int(1, 300);
    pieces.push(bytes.subarray(i, i + n));
    i += n;
  }
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true });
    let quiet: NodeJS.Timeout | null = null;
    let finished = false;
    const done = (how: 'close' | 'quiet' | Error) => {
      if (finished) return;
      finished = true;
      if (how !== 'quiet') stats.closedByServer++;
      if (quiet) clearTimeout(quiet);
      s.destroy();
      resolve();
    };
    const arm = () => {
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(() => done('quiet'), 150);
    };
    stats.connections++;
    s.on('data', (d: Buffer) => {
      stats.replyBytes += d.length;
      arm();
    });
    s.on('error', done);
    s.on('close', () => done('close'));
    s.on('connect', async () => {
      for (const p of pieces) {
        if (s.destroyed) return;
        s.write(p);
        if (rnd.chance(0.1)) await new Promise((r) => setImmediate(r));
      }
      arm();
    });
  });
}

it('random and mutated frames never crash or hang the server, and memory stays bounded', async () => {
  const seed = testSeed();
  const rnd = new SeededRandom(seed);
  const started = Date.now();
  const rssBefore = rssKb(child.pid!);
  let sent = 0;
  while (sent < FRAMES && Date.now() - started < TIME_BUDGET_MS) {
    const batch: Promise<void>[] = [];
    for (let c = 0; c < PARALLEL && sent < FRAMES; c++) {
      const mostlyValid = rnd.chance(0.5);
      const frames = Array.from({ length: PER_CONNECTION }, () => fuzzFrame(rnd, mostlyValid));
      sent += frames.length;
      batch.push(fuzzConnection(rnd, frames));
    }
    await Promise.all(batch);
    assert.equal(child.exitCode, null, `seed ${seed}: the server exited after ${sent} frames`);
    assert.equal(await ping(3000), '+PONG\r\n', `seed ${seed}: PING after ${sent} frames`);
  }
  assert.ok(sent >= FRAMES / 4, `seed ${seed}: only ${sent} frames within the time budget`);
  const rssAfter = rssKb(child.pid!);
  process.stderr.write(`fuzz: seed ${seed}, ${sent} frames, ${stats.connections} connections (${stats.closedByServer} closed by the server), ${stats.replyBytes} reply bytes, RSS ${rssBefore} → ${rssAfter} kB, ${Date.now() - started} ms\n`);
  assert.ok(rssAfter - rssBefore < 150 * 1024, `seed ${seed}: RSS grew from ${rssBefore} kB to ${rssAfter} kB`);
});
