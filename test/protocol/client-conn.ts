// A test connection that records everything the server sends (replies,
// MONITOR lines) and whether it closed, for multi-connection scenarios run
// on a real redis-server and on respite and compared afterwards.

import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { encodeCommand } from '../helpers/raw-client.js';
import { replyEnd } from '../helpers/resp-reader.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Conn {
  private buf = Buffer.alloc(0);
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); });
    socket.on('close', () => { this.closed = true; });
    socket.on('error', () => {});
  }

  static open(port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const s = connect({ port, host: '127.0.0.1' }, () => {
        s.off('error', reject);
        resolve(new Conn(s));
      });
      s.once('error', reject);
    });
  }

  /** Sends commands without waiting. */
  send(...commands: string[][]): void {
    this.socket.write(Buffer.concat(commands.map((c) => encodeCommand(c))));
  }

  write(raw: string): void {
    this.socket.write(Buffer.from(raw, 'latin1'));
  }

  /** Complete replies received so far (not consumed). */
  get replies(): string[] {
    const out: string[] = [];
    let pos = 0;
    for (;;) {
      const end = replyEnd(this.buf, pos);
      if (end === -1) return out;
      out.push(this.buf.toString('latin1', pos, end));
      pos = end;
    }
  }

  /** Waits until `n` replies are buffered, takes and returns them. */
  async take(n: number, timeoutMs = 5000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < n) {
      if (Date.now() > deadline) assert.fail(`expected ${n} replies, have ${JSON.stringify(this.replies)} (closed: ${this.closed})`);
      await sleep(5);
    }
    const all = this.replies.slice(0, n);
    this.buf = this.buf.subarray(all.reduce((t, r) => t + Buffer.byteLength(r, 'latin1'), 0));
    return all;
  }

  /** Sends one command and returns its reply. */
  async call(...argv: string[]): Promise<string> {
    this.send(argv);
    return (await this.take(1))[0]!;
  }

  /** Everything received and not taken yet, as text (consumes it). */
  drain(): string {
    const s = this.buf.toString('latin1');
    this.buf = Buffer.alloc(0);
    return s;
  }

  async waitClosed(timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await sleep(5);
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The integer of a `:n` reply. */
export function intOf(reply: string): number {
  assert.match(reply, /^:-?\d+\r\n$/);
  return Number(reply.slice(1, -2));
}

/** The body of a bulk or verbatim reply. */
export function textOf(reply: string): string {
  const start = reply.indexOf('\r\n') + 2;
  const body = reply.slice(start, reply.length - 2);
  return reply[0] === '=' ? body.slice(4) : body;
}

/** A CLIENT INFO / LIST line's fields. */
export function fields(line: string): Map<string, string> {
  return new Map(line.trim().split(' ').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

/** Waits until the server lists exactly `n` clients (closed connections take a moment to go). */
export async function waitClientCount(probe: Conn, n: number, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = textOf(await probe.call('CLIENT', 'LIST')).split('\n').filter((l) => l !== '');
    if (lines.length === n) return;
    if (Date.now() > deadline) assert.fail(`expected ${n} clients, server lists ${lines.length}`);
    await sleep(10);
  }
}
