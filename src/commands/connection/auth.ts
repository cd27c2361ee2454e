// AUTH and HELLO. Until ACLs exist the only user is "default", whose password
// is requirepass (no password: "nopass", any password is accepted).

import { createHash, timingSafeEqual } from 'node:crypto';
import {
  AUTH_WITHOUT_PASSWORD, HELLO_NOAUTH, NOPROTO, PROTOVER_NOT_INTEGER, SYNTAX, WRONGPASS, helloSyntax,
} from '../../errors.js';
import type { Client } from '../../server/client.js';
import { parseInt64 } from '../../util/int64.js';
import { REDIS_VERSION } from '../../version.js';
import type { CommandContext } from '../context.js';
import { defineCommand } from '../spec.js';
import { setClientName } from './client-name.js';

/** What MONITOR and SLOWLOG show instead of a secret (Redis's shared.redacted). */
const REDACTED = '(redacted)';

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'latin1').digest();
}

/**
 * As Redis's ACLAuthenticateUser for the default user: on success the client
 * is authenticated as `user`. Passwords are compared in constant time.
 */
export function authenticate(client: Client, user: string, password: string): boolean {
  if (user !== 'default') return false;
  const required = client.server.config.get('requirepass');
  if (required !== '' && !timingSafeEqual(sha256(password), sha256(required))) return false;
  client.user = 'default';
  client.authenticated = true;
  return true;
}

export const auth = defineCommand({
  name: 'auth',
  arity: -2,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  docs: {
    summary: 'Authenticate to the server', since: '1.0.0', group: 'connection',
    complexity: 'O(N) where N is the number of passwords defined for the user',
    history: [['6.0.0', 'Added ACL style (username and password).']],
    arguments: [
      { name: 'username', type: 'string', since: '6.0.0', flags: ['optional'] },
      { name: 'password', type: 'string' },
    ],
  },
  run(ctx, argv) {
    if (argv.length > 3) throw SYNTAX;
    let user = 'default';
    const password = argv[argv.length - 1]!;
    if (argv.length === 2) {
      argv[1] = REDACTED;
      // Redis keeps the pre-ACL error for the one-argument form when no password is set.
      if (ctx.server.config.get('requirepass') === '') throw AUTH_WITHOUT_PASSWORD;
    } else {
      user = argv[1]!;
      argv[1] = REDACTED;
      argv[2] = REDACTED;
    }
    if (!authenticate(ctx.client, user, password)) throw WRONGPASS;
    ctx.reply.ok();
  },
});

export const hello = defineCommand({
  name: 'hello',
  arity: -1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  docs: {
    summary: 'Handshake with Redis', since: '6.0.0', group: 'connection', complexity: 'O(1)',
    history: [['6.2.0', "`protover` made optional; when called without arguments the command reports the current connection's context."]],
    arguments: [
      { name: 'arguments', type: 'block', flags: ['optional'], arguments: [
        { name: 'protover', type: 'integer' },
        { name: 'username_password', type: 'block', token: 'AUTH', flags: ['optional'], arguments: [
          { name: 'username', type: 'string' },
          { name: 'password', type: 'string' },
        ] },
        { name: 'clientname', type: 'string', token: 'SETNAME', flags: ['optional'] },
      ] },
    ],
  },
  run(ctx, argv) {
    let protover = 0;
    if (argv.length >= 2) {
      const v = parseInt64(argv[1]!);
      if (v === null) throw PROTOVER_NOT_INTEGER;
      if (v < 2 || v > 3) throw NOPROTO;
      protover = v;
    }
    let user: string | null = null;
    let password: string | null = null;
    let name: string | null = null;
    for (let j = 2; j < argv.length; j++) {
      const more = argv.length - 1 - j;
      const opt = argv[j]!.toLowerCase();
      if (opt === 'auth' && more >= 2) {
        user = argv[j + 1]!;
        password = argv[j + 2]!;
        argv[j + 1] = REDACTED;
        argv[j + 2] = REDACTED;
        j += 2;
      } else if (opt === 'setname' && more >= 1) {
        name = argv[++j]!;
      } else {
        throw helloSyntax(argv[j]!);
      }
    }
    const client = ctx.client;
    if (user !== null && password !== null && !authenticate(client, user, password)) throw WRONGPASS;
    // Redis tests the client's own flag here, not whether a password is required.
    if (!client.authenticated) throw HELLO_NOAUTH;
    if (name !== null) setClientName(client, name);
    if (protover !== 0) client.setResp(protover === 3 ? 3 : 2);
    replyHello(ctx);
  },
});

function replyHello(ctx: CommandContext): void {
  const reply = ctx.reply;
  reply.map(7);
  reply.bulk('server');
  reply.bulk('redis');
  reply.bulk('version');
  reply.bulk(REDIS_VERSION);
  reply.bulk('proto');
  reply.integer(reply.resp);
  reply.bulk('id');
  reply.integer(ctx.client.id);
  reply.bulk('mode');
  reply.bulk('standalone');
  reply.bulk('role');
  reply.bulk('master');
  reply.bulk('modules');
  reply.array(0);
}
