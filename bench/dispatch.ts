// The server's JS cost per command without sockets: 16-command RESP batches
// through the request parser, the dispatcher, the handler and the reply
// encoder, as a connection runs them. Best of 5 rounds; ns per command.
// Usage: npm run build && node dist/bench/dispatch.js [set,get,incr,mset]

import { Server } from '../src/server/server.js';
import { Client } from '../src/server/client.js';
import { RespEncoder } from '../src/protocol/resp-encoder.js';
import { RequestParser } from '../src/protocol/resp-parser.js';
import { beginCommandBatch, endCommandBatch, execute } from '../src/server/dispatcher.js';
import { Logger } from '../src/server/logger.js';

const BATCHES = 200_000;
const COMMANDS: Record<string, string[]> = {
  set: ['SET', 'key:000000000001', 'xxx'],
  get: ['GET', 'key:000000000001'],
  incr: ['INCR', 'counter:000000000001'],
  mset: ['MSET', ...Array.from({ length: 10 }, (_, i) => [`key:00000000000${i}`, 'xxx']).flat()],
};

function batch(argv: string[]): Buffer {
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += `*${argv.length}\r\n`;
    for (const a of argv) s += `$${a.length}\r\n${a}\r\n`;
  }
  return Buffer.from(s, 'latin1');
}

const server = new Server({ logger: new Logger('warning', null, true) });
const encoder = new RespEncoder();
const client = new Client(server, encoder, '127.0.0.1:1', '127.0.0.1:2', null);
for (const name of (process.argv[2] ?? 'set,get,incr,mset').split(',')) {
  const argv = COMMANDS[name];
  if (argv === undefined) throw new Error(`unknown command set ${name}`);
  const buf = batch(argv);
  const parser = new RequestParser({ maxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 });
  parser.authenticated = true;
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.hrtime.bigint();
    for (let b = 0; b < BATCHES; b++) {
      parser.feed(buf);
      beginCommandBatch();
      for (let cmd = parser.next(); cmd !== null; cmd = parser.next()) execute(client, cmd);
      endCommandBatch();
      encoder.take();
    }
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / (BATCHES * 16));
  }
  process.stdout.write(`${name} ${best.toFixed(0)} ns/command\n`);
}
