// A bare pipelined RESP connection for benchmarks that load many keys: send a
// batch of commands, wait until that many single-line replies have come back.

import { connect, type Socket } from 'node:net';

export async function connectTo(port: number): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

/**
 * Sends `payload` and resolves with the tail of the output once `replies`
 * newline-terminated replies have arrived (callers send commands whose
 * replies are one line each).
 */
export function sendAndCount(sock: Socket, payload: string, replies: number): Promise<string> {
  return new Promise((resolve) => {
    let seen = 0;
    let tail = '';
    const onData = (d: Buffer) => {
      const text = d.toString('latin1');
      tail = (tail + text).slice(-200);
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) seen++;
      if (seen >= replies) {
        sock.off('data', onData);
        resolve(tail);
      }
    };
    sock.on('data', onData);
    sock.write(payload, 'latin1');
  });
}

/** RESP encoding of one command. */
export function command(...argv: string[]): string {
  let out = `*${argv.length}\r\n`;
  for (const a of argv) out += `$${a.length}\r\n${a}\r\n`;
  return out;
}
