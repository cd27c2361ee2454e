// AOF cost and exposure, respite against redis-server in the same run:
// SET throughput (redis-benchmark) with no persistence, appendfsync
// everysec and appendfsync always, as ratios to each server's own
// no-persistence rate; and, for everysec, how old the data not yet fsynced
// gets under full write load (what a power loss would take), sampled in
// process every 10 ms.
// Usage: npm run build && node dist/bench/aof.js

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';
import { redisBenchmark } from './workloads.js';
import { startServer } from '../src/index.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300000);
const EXPOSURE_MS = 8000;
const MODES: [string, string[]][] = [
  ['none', []],
  ['everysec', ['--appendonly', 'yes', '--appendfsync', 'everysec']],
  ['always', ['--appendonly', 'yes', '--appendfsync', 'always']],
];

function log(msg: string): void {
  process.stderr.write(`${msg}\n`);
}

async function rate(start: () => Promise<BenchServer>, pipeline: number): Promise<number> {
  const s = await start();
  try {
    return redisBenchmark(s.port, 'set', REQUESTS, pipeline, 50)[0]!.rps;
  } finally {
    await s.stop();
  }
}

/** Age of the oldest unsynced write under load with everysec: max and p99 over 10 ms samples. */
async function everysecExposure(): Promise<{ maxMs: number; p99Ms: number; maxBytes: number; samples: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'respite-aof-bench-'));
  const running = await startServer({ port: 0, config: { dir, appendonly: 'yes', appendfsync: 'everysec' } });
  const aof = running.server.aof;
  const ages: number[] = [];
  let maxBytes = 0;
  const timer = setInterval(() => {
    const unsynced = aof.unsyncedBytes;
    maxBytes = Math.max(maxBytes, unsynced);
    ages.push(unsynced > 0 ? Date.now() - aof.lastFsyncDoneMs : 0);
  }, 10);
  try {
    // Full write load for EXPOSURE_MS, then the client is stopped.
    await new Promise<void>((resolve, reject) => {
      const child = spawn('redis-benchmark', ['-p', String(running.port), '-c', '50', '-n', '100000000', '-P', '16',
        '-t', 'set', '-r', '100000', '-q'], { stdio: 'ignore' });
      const stop = setTimeout(() => child.kill('SIGINT'), EXPOSURE_MS);
      child.on('exit', () => {
        clearTimeout(stop);
        resolve();
      });
      child.on('error', reject);
    });
  } finally {
    clearInterval(timer);
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
  ages.sort((a, b) => a - b);
  return { maxMs: ages[ages.length - 1] ?? 0, p99Ms: ages[Math.floor(ages.length * 0.99)] ?? 0, maxBytes, samples: ages.length };
}

async function main(): Promise<void> {
  const out: string[] = [];
  if (process.env.BENCH_EXPOSURE_ONLY) {
    const e = await everysecExposure();
    process.stdout.write(`${JSON.stringify(e)}\n`);
    return;
  }
  out.push(`redis-benchmark -c 50 -n ${REQUESTS} -t set, requests/s (ratio to the same server without persistence)`);
  out.push('');
  out.push('| -P | mode | respite rps | Redis rps | respite/none | Redis/none |');
  out.push('|---:|---|---:|---:|---:|---:|');
  for (const pipeline of [1, 16]) {
    const base: Record<string, number> = {};
    for (const [mode, args] of MODES) {
      log(`-P ${pipeline} ${mode}`);
      const r = await rate(() => startRespiteProcess([], args), pipeline);
      const d = await rate(() => startRedisProcess(args), pipeline);
      if (mode === 'none') {
        base.respite = r;
        base.redis = d;
      }
      out.push(`| ${pipeline} | ${mode} | ${Math.round(r)} | ${Math.round(d)} | ${(r / base.respite!).toFixed(2)} | ${(d / base.redis!).toFixed(2)} |`);
    }
  }
  log('everysec exposure');
  const e = await everysecExposure();
  out.push('');
  out.push(`appendfsync everysec under redis-benchmark -P 16 SET load (respite in process, ${e.samples} samples every 10 ms): ` +
    `age of the oldest unsynced write p99 ${e.p99Ms} ms, max ${e.maxMs} ms; most bytes unsynced at once ${(e.maxBytes / 1048576).toFixed(1)} MB.`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
