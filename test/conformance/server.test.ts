// Side-by-side tests of the server group: COMMAND, CONFIG, INFO, TIME, LASTSAVE.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { conformanceSuite, SideBySide } from './harness.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason } from '../helpers/servers.js';

conformanceSuite('COMMAND', [
  { name: 'COMMAND errors and arity', steps: [
    ['COMMAND', 'NOSUCH'], ['COMMAND', 'COUNT', 'x'], ['COMMAND', 'HELP'], ['COMMAND', 'GETKEYS'], ['COMMAND', 'GETKEYS', 'command'],
    ['COMMAND', 'GETKEYS', 'nosuch', 'a'], ['COMMAND', 'GETKEYS', 'config|get', 'x'], ['COMMAND', 'GETKEYS', 'command', 'info'],
    ['COMMAND', 'GETKEYS', 'ping', 'x'], ['COMMAND', 'GETKEYSANDFLAGS', 'echo', 'x'],
  ] },
  { name: 'COMMAND INFO and DOCS of unknown names', steps: [
    ['COMMAND', 'INFO', 'nosuch'], ['COMMAND', 'INFO', 'nosuch', 'command|nosuch', 'a|b|c'], ['COMMAND', 'DOCS', 'nosuch'],
    ['COMMAND', 'INFO', 'COMMAND|COUNT'], ['COMMAND', 'DOCS', 'Command|Count'], ['COMMAND', 'INFO', 'TIME', 'lastsave'],
  ] },
  { name: 'COMMAND LIST filters', steps: [
    ['COMMAND', 'LIST', 'FILTERBY', 'MODULE', 'x'], ['COMMAND', 'LIST', 'FILTERBY', 'ACLCAT', 'nosuch'],
    ['COMMAND', 'LIST', 'FILTERBY', 'foo', 'x'], ['COMMAND', 'LIST', 'foo'], ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN'],
    { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'config*'], relax: 'sorted' },
    { cmd: ['COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'CONFIG|[gs]et'], relax: 'sorted' },
  ] },
]);

conformanceSuite('CONFIG', [
  { name: 'CONFIG GET single names, aliases and patterns', steps: [
    ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'GET', 'hash-max-ziplist-entries'], ['CONFIG', 'GET', 'HZ'],
    ['CONFIG', 'GET', 'nosuch'], ['CONFIG', 'GET', 'watchdog-period'], ['CONFIG', 'GET', 'watchdog*'],
    { cmd: ['CONFIG', 'GET', '*max-*-entries*'], relax: 'pairs' }, { cmd: ['CONFIG', 'GET', 'hz', 'maxmemory*', 'hz'], relax: 'pairs' },
    { cmd: ['CONFIG', 'GET', 'slave*'], relax: 'pairs' }, ['CONFIG', 'GET'],
  ] },
  { name: 'CONFIG SET values, canonical forms and errors', steps: [
    ['CONFIG', 'SET', 'hz', '15'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'SET', 'hz', '10'],
    ['CONFIG', 'SET', 'maxmemory', '1GB'], ['CONFIG', 'GET', 'maxmemory'], ['CONFIG', 'SET', 'maxmemory', '1k'], ['CONFIG', 'GET', 'maxmemory'],
    ['CONFIG', 'SET', 'maxmemory', '0'], ['CONFIG', 'SET', 'maxmemory', '1.5mb'], ['CONFIG', 'SET', 'maxmemory', '-1'],
    ['CONFIG', 'SET', 'hz', '-1'], ['CONFIG', 'SET', 'hz', '01'], ['CONFIG', 'SET', 'hz', '99999999999'], ['CONFIG', 'SET', 'hz', 'abc'],
    ['CONFIG', 'SET', 'activerehashing', 'maybe'], ['CONFIG', 'SET', 'activerehashing', 'YES'], ['CONFIG', 'GET', 'activerehashing'],
    ['CONFIG', 'SET', 'proto-max-bulk-len', '10'], ['CONFIG', 'SET', 'maxclients', '0'], ['CONFIG', 'SET', 'slowlog-log-slower-than', '-2'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'x'], ['CONFIG', 'SET', 'maxmemory-policy', 'ALLKEYS-LRU'], ['CONFIG', 'GET', 'maxmemory-policy'],
    ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'],
    ['CONFIG', 'SET', 'foo', 'bar'], ['CONFIG', 'SET', 'daemonize', 'no'], ['CONFIG', 'SET', 'dir', '/tmp'], ['CONFIG', 'SET', 'hz'],
    ['CONFIG', 'SET', 'hz', '5', 'hz', '6'], ['CONFIG', 'SET', 'hz', '5', 'maxmemory'], ['CONFIG', 'SET', 'HZ', '5', 'foo', '1'],
    ['CONFIG', 'SET', 'daemonize', 'no', 'foo', '1'], ['CONFIG', 'SET', 'hz', '7', 'maxmemory', 'bad'], ['CONFIG', 'GET', 'hz'],
    ['CONFIG', 'SET', 'hash-max-ziplist-entries', 'x'], ['CONFIG', 'SET', 'hash-max-ziplist-entries', '100'],
    ['CONFIG', 'GET', 'hash-max-listpack-entries'], ['CONFIG', 'SET', 'hash-max-ziplist-entries', '512'],
    ['CONFIG', 'SET', 'unixsocketperm', '1'], ['CONFIG', 'SET', 'active-expire-effort', '11'], ['CONFIG', 'SET', 'hz', '10'],
  ] },
  { name: 'CONFIG SET special formats', steps: [
    ['CONFIG', 'SET', 'save', '100 10 200'], ['CONFIG', 'SET', 'save', '100 x'], ['CONFIG', 'SET', 'save', '100 10 200 20'], ['CONFIG', 'GET', 'save'],
    ['CONFIG', 'SET', 'save', ''], ['CONFIG', 'GET', 'save'],
    ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'], ['CONFIG', 'GET', 'notify-keyspace-events'],
    ['CONFIG', 'SET', 'notify-keyspace-events', 'Kxeg$'], ['CONFIG', 'GET', 'notify-keyspace-events'],
    ['CONFIG', 'SET', 'notify-keyspace-events', 'AKEmn'], ['CONFIG', 'GET', 'notify-keyspace-events'],
    ['CONFIG', 'SET', 'notify-keyspace-events', 'Z'], ['CONFIG', 'SET', 'notify-keyspace-events', ''],
    ['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1mb 2mb 3'], ['CONFIG', 'GET', 'client-output-buffer-limit'],
    ['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1mb 2mb'], ['CONFIG', 'SET', 'client-output-buffer-limit', 'foo 1 2 3'],
    ['CONFIG', 'SET', 'client-output-buffer-limit', 'replica 1 2 3'], ['CONFIG', 'GET', 'client-output-buffer-limit'],
    ['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0 slave 268435456 67108864 60'],
    ['CONFIG', 'SET', 'oom-score-adj-values', '1 2'], ['CONFIG', 'SET', 'oom-score-adj-values', '1 2 3000'],
    ['CONFIG', 'SET', 'oom-score-adj-values', '10 20 30'], ['CONFIG', 'GET', 'oom-score-adj-values'], ['CONFIG', 'SET', 'oom-score-adj-values', '0 200 800'],
    ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 101'], ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50.5 99'],
    ['CONFIG', 'GET', 'latency-tracking-info-percentiles'], ['CONFIG', 'SET', 'latency-tracking-info-percentiles', '50 99 99.9'],
    ['CONFIG', 'SET', 'maxmemory-clients', '50%'], ['CONFIG', 'GET', 'maxmemory-clients'], ['CONFIG', 'SET', 'maxmemory-clients', '200%'],
    ['CONFIG', 'SET', 'maxmemory-clients', '-5'], ['CONFIG', 'SET', 'maxmemory-clients', '0'],
    ['CONFIG', 'SET', 'shutdown-on-sigint', 'foo'], ['CONFIG', 'SET', 'shutdown-on-sigint', 'force nosave'], ['CONFIG', 'GET', 'shutdown-on-sigint'],
    ['CONFIG', 'SET', 'shutdown-on-sigint', 'default'],
  ] },
  { name: 'CONFIG HELP, REWRITE without a file, unknown subcommand', steps: [
    ['CONFIG', 'HELP'], ['CONFIG', 'REWRITE'], ['CONFIG', 'NOSUCH'], ['CONFIG'], ['CONFIG', 'RESETSTAT', 'x'],
  ] },
]);

conformanceSuite('INFO, TIME, LASTSAVE', [
  { name: 'INFO keyspace after writes', steps: [
    ['INFO', 'keyspace'], ['CONFIG', 'SET', 'hz', '10'], ['INFO', 'KEYSPACE'], ['INFO', 'nosuch'], ['INFO', 'keyspace', 'nosuch'],
  ] },
  { name: 'INFO commandstats and errorstats after RESETSTAT and a known sequence', steps: [
    ['CONFIG', 'RESETSTAT'], ['CONFIG', 'GET', 'hz'], ['CONFIG', 'GET', 'hz'], ['NOSUCHCMD'], ['CONFIG', 'SET', 'hz'],
    { cmd: ['INFO', 'errorstats'] },
  ] },
  { name: 'TIME and LASTSAVE reply types', steps: [
    { cmd: ['TIME'], relax: 'type' }, { cmd: ['LASTSAVE'], relax: 'type' }, ['TIME', 'x'], ['LASTSAVE', 'x'],
  ] },
]);

function fieldNames(text: string): string[] {
  return text.split('\r\n').filter((l) => l !== '').map((l) => (l.startsWith('#') ? l : l.slice(0, l.indexOf(':'))));
}

/** CONFIG GET * values that legitimately differ between the two servers. */
const CONFIG_ALLOW_DIFF = new Set([
  'port', 'dir', 'bind', // test servers listen on their own port and dir; respite binds 127.0.0.1 by default (safe default)
  'save', 'appendonly', 'logfile', 'loglevel', 'daemonize', // the test redis-server runs with these overrides
]);

describe('INFO and CONFIG GET * against redis-server', { skip: redisSkipReason() }, () => {
  const sbs = new SideBySide();
  before(() => sbs.start());
  after(() => sbs.stop());

  it('INFO everything has the same sections and field names in the same order', async () => {
    const { redis, respite } = await sbs.connect(2);
    const text = async (c: typeof redis) => decodeReply(Buffer.from(await c.call('INFO', 'everything'), 'latin1'))[0] as string;
    const r = fieldNames(await text(redis)).filter((n) => !n.startsWith('cmdstat_') && !n.startsWith('latency_percentiles') && !n.startsWith('errorstat_') && !/^db\d+$/.test(n));
    const o = fieldNames(await text(respite)).filter((n) => n !== 'respite_version' && !n.startsWith('cmdstat_') && !n.startsWith('errorstat_') && !/^db\d+$/.test(n));
    assert.deepEqual(o, r);
    redis.close();
    respite.close();
  });

  it('INFO commandstats counts calls exactly', async () => {
    const { redis, respite } = await sbs.connect(2);
    for (const c of [redis, respite]) {
      await c.call('CONFIG', 'RESETSTAT');
      await c.call('CONFIG', 'GET', 'hz');
      await c.call('CONFIG', 'GET', 'hz');
      await c.call('CONFIG', 'SET', 'hz');
    }
    const stats = async (c: typeof redis) => {
      const t = decodeReply(Buffer.from(await c.call('INFO', 'commandstats'), 'latin1'))[0] as string;
      return t.split('\r\n').filter((l) => l.startsWith('cmdstat_')).map((l) => l.replace(/usec=\d+,usec_per_call=[\d.]+/, 'usec')).sort();
    };
    assert.deepEqual(await stats(respite), await stats(redis));
    redis.close();
    respite.close();
  });

  it('CONFIG GET * equals Redis except for a named allow-list', async () => {
    const { redis, respite } = await sbs.connect(2);
    const all = async (c: typeof redis) => {
      const flat = decodeReply(Buffer.from(await c.call('CONFIG', 'GET', '*'), 'latin1'))[0] as Decoded[];
      const m = new Map<string, string>();
      for (let i = 0; i < flat.length; i += 2) m.set(flat[i] as string, flat[i + 1] as string);
      return m;
    };
    const r = await all(redis);
    const o = await all(respite);
    assert.deepEqual([...o.keys()].sort(), [...r.keys()].sort());
    const diffs = [...r].filter(([k, v]) => !CONFIG_ALLOW_DIFF.has(k) && o.get(k) !== v).map(([k, v]) => `${k}: redis=${v} respite=${o.get(k)}`);
    assert.deepEqual(diffs, []);
    redis.close();
    respite.close();
  });
});
