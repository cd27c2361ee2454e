// Throughput/latency workloads via redis-benchmark --csv, and a pipelined
// loader for the memory benchmark.

import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';

export interface Sample {
  test: string;
  rps: number;
  p50: number;
  p99: number;
}

/** Runs redis-benchmark once and parses its CSV (redis-benchmark 7.0 columns). */
export function redisBenchmark(port: number, tests: string, requests: number, pipeline: number, clients = 50): Sample[] {
  const args = ['-h', '127.0.0.1', '-p', String(port), '-c', String(clients), '-n', String(requests), '-P', String(pipeline), '-t', tests, '--csv'];
  const r = spawnSync('redis-benchmark', args, { encoding: 'utf8', timeout: 600000 });
  if (r.status !== 0) throw new Error(`redis-benchmark ${args.join(' ')} failed: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  const header = parseCsvLine(lines[0]!);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i === -1) throw new Error(`redis-benchmark CSV has no ${name} column: ${lines[0]}`);
    return i;
  };
  const [iTest, iRps, iP50, iP99] = [col('test'), col('rps'), col('p50_latency_ms'), col('p99_latency_ms')];
  return lines.slice(1).map((line) => {
    const f = parseCsvLine(line);
    return { test: f[iTest]!, rps: Number(f[iRps]), p50: Number(f[iP50]), p99: Number(f[iP99]) };
  });
}

function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

/** SETs `count` keys `key:<i>` with `valueSize`-byte values, pipelined; resolves when all replies are in. */
export function loadKeys(port: number, count: number, valueSize: number): Promise<void> {
  const value = 'v'.repeat(valueSize);
  const BATCH = 1000;
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' });
    let sent = 0;
    let replies = 0;
    let pending = '';
    const sendBatch = () => {
      let out = '';
      const end = Math.min(count, sent + BATCH);
      for (; sent < end; sent++) {
        const key = `key:${sent}`;
        out += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$${valueSize}\r\n${value}\r\n`;
      }
      s.write(out);
    };
    s.on('connect', () => {
      sendBatch();
      sendBatch();
    });
    s.on('data', (d: Buffer) => {
      pending += d.toString('latin1');
      let pos = 0;
      for (let i = pending.indexOf('\r\n'); i !== -1; i = pending.indexOf('\r\n', pos)) {
        if (i - pos !== 3 || pending.charCodeAt(pos) !== 43 /* + */) {
          s.destroy();
          reject(new Error(`loader got ${pending.slice(pos, i)}`));
          return;
        }
        pos = i + 2;
        replies++;
        // Keep two batches in flight.
        if (replies % BATCH === 0 && sent < count) sendBatch();
      }
      pending = pending.slice(pos);
      if (replies === count) {
        s.end();
        resolve();
      }
    });
    s.on('error', reject);
  });
}
