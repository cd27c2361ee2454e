// DUMP/RESTORE of lists between respite and redis-server 7.0, both ways.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SideBySide } from './harness.js';
import { redisSkipReason } from '../helpers/servers.js';
import { RawClient } from '../helpers/raw-client.js';

function bulkBytes(raw: string): Buffer {
  const nl = raw.indexOf('\r\n');
  const len = Number(raw.slice(1, nl));
  return Buffer.from(raw.slice(nl + 2, nl + 2 + len), 'latin1');
}

describe('list DUMP/RESTORE interchange', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());
  const lists: string[][] = [
    ['a', 'b', '1', '-77', '100000', 'x'.repeat(100)],
    Array.from({ length: 5000 }, (_, i) => (i % 2 ? `v${i}` : String(i * 7919 - 10000000))),
  ];
  for (const [i, items] of lists.entries()) {
    it(`list ${i} round-trips both ways`, async () => {
      const { redis, respite } = await sbs.connect(2);
      for (const [from, to] of [[redis, respite], [respite, redis]] as [RawClient, RawClient][]) {
        await from.call('DEL', 'k');
        await from.call('RPUSH', 'k', ...items);
        const payload = bulkBytes(await from.call('DUMP', 'k'));
        await to.call('DEL', 'k2');
        assert.equal(await to.call('RESTORE', 'k2', '0', payload), '+OK\r\n');
        assert.equal(await to.call('LRANGE', 'k2', '0', '-1'), await from.call('LRANGE', 'k', '0', '-1'));
      }
      redis.close();
      respite.close();
    });
  }
});
