// A minimal RESP client for tests: sends argv (or raw bytes) and returns
// replies as raw latin1 text, so replies can be compared byte for byte.

import { connect, type Socket } from 'node:net';
import { replyEnd } from './resp-reader.js';

export function encodeCommand(argv: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
  for (const a of argv) {
    const b = typeof a === 'string' ? Buffer.from(a, 'latin1') : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

export class RawClient {
  private buf = Buffer.alloc(0);
  private waiters: { resolve: (s: string) => void; reject: (e: Error) => void }[] = [];
  private closedError: Error | null = null;
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => {
      this.buf = this.buf.length === 0 ? d : Buffer.concat([this.buf, d]);
      this.drain();
    });
    socket.on('close', () => {
      this.closed = true;
      this.closedError = new Error('connection closed');
      for (const w of this.waiters.splice(0)) w.reject(this.closedError);
    });
    socket.on('error', () => {});
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect({ port, host }, () => {
        s.off('error', reject);
        resolve(new RawClient(s));
      });
      s.once('error', reject);
    });
  }

  /** Sends one command and waits for one reply (raw text). */
  call(...argv: (string | Buffer)[]): Promise<string> {
    const p = this.nextReply();
    this.socket.write(encodeCommand(argv));
    return p;
  }

  /** Sends raw bytes (no reply awaited). */
  write(bytes: string | Buffer): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** Waits for the next reply, with a timeout in ms. */
  nextReply(timeoutMs = 10000): Promise<string> {
    if (this.closedError && this.buf.length === 0) return Promise.reject(this.closedError);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(entry);
        if (i !== -1) this.waiters.splice(i, 1);
        reject(new Error(`no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry = {
        resolve: (s: string) => { clearTimeout(timer); resolve(s); },
        reject: (e: Error) => { clearTimeout(timer); reject(e); },
      };
      this.waiters.push(entry);
      this.drain();
    });
  }

  /** Resolves when the server closes the connection. */
  waitClosed(timeoutMs = 5000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('connection still open')), timeoutMs);
      this.socket.once('close', () => { clearTimeout(timer); resolve(); });
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private drain(): void {
    while (this.waiters.length > 0) {
      const end = replyEnd(this.buf, 0);
      if (end === -1) return;
      const text = this.buf.toString('latin1', 0, end);
      this.buf = this.buf.subarray(end);
      this.waiters.shift()!.resolve(text);
    }
  }
}
