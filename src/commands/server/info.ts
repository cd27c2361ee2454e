// INFO [section ...], TIME and LASTSAVE.

import { defineCommand } from '../spec.js';
import type { Server } from '../../server/server.js';
import {
  clientsSection, commandstatsSection, cpuSection, errorstatsSection, keyspaceSection, memorySection,
  persistenceSection, replicationSection, serverSection, statsSection, type Section,
} from './info-sections.js';

type Builder = (server: Server) => Section;

/** Every section in Redis 7.0's output order; `inDefault` marks the sections plain INFO shows. */
const SECTIONS: readonly { name: string; build: Builder; inDefault: boolean }[] = [
  { name: 'server', build: serverSection, inDefault: true },
  { name: 'clients', build: clientsSection, inDefault: true },
  { name: 'memory', build: memorySection, inDefault: true },
  { name: 'persistence', build: persistenceSection, inDefault: true },
  { name: 'stats', build: statsSection, inDefault: true },
  { name: 'replication', build: replicationSection, inDefault: true },
  { name: 'cpu', build: cpuSection, inDefault: true },
  { name: 'modules', build: () => ['Modules', []], inDefault: true },
  { name: 'commandstats', build: commandstatsSection, inDefault: false },
  { name: 'errorstats', build: errorstatsSection, inDefault: true },
  // Per-command latency percentiles need histograms respite does not keep yet: the section is empty.
  { name: 'latencystats', build: () => ['Latencystats', []], inDefault: false },
  { name: 'cluster', build: () => ['Cluster', ['cluster_enabled:0']], inDefault: true },
  { name: 'keyspace', build: keyspaceSection, inDefault: true },
];

/** The INFO text for the requested section names (Redis's genRedisInfoString). */
export function infoText(server: Server, requested: readonly string[]): string {
  const wanted = new Set<string>();
  const names = requested.length === 0 ? ['default'] : requested.map((r) => r.toLowerCase());
  for (const n of names) {
    if (n === 'default') SECTIONS.filter((s) => s.inDefault).forEach((s) => wanted.add(s.name));
    else if (n === 'all' || n === 'everything') SECTIONS.forEach((s) => wanted.add(s.name));
    else wanted.add(n);
  }
  let out = '';
  for (const s of SECTIONS) {
    if (!wanted.has(s.name)) continue;
    const [title, lines] = s.build(server);
    // As genRedisInfoString: a blank line between sections, none after the last.
    if (out !== '') out += '\r\n';
    out += `# ${title}\r\n`;
    for (const l of lines) out += l + '\r\n';
  }
  return out;
}

export const info = defineCommand({
  name: 'info',
  arity: -1,
  flags: ['loading', 'stale'],
  acl: ['dangerous'],
  tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
  docs: {
    summary: 'Get information and statistics about the server', since: '1.0.0', group: 'server', complexity: 'O(1)',
    history: [['7.0.0', 'Added support for taking multiple section arguments.']],
    arguments: [{ name: 'section', type: 'string', flags: ['optional', 'multiple'] }],
  },
  run(ctx, argv) {
    ctx.reply.verbatim(infoText(ctx.server, argv.slice(1)));
  },
});

export const time = defineCommand({
  name: 'time',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  tips: ['nondeterministic_output'],
  docs: { summary: 'Return the current server time', since: '2.6.0', group: 'server', complexity: 'O(1)' },
  run(ctx) {
    const us = Math.floor(ctx.keyspace.clock.now() * 1000);
    ctx.reply.bulkArray([String(Math.floor(us / 1e6)), String(us % 1e6)]);
  },
});

export const lastsave = defineCommand({
  name: 'lastsave',
  arity: 1,
  flags: ['loading', 'stale', 'fast'],
  acl: ['admin', 'dangerous'],
  tips: ['nondeterministic_output'],
  docs: { summary: 'Get the UNIX time stamp of the last successful save to disk', since: '1.0.0', group: 'server', complexity: 'O(1)' },
  run(ctx) {
    ctx.reply.integer(ctx.server.lastSaveSec);
  },
});
