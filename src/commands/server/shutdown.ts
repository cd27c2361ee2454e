// SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT], as Redis 7.0's shutdownCommand.
// Saves an RDB snapshot first when asked or when save points exist (no AOF
// yet); a failed save refuses the shutdown unless FORCE.

import { NO_SHUTDOWN_IN_PROGRESS, SHUTDOWN_DENY_BLOCKING, SHUTDOWN_FAILED, SYNTAX } from '../../errors.js';
import { defineCommand } from '../spec.js';

const NOSAVE = 1;
const SAVE = 2;
const NOW = 4;
const FORCE = 8;

export const shutdown = defineCommand({
  name: 'shutdown',
  arity: -1,
  flags: ['admin', 'noscript', 'loading', 'stale', 'no_multi', 'allow_busy'],
  docs: {
    summary: 'Synchronously save the dataset to disk and then shut down the server',
    since: '1.0.0',
    group: 'server',
    complexity: 'O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)',
    history: [['7.0.0', 'Added the `NOW`, `FORCE` and `ABORT` modifiers.']],
    arguments: [
      { name: 'nosave_save', type: 'oneof', flags: ['optional'], arguments: [
        { name: 'nosave', type: 'pure-token', token: 'NOSAVE' },
        { name: 'save', type: 'pure-token', token: 'SAVE' },
      ] },
      { name: 'now', type: 'pure-token', token: 'NOW', since: '7.0.0', flags: ['optional'] },
      { name: 'force', type: 'pure-token', token: 'FORCE', since: '7.0.0', flags: ['optional'] },
      { name: 'abort', type: 'pure-token', token: 'ABORT', since: '7.0.0', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    let flags = 0;
    let abort = false;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!.toLowerCase();
      if (a === 'nosave') flags |= NOSAVE;
      else if (a === 'save') flags |= SAVE;
      else if (a === 'now') flags |= NOW;
      else if (a === 'force') flags |= FORCE;
      else if (a === 'abort') abort = true;
      else throw SYNTAX;
    }
    if ((abort && flags !== 0) || ((flags & NOSAVE) !== 0 && (flags & SAVE) !== 0)) throw SYNTAX;
    // A shutdown never stays "in progress" here: without replicas to wait for, Redis
    // finishes at once too, so there is never one to abort.
    if (abort) throw NO_SHUTDOWN_IN_PROGRESS;
    if ((flags & NOW) === 0 && ctx.client.denyBlocking) throw SHUTDOWN_DENY_BLOCKING;

    const server = ctx.server;
    const log = server.logger;
    const mayExit = server.snapshots.shutdownSave({
      save: (flags & SAVE) !== 0, nosave: (flags & NOSAVE) !== 0, force: (flags & FORCE) !== 0,
    });
    if (!mayExit) {
      log.warning('Errors trying to shut down the server. Check the logs for more information.');
      throw SHUTDOWN_FAILED;
    }
    const handler = server.shutdownHandler;
    if (handler === null) {
      // Embedded (no process to stop): the reply Redis gives when shutdown fails.
      log.warning('Errors trying to shut down the server. Check the logs for more information.');
      throw SHUTDOWN_FAILED;
    }
    // No reply: as Redis, the connection simply closes when the server exits.
    handler('SHUTDOWN');
  },
});
