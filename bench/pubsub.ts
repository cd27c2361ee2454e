// Pub/sub fan-out benchmark, respite vs redis-server in the same run: one
// publisher, 1,000 subscribers of one channel; deliveries per second and
// p50/p99 delivery latency (publish sent → frame read). Bounded in messages
// and time. Usage: node dist/bench/pubsub.js [subscribers] [messages]

import { connect, type Socket } from 'node:net';
import { rssBytes, startRedisProcess, startRespiteProcess, type BenchServer } from './servers.js';

const SUBSCRIBERS = Number(process.argv[2] ?? 1000);
const MESSAGES = Number(process.argv[3] ?? 2000);
/** PUBLISH commands in flight at once. */
const WINDOW = 16;
const TIME_LIMIT_MS = 60_000;
const CHANNEL = 'bench:fanout';
/** Payload: a fixed-width send time in µs, padded to 64 bytes. */
const PAYLOAD_LEN = 64;
const STAMP_LEN = 16;

function command(...argv: string[]): string {
  return `*${argv.length}\r\n` + argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
}

function nowUs(): number {
  return performance.now() * 1000;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

interface Result {
  deliveriesPerSec: number;
  publishesPerSec: number;
  p50Us: number;
  p99Us: number;
  rssMb: number;
}

async function run(server: BenchServer): Promise<Result> {
  const frameHead = `*3\r\n$7\r\nmessage\r\n$${CHANNEL.length}\r\n${CHANNEL}\r\n$${PAYLOAD_LEN}\r\n`;
  const frameLen = frameHead.length + PAYLOAD_LEN + 2;
  const latencies = new Float64Array(SUBSCRIBERS * MESSAGES);
  let samples = 0;
  let delivered = 0;
  const subs: Socket[] = [];
  // Subscribe everyone and wait for each confirmation before publishing.
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const s = await open(server.port);
    s.setNoDelay(true);
    subs.push(s);
  }
  await Promise.all(subs.map((s) => new Promise<void>((resolve) => {
    s.once('data', () => {
      // After the confirmation: fixed-size frames; the stamp sits at a fixed offset.
      let pending = '';
      s.setEncoding('latin1');
      s.on('data', (chunk: string) => {
        const now = nowUs();
        pending = pending.length === 0 ? chunk : pending + chunk;
        let off = 0;
        while (pending.length - off >= frameLen) {
          const stamp = Number(pending.substr(off + frameHead.length, STAMP_LEN));
          if (samples < latencies.length) latencies[samples++] = now - stamp;
          delivered++;
          off += frameLen;
        }
        pending = pending.slice(off);
      });
      resolve();
    });
    s.write(command('SUBSCRIBE', CHANNEL));
  })));

  const pub = await open(server.port);
  pub.setNoDelay(true);
  pub.setEncoding('latin1');
  const start = performance.now();
  let sent = 0;
  let acked = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${server.name}: time limit reached`)), TIME_LIMIT_MS);
    const send = (): void => {
      while (sent < MESSAGES && sent - acked < WINDOW) {
        const stamp = Math.floor(nowUs()).toString().padStart(STAMP_LEN, '0');
        pub.write(command('PUBLISH', CHANNEL, stamp.padEnd(PAYLOAD_LEN, '.')), 'latin1');
        sent++;
      }
    };
    pub.on('data', (chunk: string) => {
      for (let i = 0; i < chunk.length; i++) if (chunk.charCodeAt(i) === 58 /* ':' */) acked++;
      send();
    });
    const check = setInterval(() => {
      if (acked >= MESSAGES && delivered >= MESSAGES * SUBSCRIBERS) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 1);
    send();
  });
  const elapsedSec = (performance.now() - start) / 1000;
  const rssMb = rssBytes(server.pid) / 1024 / 1024;
  pub.destroy();
  for (const s of subs) s.destroy();
  const sorted = latencies.subarray(0, samples).sort();
  return {
    deliveriesPerSec: delivered / elapsedSec,
    publishesPerSec: MESSAGES / elapsedSec,
    p50Us: sorted[Math.floor(samples * 0.5)]!,
    p99Us: sorted[Math.floor(samples * 0.99)]!,
    rssMb,
  };
}

async function main(): Promise<void> {
  const results: [string, Result][] = [];
  for (const start of [startRedisProcess, startRespiteProcess]) {
    const server = await start();
    try {
      results.push([server.name, await run(server)]);
    } finally {
      await server.stop();
    }
  }
  console.log(`pub/sub fan-out: 1 publisher, ${SUBSCRIBERS} subscribers, ${MESSAGES} messages of ${PAYLOAD_LEN} bytes, window ${WINDOW}`);
  console.log('server   deliveries/s  publishes/s   p50 ms   p99 ms   RSS MB');
  for (const [name, r] of results) {
    console.log(`${name.padEnd(8)} ${r.deliveriesPerSec.toFixed(0).padStart(12)} ${r.publishesPerSec.toFixed(0).padStart(12)}`
      + ` ${(r.p50Us / 1000).toFixed(2).padStart(8)} ${(r.p99Us / 1000).toFixed(2).padStart(8)} ${r.rssMb.toFixed(1).padStart(8)}`);
  }
  const [redis, ours] = [results[0]![1], results[1]![1]];
  console.log(`respite/redis deliveries ratio: ${(ours.deliveriesPerSec / redis.deliveriesPerSec).toFixed(2)}x,`
    + ` p99 ratio: ${(ours.p99Us / redis.p99Us).toFixed(2)}x`);
}

await main();
