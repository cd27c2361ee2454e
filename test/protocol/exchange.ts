// Raw-socket exchanges for protocol tests: send bytes (optionally in pieces),
// collect everything the server sends until it closes or goes quiet.

import { connect } from 'node:net';
import { replyEnd } from '../helpers/resp-reader.js';

export interface Exchange {
  /** Everything received, as latin1 text. */
  data: string;
  /** Whether the server closed the connection. */
  closed: boolean;
}

export interface ExchangeOptions {
  /** Stop waiting once this many complete replies arrived (then a short grace period). */
  replies?: number;
  /** Give up waiting after this long (ms); the connection is then reported open. */
  timeoutMs?: number;
  /** Send the bytes in pieces of this size, each in its own write after the previous was flushed. */
  chunkSize?: number;
  /** Send the bytes in two writes, split at this offset. */
  splitAt?: number;
  /** Pause between pieces (ms), so each piece arrives in its own read. */
  delayMs?: number;
}

function countReplies(buf: Buffer): number {
  let pos = 0;
  let n = 0;
  for (;;) {
    let end: number;
    try {
      end = replyEnd(buf, pos);
    } catch {
      return n;
    }
    if (end === -1) return n;
    n++;
    pos = end;
  }
}

export function exchange(port: number, bytes: Buffer | string, options: ExchangeOptions = {}): Promise<Exchange> {
  const payload = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  const timeoutMs = options.timeoutMs ?? 1000;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let done = false;
    let grace: NodeJS.Timeout | null = null;
    const socket = connect({ port, host: '127.0.0.1', noDelay: true }, () => void send());
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (grace) clearTimeout(grace);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (d) => {
      chunks.push(d);
      if (options.replies !== undefined && countReplies(Buffer.concat(chunks)) >= options.replies) {
        if (grace) clearTimeout(grace);
        grace = setTimeout(() => finish(socket.readableEnded || socket.destroyed), 50);
      }
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after the server closed on us counts as closed; others are failures.
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') finish(true);
      else if (!done) { done = true; clearTimeout(timer); reject(err); }
    });
    async function send(): Promise<void> {
      const cuts: number[] = [];
      if (options.splitAt !== undefined) cuts.push(options.splitAt);
      else for (let i = options.chunkSize ?? payload.length; i < payload.length; i += options.chunkSize ?? payload.length) cuts.push(i);
      cuts.push(payload.length);
      let from = 0;
      for (const to of cuts) {
        if (done) return;
        await new Promise<void>((r) => socket.write(payload.subarray(from, to), () => r()));
        from = to;
        if (to < payload.length) await new Promise((r) => setTimeout(r, options.delayMs ?? 0));
      }
    }
  });
}
