// Checks the COMMAND INFO / COMMAND DOCS renderer against every command of
// the real redis-server 7.0: each command's metadata is read from Redis,
// turned into a CommandSpec, registered, rendered, and compared byte for
// byte (RESP2 and RESP3). This covers commands respite does not implement
// yet, so the renderer and the registry's derivations are right for all.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RegisteredCommand } from '../../src/commands/registry.js';
import { replyCommandDocs, replyCommandInfo } from '../../src/commands/server/command-reply.js';
import type { AclCategory, ArgSpec, CommandFlag, CommandSpec, KeySpec, KeySpecFlag } from '../../src/commands/spec.js';
import { RespEncoder } from '../../src/protocol/resp-encoder.js';
import { RawClient } from '../helpers/raw-client.js';
import { decodeReply, type Decoded } from '../helpers/resp-reader.js';
import { redisSkipReason, startRealRedis, type RealRedis } from '../helpers/servers.js';
import { normalizeDocs, normalizeInfo } from './resp-tree.js';

type Obj = Record<string, Decoded>;

function pairs(v: Decoded): Obj {
  const o: Obj = {};
  const a = v as Decoded[];
  for (let i = 0; i + 1 < a.length; i += 2) o[a[i] as string] = a[i + 1]!;
  return o;
}

function toKeySpec(v: Decoded): KeySpec {
  const o = pairs(v);
  const bs = pairs(o.begin_search!);
  const bspec = pairs(bs.spec!);
  const fk = pairs(o.find_keys!);
  const fspec = pairs(fk.spec!);
  const begin: KeySpec['begin'] = bs.type === 'index'
    ? { index: bspec.index as number }
    : bs.type === 'keyword' ? { keyword: bspec.keyword as string, startFrom: bspec.startfrom as number } : { unknown: true };
  let find: KeySpec['find'];
  if (fk.type === 'range') find = { range: { lastKey: fspec.lastkey as number, step: fspec.keystep as number, limit: fspec.limit as number } };
  else if (fk.type === 'keynum') find = { keynum: { keynumIdx: fspec.keynumidx as number, firstKey: fspec.firstkey as number, step: fspec.keystep as number } };
  else find = { unknown: true };
  const ks: KeySpec = { flags: o.flags as KeySpecFlag[], begin, find };
  if (o.notes !== undefined) ks.notes = o.notes as string;
  return ks;
}

function toArg(v: Decoded): ArgSpec {
  const o = pairs(v);
  const a: ArgSpec = { name: o.name as string, type: o.type as ArgSpec['type'] };
  if (o.display_text !== undefined) a.displayText = o.display_text as string;
  if (o.key_spec_index !== undefined) a.keySpecIndex = o.key_spec_index as number;
  if (o.token !== undefined) a.token = o.token as string;
  if (o.summary !== undefined) a.summary = o.summary as string;
  if (o.since !== undefined) a.since = o.since as string;
  if (o.flags !== undefined) a.flags = o.flags as ArgSpec['flags'] & string[];
  if (o.deprecated_since !== undefined) a.deprecatedSince = o.deprecated_since as string;
  if (o.arguments !== undefined) a.arguments = (o.arguments as Decoded[]).map(toArg);
  return a;
}

/** A CommandSpec equivalent to what Redis reports (run is never called). */
function toSpec(info: Decoded[], docs: Decoded): CommandSpec {
  const [name, arity, flags, , , , acl, tips, keySpecs, subs] = info as [string, number, string[], number, number, number, string[], string[], Decoded[], Decoded[][]];
  const d = pairs(docs);
  const subDocs = d.subcommands !== undefined ? pairs(d.subcommands) : {};
  const spec: CommandSpec = {
    name: name.includes('|') ? name.split('|')[1]! : name,
    arity,
    flags: flags.filter((f) => f !== 'movablekeys') as CommandFlag[],
    acl: acl.map((c) => c.slice(1)) as AclCategory[],
    keys: keySpecs.map(toKeySpec),
    tips,
    docs: {
      summary: d.summary as string, since: d.since as string, group: d.group as CommandSpec['docs']['group'],
      ...(d.complexity !== undefined ? { complexity: d.complexity as string } : {}),
      ...(d.doc_flags !== undefined ? { docFlags: d.doc_flags as ('deprecated' | 'syscmd')[] } : {}),
      ...(d.deprecated_since !== undefined ? { deprecatedSince: d.deprecated_since as string } : {}),
      ...(d.replaced_by !== undefined ? { replacedBy: d.replaced_by as string } : {}),
      ...(d.history !== undefined ? { history: d.history as [string, string][] } : {}),
      ...(d.arguments !== undefined ? { arguments: (d.arguments as Decoded[]).map(toArg) } : {}),
    },
    run() {},
  };
  if (subs.length > 0) spec.subcommands = subs.map((s) => toSpec(s, subDocs[s[0] as string]!));
  return spec;
}

function render(resp: 2 | 3, write: (enc: RespEncoder) => void): string {
  const enc = new RespEncoder();
  enc.resp = resp;
  write(enc);
  const out = enc.take();
  return typeof out === 'string' ? out : (out ?? []).map((c) => c.toString('latin1')).join('');
}

describe('COMMAND INFO/DOCS rendering matches redis-server for every Redis 7.0 command', { skip: redisSkipReason() }, () => {
  let real: RealRedis;
  const clients = new Map<2 | 3, RawClient>();
  const specs = new Map<string, RegisteredCommand>();

  before(async () => {
    real = await startRealRedis();
    for (const resp of [2, 3] as const) {
      const c = await RawClient.connect(real.port);
      if (resp === 3) await c.call('HELLO', '3');
      clients.set(resp, c);
    }
    const c2 = clients.get(2)!;
    const names = decodeReply(Buffer.from(await c2.call('COMMAND', 'LIST'), 'latin1'))[0] as string[];
    for (const name of names.filter((n) => !n.includes('|'))) {
      const info = (decodeReply(Buffer.from(await c2.call('COMMAND', 'INFO', name), 'latin1'))[0] as Decoded[][])[0]!;
      const docs = decodeReply(Buffer.from(await c2.call('COMMAND', 'DOCS', name), 'latin1'))[0] as Decoded[];
      specs.set(name, new RegisteredCommand(toSpec(info, docs[1]!)));
    }
  });

  after(async () => {
    for (const c of clients.values()) c.close();
    await real.stop();
  });

  for (const resp of [2, 3] as const) {
    it(`every command and subcommand renders as Redis renders it [RESP${resp}]`, async () => {
      const client = clients.get(resp)!;
      assert.ok(specs.size > 200, `expected Redis's ~240 commands, got ${specs.size}`);
      const failures: string[] = [];
      for (const top of specs.values()) {
        const all = [top, ...(top.subcommands?.values() ?? [])];
        for (const cmd of all) {
          const realInfo = normalizeInfo(await client.call('COMMAND', 'INFO', cmd.fullName));
          const ourInfo = normalizeInfo(render(resp, (w) => { w.array(1); replyCommandInfo(w, cmd); }));
          if (realInfo !== ourInfo) failures.push(`INFO ${cmd.fullName}\n  redis:   ${JSON.stringify(realInfo)}\n  respite: ${JSON.stringify(ourInfo)}`);
          const realDocs = normalizeDocs(await client.call('COMMAND', 'DOCS', cmd.fullName));
          const ourDocs = normalizeDocs(render(resp, (w) => { w.map(1); w.bulk(cmd.fullName); replyCommandDocs(w, cmd); }));
          if (realDocs !== ourDocs) failures.push(`DOCS ${cmd.fullName}\n  redis:   ${JSON.stringify(realDocs)}\n  respite: ${JSON.stringify(ourDocs)}`);
        }
      }
      assert.deepEqual(failures.slice(0, 5), [], `${failures.length} mismatches`);
    });
  }
});
