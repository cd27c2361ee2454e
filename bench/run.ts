// `npm run bench`: respite against redis-server on this machine, in the same
// run. Throughput and latency (redis-benchmark, alternating servers, medians
// over rounds), memory per key for 1M keys, and optionally a CPU profile.
// Env: BENCH_QUICK=1 (short runs), BENCH_PROFILE=1 (profile respite under
// -P 16 SET/GET), BENCH_REPORT=<file> (also write the markdown report there).

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';
import { loadKeys, redisBenchmark, type Sample } from './workloads.js';
import { topSelfTime } from './profile.js';

const QUICK = process.env.BENCH_QUICK === '1';
const PROFILE = process.env.BENCH_PROFILE === '1';
const ROUNDS = QUICK ? 1 : 3;
const TESTS = 'ping_inline,set,get,incr,mset';
const REQUESTS: Record<number, number> = QUICK ? { 1: 20000, 16: 200000 } : { 1: 200000, 16: 2000000 };
const MEMORY_KEYS = QUICK ? 100_000 : 1_000_000;
const CLIENTS = 50;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const geomean = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Row { test: string; pipeline: number; respite: Sample; redis: Sample }

async function throughput(): Promise<Row[]> {
  const respite = await startRespiteProcess();
  const redis = await startRedisProcess();
  const runs = new Map<string, { respite: Sample[]; redis: Sample[] }>();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const pipeline of [1, 16]) {
        // Alternate which server goes first, so drift (thermal, other load) hits both.
        const order: BenchServer[] = round % 2 === 0 ? [respite, redis] : [redis, respite];
        for (const server of order) {
          log(`round ${round + 1}/${ROUNDS} -P ${pipeline} ${server.name}`);
          for (const s of redisBenchmark(server.port, TESTS, REQUESTS[pipeline]!, pipeline, CLIENTS)) {
            const key = `${pipeline}|${s.test}`;
            const entry = runs.get(key) ?? { respite: [], redis: [] };
            entry[server.name].push(s);
            runs.set(key, entry);
          }
        }
      }
    }
  } finally {
    await respite.stop();
    await redis.stop();
  }
  const summarise = (samples: Sample[]): Sample => ({
    test: samples[0]!.test, rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)), p99: median(samples.map((s) => s.p99)),
  });
  return [...runs.entries()].map(([key, e]) => ({
    test: key.split('|')[1]!, pipeline: Number(key.split('|')[0]), respite: summarise(e.respite), redis: summarise(e.redis),
  }));
}

interface Memory { name: string; before: number; after: number; perKey: number }

async function memory(start: () => Promise<BenchServer>): Promise<Memory> {
  const server = await start();
  try {
    await new Promise((r) => setTimeout(r, 500));
    const before = rssBytes(server.pid);
    log(`memory: loading ${MEMORY_KEYS} keys into ${server.name}`);
    await loadKeys(server.port, MEMORY_KEYS, 16);
    await new Promise((r) => setTimeout(r, 2000)); // let the GC settle
    const after = rssBytes(server.pid);
    return { name: server.name, before, after, perKey: (after - before) / MEMORY_KEYS };
  } finally {
    await server.stop();
  }
}

async function profile(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'respite-prof-'));
  const server = await startRespiteProcess(['--cpu-prof', `--cpu-prof-dir=${dir}`, '--max-old-space-size=4096']);
  try {
    log('profiling respite under redis-benchmark -P 16 -t set,get');
    redisBenchmark(server.port, 'set,get', QUICK ? 200000 : 2000000, 16, CLIENTS);
  } finally {
    await server.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no CPU profile written');
  const top = topSelfTime(join(dir, file), 25);
  rmSync(dir, { recursive: true, force: true });
  return ['| self % | self ms | function |', '|---:|---:|---|',
    ...top.map((t) => `| ${t.percent.toFixed(1)} | ${t.selfMs.toFixed(0)} | \`${t.fn}\` |`)].join('\n');
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main(): Promise<void> {
  const rows = await throughput();
  const memRespite = await memory(startRespiteProcess);
  const memRedis = await memory(startRedisProcess);
  const prof = PROFILE ? await profile() : null;

  const redisVersion = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).trim();
  const out: string[] = [];
  out.push(`Run: ${new Date().toISOString()} — \`${QUICK ? 'BENCH_QUICK=1 ' : ''}${PROFILE ? 'BENCH_PROFILE=1 ' : ''}npm run bench\``);
  out.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}; Node ${process.version}; ${redisVersion}`);
  out.push(`redis-benchmark -c ${CLIENTS} -n ${REQUESTS[1]} (-P 1) / ${REQUESTS[16]} (-P 16) -t ${TESTS} --csv; ` +
    `${ROUNDS} round(s), servers alternating, medians.`);
  out.push('');
  out.push('| test | -P | respite rps | Redis rps | ratio | respite p50/p99 ms | Redis p50/p99 ms |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    out.push(`| ${r.test} | ${r.pipeline} | ${fmt(r.respite.rps)} | ${fmt(r.redis.rps)} | ${(r.respite.rps / r.redis.rps).toFixed(2)} | ` +
      `${r.respite.p50.toFixed(3)} / ${r.respite.p99.toFixed(3)} | ${r.redis.p50.toFixed(3)} / ${r.redis.p99.toFixed(3)} |`);
  }
  out.push('');
  for (const p of [1, 16]) {
    const ratios = rows.filter((r) => r.pipeline === p).map((r) => r.respite.rps / r.redis.rps);
    const target = p === 1 ? 0.8 : 0.55;
    const g = geomean(ratios);
    out.push(`- Geometric mean respite/Redis at -P ${p}: **${g.toFixed(2)}** (target ≥ ${target}: ${g >= target ? 'met' : 'NOT met'})`);
  }
  const memRatio = memRespite.perKey / memRedis.perKey;
  out.push('');
  out.push(`Memory, ${fmt(MEMORY_KEYS)} keys \`key:<i>\` with 16-byte values (pipelined SET), RSS after minus before:`);
  out.push('');
  out.push('| server | RSS before | RSS after | bytes per key |');
  out.push('|---|---:|---:|---:|');
  for (const m of [memRespite, memRedis]) {
    out.push(`| ${m.name} | ${fmt(m.before / 1048576, 1)} MB | ${fmt(m.after / 1048576, 1)} MB | ${fmt(m.perKey, 1)} |`);
  }
  out.push('');
  out.push(`- respite/Redis bytes per key: **${memRatio.toFixed(2)}** (target ≤ 1.6: ${memRatio <= 1.6 ? 'met' : 'NOT met'})`);
  if (prof) {
    out.push('');
    out.push('CPU profile of respite (`node --cpu-prof`) under `redis-benchmark -P 16 -t set,get`, top self time:');
    out.push('');
    out.push(prof);
  }
  const report = out.join('\n');
  process.stdout.write(`${report}\n`);
  if (process.env.BENCH_REPORT) writeFileSync(process.env.BENCH_REPORT, `${report}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
