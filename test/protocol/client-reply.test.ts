// CLIENT REPLY OFF / SKIP / ON on a real redis-server and on respite: the
// bytes a pipelined sequence produces must be identical.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from '../conformance/harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { Conn, sleep } from './client-conn.js';

const END = ['ECHO', 'end-of-sequence'];
const END_REPLY = '$15\r\nend-of-sequence\r\n';

describe('CLIENT REPLY side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  async function output(port: number, commands: string[][]): Promise<string> {
    const c = await Conn.open(port);
    try {
      c.send(...commands, END);
      const deadline = Date.now() + 5000;
      let out = '';
      while (!out.endsWith(END_REPLY)) {
        if (Date.now() > deadline) assert.fail(`no end marker in ${JSON.stringify(out)}`);
        await sleep(5);
        out += c.drain();
      }
      return out;
    } finally {
      c.close();
    }
  }

  const sequences: [string, string[][]][] = [
    ['OFF drops every reply, errors included, until ON', [
      ['CLIENT', 'REPLY', 'OFF'], ['SET', 'reply:k', '1'], ['GET', 'reply:k'], ['NOSUCH'], ['GET'], ['CLIENT', 'REPLY', 'SKIP'],
      ['PING'], ['CLIENT', 'REPLY', 'bad'], ['CLIENT', 'REPLY', 'ON'], ['GET', 'reply:k'],
    ]],
    ['SKIP drops the next reply only', [
      ['CLIENT', 'REPLY', 'SKIP'], ['GET', 'reply:k'], ['PING'], ['CLIENT', 'REPLY', 'SKIP'], ['NOSUCH'], ['PING', 'x'],
      ['CLIENT', 'REPLY', 'SKIP'], ['GET'], ['PING', 'y'],
    ]],
    ['SKIP after SKIP keeps skipping; ON right after SKIP is answered', [
      ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'SKIP'], ['PING', 'dropped'], ['PING', 'kept'],
      ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'ON'], ['PING', 'after-on'],
    ]],
    ['SKIP then OFF stays off; RESET turns replies back on', [
      ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'OFF'], ['PING', 'dropped'], ['RESET'], ['PING', 'after-reset'],
    ]],
    ['RESP3 replies are dropped the same way', [
      ['HELLO', '3'], ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'INFO'], ['GET', 'nokey'], ['CLIENT', 'REPLY', 'OFF'], ['HELLO', '2'],
      ['CLIENT', 'REPLY', 'ON'], ['GET', 'nokey'],
    ]],
  ];

  for (const [name, commands] of sequences) {
    it(name, async () => {
      const [expected, actual] = await Promise.all([output(sbs.redisPort, commands), output(sbs.respitePort, commands)]);
      // HELLO's map carries the client id, which differs between servers.
      const norm = (s: string) => s.replace(/\$2\r\nid\r\n:\d+\r\n/g, '$2\r\nid\r\n:<id>\r\n');
      assert.equal(norm(actual), norm(expected));
    });
  }
});
