// Prints the metadata part of a CommandSpec literal for the named commands,
// read from a real redis-server 7.0 (COMMAND INFO + COMMAND DOCS), as a
// starting point when declaring a command. The declaration in src/commands
// is ours; test/meta checks it against the real server.
//
// Usage: node scripts/command-metadata.mjs get set client   (needs redis-server on PATH)

import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const DERIVED = { write: 'write', readonly: 'read', admin: ['admin', 'dangerous'], pubsub: 'pubsub', fast: 'fast', blocking: 'blocking' };

function encode(argv) {
  return `*${argv.length}\r\n` + argv.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

function parse(buf, pos) {
  const type = String.fromCharCode(buf[pos]);
  const cr = buf.indexOf(13, pos);
  if (cr === -1) return null;
  const line = buf.toString('utf8', pos + 1, cr);
  let next = cr + 2;
  if (type === '+' || type === ':' || type === '-') return [type === ':' ? Number(line) : line, next];
  if (type === '$') {
    const n = Number(line);
    if (n < 0) return [null, next];
    if (next + n + 2 > buf.length) return null;
    return [buf.toString('utf8', next, next + n), next + n + 2];
  }
  if (type === '*') {
    const n = Number(line);
    const items = [];
    for (let i = 0; i < n; i++) {
      const r = parse(buf, next);
      if (r === null) return null;
      items.push(r[0]);
      next = r[1];
    }
    return [items, next];
  }
  throw new Error(`unexpected ${type}`);
}

function pairs(arr) {
  const o = {};
  for (let i = 0; i < arr.length; i += 2) o[arr[i]] = arr[i + 1];
  return o;
}

async function query(port, argv) {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => s.write(encode(argv)));
    let buf = Buffer.alloc(0);
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const r = parse(buf, 0);
      if (r) {
        s.destroy();
        resolve(r[0]);
      }
    });
    s.on('error', reject);
  });
}

function keySpec(ks) {
  const o = pairs(ks);
  const bs = pairs(o.begin_search);
  const bspec = pairs(bs.spec);
  const fk = pairs(o.find_keys);
  const fspec = Array.isArray(fk.spec) ? pairs(fk.spec) : {};
  const begin = bs.type === 'index' ? `{ index: ${bspec.index} }` : `{ keyword: ${JSON.stringify(bspec.keyword)}, startFrom: ${bspec.startfrom} }`;
  let find;
  if (fk.type === 'range') find = `{ range: { lastKey: ${fspec.lastkey}, step: ${fspec.keystep}, limit: ${fspec.limit} } }`;
  else if (fk.type === 'keynum') find = `{ keynum: { keynumIdx: ${fspec.keynumidx}, firstKey: ${fspec.firstkey}, step: ${fspec.keystep} } }`;
  else find = '{ unknown: true }';
  const notes = o.notes ? `notes: ${JSON.stringify(o.notes)}, ` : '';
  return `{ ${notes}flags: ${JSON.stringify(o.flags)}, begin: ${begin}, find: ${find} }`;
}

function argSpec(a, indent) {
  const o = pairs(a);
  const parts = [`name: ${JSON.stringify(o.name)}`, `type: ${JSON.stringify(o.type)}`];
  if (o.display_text !== undefined) parts.push(`displayText: ${JSON.stringify(o.display_text)}`);
  if (o.key_spec_index !== undefined) parts.push(`keySpecIndex: ${o.key_spec_index}`);
  if (o.token !== undefined) parts.push(`token: ${JSON.stringify(o.token)}`);
  if (o.summary !== undefined) parts.push(`summary: ${JSON.stringify(o.summary)}`);
  if (o.since !== undefined) parts.push(`since: ${JSON.stringify(o.since)}`);
  if (o.flags !== undefined) parts.push(`flags: ${JSON.stringify(o.flags)}`);
  if (o.deprecated_since !== undefined) parts.push(`deprecatedSince: ${JSON.stringify(o.deprecated_since)}`);
  if (o.arguments !== undefined) {
    parts.push(`arguments: [\n${o.arguments.map((x) => indent + '  ' + argSpec(x, indent + '  ')).join(',\n')},\n${indent}]`);
  }
  return `{ ${parts.join(', ')} }`;
}

function render(info, docs, indent = '') {
  const [name, arity, flags, , , , acl, tips, keySpecs, subcommands] = info;
  const shortName = name.includes('|') ? name.split('|')[1] : name;
  const derived = new Set(['slow']);
  for (const f of flags) {
    const d = DERIVED[f];
    if (Array.isArray(d)) d.forEach((x) => derived.add(x));
    else if (d) derived.add(d);
  }
  const explicit = acl.map((c) => c.slice(1)).filter((c) => !derived.has(c) || (c === 'slow' && false));
  const visibleFlags = flags.filter((f) => f !== 'movablekeys');
  const d = pairs(docs);
  const lines = [];
  const i1 = indent + '  ';
  lines.push(`${indent}defineCommand({`);
  lines.push(`${i1}name: ${JSON.stringify(shortName)},`);
  lines.push(`${i1}arity: ${arity},`);
  lines.push(`${i1}flags: ${JSON.stringify(visibleFlags).replace(/"/g, "'")},`);
  if (explicit.length) lines.push(`${i1}acl: ${JSON.stringify(explicit).replace(/"/g, "'")},`);
  if (keySpecs.length) lines.push(`${i1}keys: [${keySpecs.map(keySpec).join(', ')}],`);
  if (tips.length) lines.push(`${i1}tips: ${JSON.stringify(tips)},`);
  const docParts = [`summary: ${JSON.stringify(d.summary)}`, `since: ${JSON.stringify(d.since)}`, `group: ${JSON.stringify(d.group)}`];
  if (d.complexity !== undefined) docParts.push(`complexity: ${JSON.stringify(d.complexity)}`);
  if (d.doc_flags !== undefined) docParts.push(`docFlags: ${JSON.stringify(d.doc_flags)}`);
  if (d.deprecated_since !== undefined) docParts.push(`deprecatedSince: ${JSON.stringify(d.deprecated_since)}`);
  if (d.replaced_by !== undefined) docParts.push(`replacedBy: ${JSON.stringify(d.replaced_by)}`);
  if (d.history !== undefined) docParts.push(`history: ${JSON.stringify(d.history)}`);
  if (d.arguments !== undefined) {
    docParts.push(`arguments: [\n${d.arguments.map((a) => i1 + '    ' + argSpec(a, i1 + '    ')).join(',\n')},\n${i1}  ]`);
  }
  lines.push(`${i1}docs: {\n${i1}  ${docParts.join(`,\n${i1}  `)},\n${i1}},`);
  if (subcommands.length) {
    const subDocs = pairs(d.subcommands ?? []);
    lines.push(`${i1}subcommands: [`);
    for (const sub of subcommands) lines.push(render(sub, subDocs[sub[0]], i1 + '  ') + ',');
    lines.push(`${i1}],`);
    lines.push(`${i1}run: containerRun,`);
  } else {
    lines.push(`${i1}run(ctx, argv) {`);
    lines.push(`${i1}},`);
  }
  lines.push(`${indent}})`);
  return lines.join('\n');
}

const names = process.argv.slice(2);
const port = 16000 + Math.floor(Math.random() * 20000);
const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 100; i++) {
    try {
      await query(port, ['PING']);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  for (const name of names) {
    const [info] = await query(port, ['COMMAND', 'INFO', name]);
    if (info === null) {
      console.log(`// ${name}: unknown to redis-server`);
      continue;
    }
    const docs = await query(port, ['COMMAND', 'DOCS', name]);
    console.log(`export const ${name.replace(/[^a-z0-9]/gi, '_').toLowerCase()} = ${render(info, docs[1])};\n`);
  }
} finally {
  child.kill('SIGKILL');
}
