// For every command and subcommand in respite's table, COMMAND INFO and
// COMMAND DOCS must equal the real redis-server's byte for byte (RESP2 and
// RESP3; only the hash order of subcommands is normalized), and every
// command must exist in Redis 7.0 unless it is a declared respite extension.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RawClient } from '../helpers/raw-client.js';
import { decodeReply } from '../helpers/resp-reader.js';
import { redisSkipReason, startRealRedis, startRespite, type RealRedis } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';
import { normalizeDocs, normalizeInfo } from './resp-tree.js';

/** Commands respite offers that Redis 7.0 does not (none yet). */
export const RESPITE_EXTENSIONS: readonly string[] = [];

async function names(client: RawClient): Promise<string[]> {
  return decodeReply(Buffer.from(await client.call('COMMAND', 'LIST'), 'latin1'))[0] as string[];
}

describe('command table metadata equals redis-server 7.0', { skip: redisSkipReason() }, () => {
  let real: RealRedis;
  let ours: RunningServer;
  const pairs = new Map<2 | 3, { redis: RawClient; respite: RawClient }>();

  before(async () => {
    real = await startRealRedis();
    ours = await startRespite();
    for (const resp of [2, 3] as const) {
      const redis = await RawClient.connect(real.port);
      const respite = await RawClient.connect(ours.port);
      if (resp === 3) {
        await redis.call('HELLO', '3');
        await respite.call('HELLO', '3');
      }
      pairs.set(resp, { redis, respite });
    }
  });

  after(async () => {
    for (const p of pairs.values()) {
      p.redis.close();
      p.respite.close();
    }
    await real.stop();
    await ours.close();
  });

  it('every command in the table exists in Redis 7.0 or is a declared extension', async () => {
    const { redis, respite } = pairs.get(2)!;
    const known = new Set(await names(redis));
    const extra = (await names(respite)).filter((n) => !known.has(n) && !RESPITE_EXTENSIONS.includes(n.split('|')[0]!));
    assert.deepEqual(extra, []);
  });

  it('COMMAND COUNT counts top-level commands only', async () => {
    const { respite } = pairs.get(2)!;
    const top = (await names(respite)).filter((n) => !n.includes('|')).length;
    assert.equal(await respite.call('COMMAND', 'COUNT'), `:${top}\r\n`);
  });

  for (const resp of [2, 3] as const) {
    it(`COMMAND INFO and COMMAND DOCS of every implemented command equal Redis's [RESP${resp}]`, async () => {
      const { redis, respite } = pairs.get(resp)!;
      const all = (await names(pairs.get(2)!.respite)).filter((n) => !RESPITE_EXTENSIONS.includes(n.split('|')[0]!)).sort();
      assert.ok(all.length > 0);
      const failures: string[] = [];
      for (const name of all) {
        const [ri, oi] = await Promise.all([redis.call('COMMAND', 'INFO', name), respite.call('COMMAND', 'INFO', name)]);
        if (normalizeInfo(ri) !== normalizeInfo(oi)) {
          failures.push(`COMMAND INFO ${name}\n    redis:   ${JSON.stringify(normalizeInfo(ri))}\n    respite: ${JSON.stringify(normalizeInfo(oi))}`);
        }
        const [rd, od] = await Promise.all([redis.call('COMMAND', 'DOCS', name), respite.call('COMMAND', 'DOCS', name)]);
        if (normalizeDocs(rd) !== normalizeDocs(od)) {
          failures.push(`COMMAND DOCS ${name}\n    redis:   ${JSON.stringify(normalizeDocs(rd))}\n    respite: ${JSON.stringify(normalizeDocs(od))}`);
        }
      }
      assert.equal(failures.length, 0, `${failures.length} mismatches (first 5):\n${failures.slice(0, 5).join('\n')}`);
    });
  }
});
