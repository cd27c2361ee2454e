// CLIENT KILL: the old form (an address; +OK or "No such client") and the
// filter form (ID, TYPE, USER, ADDR, LADDR, SKIPME; replies the count), as
// Redis 7.0 parses them.

import {
  KILL_CLIENT_ID, NO_SUCH_CLIENT, SYNTAX, noSuchUser, unknownClientType,
} from '../../errors.js';
import type { Client } from '../../server/client.js';
import { parseInt64 } from '../../util/int64.js';
import { defineCommand, type Argv } from '../spec.js';
import { clientType, clientTypeByName, type ClientType } from './client-list.js';

interface KillFilter {
  addr: string | null;
  laddr: string | null;
  type: ClientType | null;
  id: number;
  user: string | null;
  skipMe: boolean;
}

function parseFilter(argv: Argv): KillFilter {
  const f: KillFilter = { addr: null, laddr: null, type: null, id: 0, user: null, skipMe: true };
  if (argv.length === 3) {
    // The old form: an address, and you may kill yourself.
    f.addr = argv[2]!;
    f.skipMe = false;
    return f;
  }
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i]!.toLowerCase();
    const value = argv[i + 1];
    if (value === undefined) throw SYNTAX;
    if (opt === 'id') {
      const id = parseInt64(value);
      if (id === null || id < 1) throw KILL_CLIENT_ID;
      f.id = id;
    } else if (opt === 'type') {
      f.type = clientTypeByName(value);
      if (f.type === null) throw unknownClientType(value);
    } else if (opt === 'addr') {
      f.addr = value;
    } else if (opt === 'laddr') {
      f.laddr = value;
    } else if (opt === 'user') {
      // The only user until ACLs exist.
      if (value !== 'default') throw noSuchUser(value);
      f.user = value;
    } else if (opt === 'skipme') {
      const v = value.toLowerCase();
      if (v === 'yes') f.skipMe = true;
      else if (v === 'no') f.skipMe = false;
      else throw SYNTAX;
    } else {
      throw SYNTAX;
    }
  }
  return f;
}

function matches(f: KillFilter, c: Client, self: Client): boolean {
  if (f.addr !== null && c.addr !== f.addr) return false;
  if (f.laddr !== null && c.laddr !== f.laddr) return false;
  if (f.type !== null && clientType(c) !== f.type) return false;
  if (f.id !== 0 && c.id !== f.id) return false;
  if (f.user !== null && c.user !== f.user) return false;
  return !(c === self && f.skipMe);
}

export const clientKill = defineCommand({
  name: 'kill',
  arity: -3,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  acl: ['connection'],
  docs: {
    summary: 'Kill the connection of a client', since: '2.4.0', group: 'connection',
    complexity: 'O(N) where N is the number of client connections',
    history: [
      ['2.8.12', 'Added new filter format.'], ['2.8.12', '`ID` option.'],
      ['3.2.0', 'Added `master` type in for `TYPE` option.'],
      ['5.0.0', 'Replaced `slave` `TYPE` with `replica`. `slave` still supported for backward compatibility.'],
      ['6.2.0', '`LADDR` option.'],
    ],
    arguments: [
      { name: 'filter', type: 'oneof', arguments: [
        { name: 'ip:port', type: 'string', deprecatedSince: '2.8.12' },
        { name: 'new-format', type: 'oneof', flags: ['multiple'], arguments: [
          { name: 'client-id', type: 'integer', token: 'ID', since: '2.8.12', flags: ['optional'] },
          { name: 'normal_master_slave_pubsub', type: 'oneof', token: 'TYPE', since: '2.8.12', flags: ['optional'], arguments: [
            { name: 'normal', type: 'pure-token', token: 'NORMAL' },
            { name: 'master', type: 'pure-token', token: 'MASTER', since: '3.2.0' },
            { name: 'slave', type: 'pure-token', token: 'SLAVE' },
            { name: 'replica', type: 'pure-token', token: 'REPLICA', since: '5.0.0' },
            { name: 'pubsub', type: 'pure-token', token: 'PUBSUB' },
          ] },
          { name: 'username', type: 'string', token: 'USER', flags: ['optional'] },
          { name: 'ip:port', type: 'string', token: 'ADDR', flags: ['optional'] },
          { name: 'ip:port', type: 'string', token: 'LADDR', since: '6.2.0', flags: ['optional'] },
          { name: 'yes/no', type: 'string', token: 'SKIPME', flags: ['optional'] },
        ] },
      ] },
    ],
  },
  run(ctx, argv) {
    const f = parseFilter(argv);
    const self = ctx.client;
    let killed = 0;
    let killSelf = false;
    for (const c of [...ctx.server.clients.values()]) {
      if (!matches(f, c, self)) continue;
      if (c === self) killSelf = true;
      else c.transport?.kill();
      killed++;
    }
    if (argv.length === 3) {
      if (killed === 0) throw NO_SUCH_CLIENT;
      ctx.reply.ok();
    } else {
      ctx.reply.integer(killed);
    }
    // As Redis: the caller gets its reply, then its connection closes.
    if (killSelf) self.transport?.closeAfterReply();
  },
});
