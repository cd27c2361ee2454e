#!/usr/bin/env node
// Generates docs/COMPATIBILITY.md from the compiled command and config tables
// (dist/, so run `npm run build` first) and docs/redis-7.0-commands.json, the
// committed list of every Redis 7.0 command (COMMAND DOCS of redis-server 7.0).
//
//   node scripts/gen-compatibility.mjs            write docs/COMPATIBILITY.md
//   node scripts/gen-compatibility.mjs --stdout   print it instead (the meta test compares)
//   node scripts/gen-compatibility.mjs --refresh  re-read the Redis list from a redis-server on PATH first

import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SNAPSHOT = join(root, 'docs', 'redis-7.0-commands.json');
const NOTES = join(root, 'docs', 'compatibility-notes.md');
const OUTPUT = join(root, 'docs', 'COMPATIBILITY.md');

/** Group titles, in the order Redis's documentation lists them. */
const GROUPS = [
  ['string', 'Strings'], ['generic', 'Keys (generic)'], ['list', 'Lists'], ['hash', 'Hashes'], ['set', 'Sets'],
  ['sorted-set', 'Sorted sets'], ['stream', 'Streams'], ['bitmap', 'Bitmaps'], ['hyperloglog', 'HyperLogLog'],
  ['geo', 'Geospatial'], ['pubsub', 'Pub/Sub'], ['transactions', 'Transactions'], ['scripting', 'Scripting and functions'],
  ['connection', 'Connection'], ['server', 'Server'], ['cluster', 'Cluster'], ['sentinel', 'Sentinel'],
];

// ---------------------------------------------------------------- refresh

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Decodes one RESP2 reply from buf at pos: [value, end] or null when incomplete. */
function decode(buf, pos) {
  const cr = buf.indexOf('\r\n', pos);
  if (cr === -1) return null;
  const type = buf[pos];
  const line = buf.slice(pos + 1, cr);
  if (type === '+' || type === ':') return [line, cr + 2];
  if (type === '-') throw new Error(line);
  if (type === '$') {
    const n = Number(line);
    if (n < 0) return [null, cr + 2];
    if (buf.length < cr + 2 + n + 2) return null;
    return [buf.slice(cr + 2, cr + 2 + n), cr + 2 + n + 2];
  }
  if (type === '*') {
    const n = Number(line);
    const items = [];
    let p = cr + 2;
    for (let i = 0; i < n; i++) {
      const r = decode(buf, p);
      if (r === null) return null;
      items.push(r[0]);
      p = r[1];
    }
    return [items, p];
  }
  throw new Error(`unexpected reply type ${type}`);
}

function commandDocs(port) {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1', () => sock.write('*2\r\n$7\r\nCOMMAND\r\n$4\r\nDOCS\r\n'));
    let buf = '';
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      const r = decode(buf, 0);
      if (r !== null) {
        sock.end();
        resolve(r[0]);
      }
    });
    sock.on('error', reject);
  });
}

/** Flat [k, v, k, v] → object. */
const pairs = (flat) => Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]));

async function refreshSnapshot() {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' });
  try {
    let docs = null;
    for (let i = 0; i < 100 && docs === null; i++) {
      try {
        docs = await commandDocs(port);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (docs === null) throw new Error('redis-server did not answer COMMAND DOCS');
    const out = {};
    for (const [name, body] of Object.entries(pairs(docs)).sort(([a], [b]) => a.localeCompare(b))) {
      const d = pairs(body);
      if (d.group === 'module') continue;
      const entry = { group: d.group, summary: d.summary, since: d.since };
      if (d.subcommands) {
        entry.subcommands = Object.fromEntries(Object.entries(pairs(d.subcommands))
          .map(([sub, sd]) => [sub.slice(sub.indexOf('|') + 1), pairs(sd).summary])
          .sort(([a], [b]) => a.localeCompare(b)));
      }
      out[name] = entry;
    }
    writeFileSync(SNAPSHOT, `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    child.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------- generate

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function generate() {
  const { ALL_COMMANDS } = await import(join(root, 'dist/src/commands/index.js'));
  const { CONFIG_PARAMS } = await import(join(root, 'dist/src/config/config-table.js'));
  const redis = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  const notes = readFileSync(NOTES, 'utf8');

  const ours = new Map();
  for (const spec of ALL_COMMANDS) ours.set(spec.name, new Set((spec.subcommands ?? []).map((s) => s.name)));

  const lines = [];
  const names = Object.keys(redis);
  const implemented = names.filter((n) => ours.has(n));
  let subTotal = 0;
  let subDone = 0;
  for (const n of names) {
    const subs = Object.keys(redis[n].subcommands ?? {});
    subTotal += subs.length;
    subDone += subs.filter((s) => ours.get(n)?.has(s)).length;
  }
  lines.push('# Redis 7.0 compatibility', '');
  lines.push('<!-- Generated by scripts/gen-compatibility.mjs from the command and config tables; do not edit.',
    '     Hand-written notes belong in docs/compatibility-notes.md. -->', '');
  lines.push('respite implements the behaviour of Redis 7.0 (`redis_version:7.0.15`). This page lists every Redis 7.0',
    'command by group, whether respite implements it (for container commands, each subcommand), the',
    'configuration parameters respite acts on, and the known differences.', '');
  lines.push(`**Commands:** ${implemented.length} of ${names.length} implemented. ` +
    `**Subcommands of container commands:** ${subDone} of ${subTotal} implemented.`, '');

  lines.push('## Commands by group', '');
  lines.push('| Group | Implemented |', '|---|---|');
  for (const [group, title] of GROUPS) {
    const inGroup = names.filter((n) => redis[n].group === group);
    if (inGroup.length === 0) continue;
    lines.push(`| [${title}](#${title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')}) | ${inGroup.filter((n) => ours.has(n)).length} / ${inGroup.length} |`);
  }
  lines.push('');

  for (const [group, title] of GROUPS) {
    const inGroup = names.filter((n) => redis[n].group === group);
    if (inGroup.length === 0) continue;
    lines.push(`### ${title}`, '', '| Command | Implemented | Since | Summary |', '|---|---|---|---|');
    for (const n of inGroup) {
      const r = redis[n];
      lines.push(`| ${n.toUpperCase()} | ${ours.has(n) ? 'yes' : 'no'} | ${r.since} | ${cell(r.summary)} |`);
      for (const [sub, summary] of Object.entries(r.subcommands ?? {})) {
        lines.push(`| ${n.toUpperCase()} ${sub.toUpperCase()} | ${ours.get(n)?.has(sub) ? 'yes' : 'no'} | | ${cell(summary)} |`);
      }
    }
    lines.push('');
  }

  const extensions = [...ours.keys()].filter((n) => !(n in redis)).sort();
  if (extensions.length > 0) {
    lines.push('### respite extensions', '', 'Commands respite offers that Redis 7.0 does not:', '');
    for (const n of extensions) lines.push(`- ${n.toUpperCase()}`);
    lines.push('');
  }

  const params = [...CONFIG_PARAMS].sort((a, b) => a.name.localeCompare(b.name));
  const effective = params.filter((p) => p.effective);
  lines.push('## Configuration', '');
  lines.push(`respite accepts every Redis 7.0 parameter (config file, \`--name value\`, CONFIG GET/SET/REWRITE) with Redis's`,
    `validation and defaults. It acts on ${effective.length} of them; the other ${params.length - effective.length} are validated, stored and`,
    'echoed back but have no effect yet.', '');
  lines.push('| Parameter | Default | Acted on | Mutable |', '|---|---|---|---|');
  for (const p of params) {
    const def = p.default === '' ? '""' : `\`${cell(p.default)}\``;
    lines.push(`| ${p.name}${p.aliases?.length ? ` (alias ${p.aliases.join(', ')})` : ''} | ${def} | ${p.effective ? 'yes' : 'stored only'} | ${p.mutable ? 'yes' : 'no'} |`);
  }
  lines.push('');
  lines.push('## Known differences', '');
  lines.push(notes.replace(/^# .*\n+/, '').trimEnd(), '');
  return lines.join('\n');
}

const args = process.argv.slice(2);
if (args.includes('--refresh')) await refreshSnapshot();
const text = await generate();
if (args.includes('--stdout')) process.stdout.write(text);
else writeFileSync(OUTPUT, text);
