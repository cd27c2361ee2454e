// Keyspace notifications side by side with redis-server: a subscriber on
// __key*__:* records every message while another connection runs a scripted
// workload; the sequences of (pattern, channel, message) must be equal.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from './harness.js';
import { RawClient } from '../helpers/raw-client.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason } from '../helpers/servers.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A command, or a pause in ms (for TTLs to pass). */
type Step = string[] | number;

interface Workload {
  name: string;
  events: string;
  steps: Step[];
}

const STRINGS: Step[] = [
  ['SET', 'k', 'v'], ['SET', 'k', 'v2', 'XX'], ['SET', 'k', 'v3', 'NX'], ['SET', 'k', 'v', 'GET'], ['SET', 'k', 'v', 'EX', '100'],
  ['SET', 'k', 'v', 'KEEPTTL'], ['SETNX', 'n', '1'], ['SETNX', 'n', '2'], ['SETEX', 'e', '100', 'v'], ['PSETEX', 'e', '100000', 'v'],
  ['GETSET', 'k', 'w'], ['MSET', 'a', '1', 'b', '2'], ['MSETNX', 'c', '1', 'd', '2'], ['MSETNX', 'c', '1', 'z', '2'],
  ['INCR', 'i'], ['DECR', 'i'], ['INCRBY', 'i', '5'], ['DECRBY', 'i', '2'], ['INCRBYFLOAT', 'f', '1.5'], ['INCR', 'k'],
  ['APPEND', 'ap', 'x'], ['APPEND', 'ap', 'y'], ['SETRANGE', 'sr', '3', 'abc'], ['SETRANGE', 'sr', '0', ''], ['SETRANGE', 'none', '0', ''],
  ['GETDEL', 'ap'], ['GETDEL', 'ap'], ['GETEX', 'sr', 'EX', '100'], ['GETEX', 'sr', 'PERSIST'], ['GETEX', 'sr'],
  ['GETEX', 'sr', 'PX', '0'], ['SET', 'k', 'v', 'PX', '0'], ['SET', 'k', 'v', 'EX', '-1'], ['GETEX', 'missing', 'EX', '1'],
  ['SET', 'neg', 'v'], ['SET', 'neg', 'v', 'PXAT', '1'], ['SETEX', 'neg', '0', 'v'],
  // A key stored already expired goes at its next access (not when the active cycle happens to run).
  ['GET', 'neg'],
  ['SET', 'ga', 'v'], ['GETEX', 'ga', 'PXAT', '1'], ['SET', 'gb', 'v'], ['GETEX', 'gb', 'EXAT', '1'], ['SET', 'sx', 'v', 'EXAT', '1'],
  ['GET', 'sx'], ['SET', 'gc', 'v', 'EX', '100'], ['GETEX', 'gc', 'EXAT', '99999999999'], ['GETSET', 'gc', 'w'], ['GETEX', 'gc', 'PERSIST'],
];

const KEYS: Step[] = [
  ['SET', 'k', 'v'], ['EXPIRE', 'k', '100'], ['PEXPIRE', 'k', '100000'], ['EXPIREAT', 'k', '99999999999'], ['PERSIST', 'k'],
  ['PERSIST', 'k'], ['EXPIRE', 'k', '100', 'NX'], ['EXPIRE', 'k', '100', 'NX'], ['EXPIRE', 'k', '-1'], ['EXPIRE', 'k', '10'],
  ['SET', 'k', 'v'], ['PEXPIREAT', 'k', '1'], ['SET', 'k', 'v'], ['DEL', 'k', 'nokey'], ['SET', 'k', 'v'], ['UNLINK', 'k'],
  ['SET', 'r', 'v'], ['RENAME', 'r', 'r2'], ['SET', 'r3', 'x'], ['RENAME', 'r2', 'r3'], ['RENAMENX', 'r3', 'r4'], ['SET', 'r5', 'v'],
  ['RENAMENX', 'r4', 'r5'], ['RENAME', 'r4', 'r4'], ['SET', 'm', 'v'], ['MOVE', 'm', '3'], ['SET', 'c', 'v'], ['COPY', 'c', 'c2'],
  ['COPY', 'c', 'c2'], ['COPY', 'c', 'c2', 'REPLACE'], ['COPY', 'c', 'c9', 'DB', '4'], ['SET', 'x', 'v', 'PX', '5'], 60, ['GET', 'x'],
  ['SET', 'y', 'v', 'PX', '5'], 500, ['SET', 'p', 'v'], ['DUMP', 'p'], ['SWAPDB', '0', '3'], ['SWAPDB', '0', '3'],
  ['RESTORE-DUMP-OF', 'p', 'p2'], ['RESTORE-DUMP-OF', 'p', 'p2'], ['RESTORE-DUMP-OF', 'p', 'p2', 'REPLACE'],
  ['SET', 'g', '5'], ['EXPIRE', 'g', '100', 'GT'], ['EXPIRE', 'g', '100', 'LT'], ['EXPIRE', 'g', '200', 'GT'], ['EXPIRE', 'nokey', '1'],
  ['TOUCH', 'g', 'nokey'], ['DEL', 'g', 'p', 'p2', 'nokey'],
  ['SELECT', '4'], ['SET', 'k4', 'v'], ['EXPIRE', 'k4', '100'], ['FLUSHDB'], ['SELECT', '0'], ['FLUSHALL'],
];

const workloads: Workload[] = [
  { name: 'string commands, K and E for every class', events: 'KEA', steps: STRINGS },
  { name: 'generic commands and expiry, K and E for every class', events: 'KEA', steps: KEYS },
  { name: 'keyevent only, string class only', events: 'E$', steps: [...STRINGS, ...KEYS] },
  { name: 'keyspace only, generic and expired classes', events: 'Kgx', steps: [...STRINGS, ...KEYS] },
  { name: 'new-key and key-miss events', events: 'KEnm', steps: [
    ['SET', 'a', '1'], ['SET', 'a', '2'], ['GET', 'a'], ['GET', 'nokey'], ['MGET', 'a', 'b', 'c'], ['EXISTS', 'q'],
    ['INCR', 'i'], ['APPEND', 'ap', 'x'], ['MSET', 'a', '1', 'b', '2'], ['SETRANGE', 'sr', '1', 'x'], ['GETDEL', 'b'],
    ['STRLEN', 'nokey'], ['GETRANGE', 'nokey', '0', '1'], ['TYPE', 'nokey'], ['TTL', 'nokey'], ['COPY', 'a', 'a2'],
    ['RENAME', 'a2', 'a3'], ['MOVE', 'a3', '2'],
  ] },
  { name: 'notifications off: nothing published', events: '', steps: [['SET', 'a', '1'], ['DEL', 'a']] },
];

/** Runs a workload on one server and returns every message the pattern subscriber got. */
async function record(port: number, w: Workload): Promise<Decoded[]> {
  const [sub, cli] = await Promise.all([RawClient.connect(port), RawClient.connect(port)]);
  try {
    await cli.call('FLUSHALL');
    await cli.call('CONFIG', 'SET', 'notify-keyspace-events', w.events);
    await sub.call('PSUBSCRIBE', '__key*__:*');
    for (const step of w.steps) {
      if (typeof step === 'number') {
        await sleep(step);
      } else if (step[0] === 'RESTORE-DUMP-OF') {
        // RESTORE needs this server's own DUMP payload.
        const dump = decodeReply(Buffer.from(await cli.call('DUMP', step[1]!), 'latin1'))[0] as string;
        await cli.call('RESTORE', step[2]!, '0', Buffer.from(dump, 'latin1'), ...step.slice(3));
      } else {
        await cli.call(...step);
      }
    }
    // A marker that is not a keyspace event ends the recording.
    await cli.call('PUBLISH', '__keyspace@99__:end', 'end');
    const out: Decoded[] = [];
    for (let i = 0; i < 1000; i++) {
      const msg = decodeReply(Buffer.from(await sub.nextReply(3000), 'latin1'))[0]!;
      if (Array.isArray(msg) && msg[2] === '__keyspace@99__:end') break;
      out.push(msg);
    }
    return out;
  } finally {
    await cli.call('CONFIG', 'SET', 'notify-keyspace-events', '');
    sub.close();
    cli.close();
  }
}

describe('keyspace notifications side by side', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  for (const w of workloads) {
    it(w.name, async () => {
      const expected = await record(sbs.redisPort, w);
      const actual = await record(sbs.respitePort, w);
      assert.deepEqual(actual, expected);
      if (w.events !== '') assert.ok(expected.length > 0);
    });
  }
});
