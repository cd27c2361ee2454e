// RESET and MONITOR: connection-state commands.

import { MONITOR_DENY_BLOCKING } from '../../errors.js';
import { defineCommand } from '../spec.js';

export const reset = defineCommand({
  name: 'reset',
  arity: 1,
  flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
  acl: ['connection'],
  docs: { summary: 'Reset the connection', since: '6.2.0', group: 'connection', complexity: 'O(1)' },
  run(ctx) {
    ctx.client.resetConnectionState();
    ctx.reply.simple('RESET');
  },
});

export const monitor = defineCommand({
  name: 'monitor',
  arity: 1,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  docs: { summary: 'Listen for all requests received by the server in real time', since: '1.0.0', group: 'server' },
  run(ctx) {
    const client = ctx.client;
    // Inside EXEC or a script a client expects one reply per command.
    if (client.denyBlocking) throw MONITOR_DENY_BLOCKING;
    // As Redis: a second MONITOR is ignored without a reply.
    if (client.isMonitor) return;
    client.startMonitoring();
    ctx.reply.ok();
  },
});
