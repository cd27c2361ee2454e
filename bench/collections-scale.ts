// Large collections against redis-server in the same run: builds one list,
// hash, set and sorted set of N elements in each server (pipelined, 1000
// elements per command), reports build rate and RSS bytes per element, then
// times single-element operations on those big collections with
// redis-benchmark (-c 1 -P 16, i.e. 16 in flight), alternating the servers
// per operation, each after an untimed warm-up of OPS/10 (at most 5000)
// requests. With several sizes (e.g. `1000000 100000`) it also compares
// each operation's rate between the smallest and the largest size, to catch
// operations whose cost grows with the collection.
//
// Usage: node dist/bench/collections-scale.js [elements=1000000] [more sizes...]
//        env OPS (requests per operation, default 50000)

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { command, connectTo, sendAndCount } from './pipeline.js';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (SIZES.length === 0) SIZES.push(1_000_000);
const OPS = Number(process.env.OPS ?? 50_000);
const PER_COMMAND = 1000;
const COMMANDS_PER_BATCH = 10;
/** respite slower than Redis by more than this factor is flagged (the bound). */
const BOUND = 3;
/** Range for fresh names (HSET/SADD/ZADD of new members): collisions are rare. */
const FRESH = 1_000_000_000;

/** Zero-padded like redis-benchmark's __rand_int__, so the benchmark hits built elements. */
const pad = (i: number): string => String(i).padStart(12, '0');

interface Collection {
  type: string;
  key: string;
  /** The build command for elements [from, to). */
  build(from: number, to: number): string[];
}

const COLLECTIONS: Collection[] = [
  { type: 'list', key: 'L', build: (a, b) => { const v = ['RPUSH', 'L']; for (let i = a; i < b; i++) v.push(`e:${pad(i)}`); return v; } },
  { type: 'hash', key: 'H', build: (a, b) => { const v = ['HSET', 'H']; for (let i = a; i < b; i++) v.push(`f:${pad(i)}`, `v:${i}`); return v; } },
  { type: 'set', key: 'S', build: (a, b) => { const v = ['SADD', 'S']; for (let i = a; i < b; i++) v.push(`m:${pad(i)}`); return v; } },
  { type: 'zset', key: 'Z', build: (a, b) => { const v = ['ZADD', 'Z']; for (let i = a; i < b; i++) v.push(String(i), `m:${pad(i)}`); return v; } },
];

interface Op {
  name: string;
  /** Command words for redis-benchmark; __rand_int__ is replaced per request. */
  argv(n: number): string[];
  /** The -r range: n (existing elements) unless the op adds fresh names. */
  fresh?: boolean;
}

const OPERATIONS: Op[] = [
  { name: 'LPUSH', argv: () => ['LPUSH', 'L', 'n:__rand_int__'], fresh: true },
  { name: 'LPOP', argv: () => ['LPOP', 'L'] },
  { name: 'RPOP', argv: () => ['RPOP', 'L'] },
  { name: 'LINDEX middle', argv: (n) => ['LINDEX', 'L', String(Math.floor(n / 2))] },
  { name: 'LRANGE 0 99', argv: () => ['LRANGE', 'L', '0', '99'] },
  { name: 'HSET new field', argv: () => ['HSET', 'H', 'n:__rand_int__', 'v'], fresh: true },
  { name: 'HGET', argv: () => ['HGET', 'H', 'f:__rand_int__'] },
  { name: 'HDEL', argv: () => ['HDEL', 'H', 'f:__rand_int__'] },
  { name: 'SADD new member', argv: () => ['SADD', 'S', 'n:__rand_int__'], fresh: true },
  { name: 'SISMEMBER', argv: () => ['SISMEMBER', 'S', 'm:__rand_int__'] },
  { name: 'SREM', argv: () => ['SREM', 'S', 'm:__rand_int__'] },
  { name: 'SRANDMEMBER', argv: () => ['SRANDMEMBER', 'S'] },
  { name: 'SPOP', argv: () => ['SPOP', 'S'] },
  { name: 'ZADD new member', argv: () => ['ZADD', 'Z', '__rand_int__', 'n:__rand_int__'], fresh: true },
  { name: 'ZSCORE', argv: () => ['ZSCORE', 'Z', 'm:__rand_int__'] },
  { name: 'ZRANK', argv: () => ['ZRANK', 'Z', 'm:__rand_int__'] },
  { name: 'ZRANGE 100 by rank, middle', argv: (n) => ['ZRANGE', 'Z', String(Math.floor(n / 2)), String(Math.floor(n / 2) + 99)] },
  { name: 'ZRANGEBYSCORE LIMIT 0 10', argv: () => ['ZRANGEBYSCORE', 'Z', '__rand_int__', '+inf', 'LIMIT', '0', '10'] },
  { name: 'ZREM', argv: () => ['ZREM', 'Z', 'm:__rand_int__'] },
];

const loadAvg = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
const loads: number[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface BuildResult { rate: number; bytesPerElement: number }

async function buildAll(server: BenchServer, n: number): Promise<Record<string, BuildResult>> {
  const sock = await connectTo(server.port);
  const out: Record<string, BuildResult> = {};
  await sleep(500);
  for (const c of COLLECTIONS) {
    const rss0 = rssBytes(server.pid);
    const t0 = performance.now();
    for (let base = 0; base < n; base += PER_COMMAND * COMMANDS_PER_BATCH) {
      let payload = '';
      let cmds = 0;
      for (let a = base; a < Math.min(n, base + PER_COMMAND * COMMANDS_PER_BATCH); a += PER_COMMAND) {
        payload += command(...c.build(a, Math.min(n, a + PER_COMMAND)));
        cmds++;
      }
      const tail = await sendAndCount(sock, payload, cmds);
      if (tail.includes('-ERR') || tail.includes('-WRONGTYPE')) throw new Error(`${server.name} ${c.type} build: ${tail}`);
    }
    const secs = (performance.now() - t0) / 1000;
    await sleep(2000); // let GC / the allocator settle before reading RSS
    out[c.type] = { rate: n / secs, bytesPerElement: (rssBytes(server.pid) - rss0) / n };
  }
  loads.push(loadAvg());
  sock.destroy();
  return out;
}

/** One request of the op with __rand_int__ filled in: fails loudly if the server answers an error. */
async function preflight(server: BenchServer, op: Op, n: number): Promise<void> {
  const sock = await connectTo(server.port);
  const argv = op.argv(n).map((a) => a.replaceAll('__rand_int__', pad(7)));
  const reply = await sendAndCount(sock, command(...argv), 1);
  sock.destroy();
  if (reply.startsWith('-')) throw new Error(`${server.name}: ${argv.join(' ')} -> ${reply.trim()}`);
}

/** Untimed requests before each timed run, so respite's JIT has compiled the op's path. */
const WARMUP = Math.min(5000, Math.ceil(OPS / 10));

function benchmark(server: BenchServer, op: Op, n: number, requests = OPS): number {
  const args = ['-p', String(server.port), '-c', '1', '-P', '16', '-n', String(requests), '-r', String(op.fresh ? FRESH : n),
    '--csv', ...op.argv(n)];
  const r = spawnSync('redis-benchmark', args, { encoding: 'utf8', timeout: 600_000 });
  const line = r.stdout.trim().split('\n')[1];
  const rps = line ? Number(line.split('","')[1]) : NaN;
  if (!Number.isFinite(rps)) throw new Error(`redis-benchmark failed for ${server.name} ${op.name}: ${r.stdout}${r.stderr}`);
  return rps;
}

interface SizeResult {
  build: Record<string, Record<string, BuildResult>>;
  ops: Record<string, Record<string, number>>;
}

async function runSize(n: number): Promise<SizeResult> {
  const respite = await startRespiteProcess();
  const redis = await startRedisProcess();
  const servers = [respite, redis];
  const result: SizeResult = { build: {}, ops: { respite: {}, redis: {} } };
  try {
    loads.push(loadAvg());
    for (const s of servers) result.build[s.name] = await buildAll(s, n);
    for (const [i, op] of OPERATIONS.entries()) {
      // Alternate which server goes first, so slow drifts in machine load spread over both.
      for (const s of i % 2 === 0 ? servers : [redis, respite]) {
        await preflight(s, op, n);
        benchmark(s, op, n, WARMUP);
        result.ops[s.name]![op.name] = benchmark(s, op, n);
      }
      loads.push(loadAvg());
    }
  } finally {
    await respite.stop();
    await redis.stop();
  }
  return result;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

function report(n: number, r: SizeResult): void {
  console.log(`\n### ${n.toLocaleString('en-US')} elements per collection\n`);
  console.log('| build | respite el/s | redis el/s | respite B/el | redis B/el | memory ratio |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const c of COLLECTIONS) {
    const o = r.build.respite![c.type]!;
    const d = r.build.redis![c.type]!;
    console.log(`| ${c.type} | ${fmt(o.rate)} | ${fmt(d.rate)} | ${o.bytesPerElement.toFixed(1)} | ${d.bytesPerElement.toFixed(1)} | ${(o.bytesPerElement / d.bytesPerElement).toFixed(2)} |`);
  }
  console.log('\n| operation | respite ops/s | redis ops/s | respite/redis | |');
  console.log('|---|---:|---:|---:|---|');
  for (const op of OPERATIONS) {
    const o = r.ops.respite![op.name]!;
    const d = r.ops.redis![op.name]!;
    const flag = o * BOUND < d ? `**over ${BOUND}x slower**` : '';
    console.log(`| ${op.name} | ${fmt(o)} | ${fmt(d)} | ${(o / d).toFixed(2)} | ${flag} |`);
  }
}

function growth(small: number, large: number, rs: SizeResult, rl: SizeResult): void {
  console.log(`\n### Growth: ops/s at ${small.toLocaleString('en-US')} / ops/s at ${large.toLocaleString('en-US')} elements\n`);
  console.log('| operation | respite slowdown | redis slowdown | |');
  console.log('|---|---:|---:|---|');
  for (const op of OPERATIONS) {
    const o = rs.ops.respite![op.name]! / rl.ops.respite![op.name]!;
    const d = rs.ops.redis![op.name]! / rl.ops.redis![op.name]!;
    // Noise on a shared machine easily gives 1.5x; flag a real trend only.
    const flag = o >= 3 && o >= 2 * d ? '**grows with size**' : '';
    console.log(`| ${op.name} | ${o.toFixed(2)} | ${d.toFixed(2)} | ${flag} |`);
  }
}

async function main(): Promise<void> {
  const results = new Map<number, SizeResult>();
  for (const n of SIZES) {
    results.set(n, await runSize(n));
    report(n, results.get(n)!);
  }
  if (SIZES.length > 1) {
    const small = Math.min(...SIZES);
    const large = Math.max(...SIZES);
    growth(small, large, results.get(small)!, results.get(large)!);
  }
  console.log(`\nload average (1 min) during the run: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; ` +
    `redis-benchmark -c 1 -P 16 -n ${OPS} per operation after ${WARMUP} untimed`);
}

void main();
