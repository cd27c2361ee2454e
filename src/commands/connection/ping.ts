// PING, ECHO, QUIT.

import { defineCommand } from '../spec.js';

export const ping = defineCommand({
  name: 'ping',
  arity: -1,
  flags: ['fast', 'sentinel'],
  acl: ['connection'],
  tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
  docs: {
    summary: 'Ping the server', since: '1.0.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'message', type: 'string', flags: ['optional'] }],
  },
  run(ctx, argv) {
    if (argv.length > 2) throw wrongPingArity;
    if (argv.length === 1) ctx.reply.simple('PONG');
    else ctx.reply.bulk(argv[1]!);
  },
});

import { wrongArity } from '../../errors.js';
const wrongPingArity = wrongArity('ping');

export const echo = defineCommand({
  name: 'echo',
  arity: 2,
  flags: ['fast'],
  acl: ['connection'],
  docs: {
    summary: 'Echo the given string', since: '1.0.0', group: 'connection', complexity: 'O(1)',
    arguments: [{ name: 'message', type: 'string' }],
  },
  run(ctx, argv) {
    ctx.reply.bulk(argv[1]!);
  },
});

export const quit = defineCommand({
  name: 'quit',
  arity: -1,
  flags: ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'],
  acl: ['connection'],
  docs: { summary: 'Close the connection', since: '1.0.0', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    ctx.reply.ok();
    ctx.client.transport?.closeAfterReply();
  },
});
