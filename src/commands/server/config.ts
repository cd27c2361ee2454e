// CONFIG GET / SET / RESETSTAT / REWRITE / HELP over the config table.

import { RedisError, SYNTAX } from '../../errors.js';
import { ConfigSetError } from '../../config/config.js';
import { containerRun, defineCommand } from '../spec.js';
import type { CommandContext } from '../context.js';
import { replyHelp } from './help.js';
import { rewriteConfigFile } from '../../config/rewrite.js';

const NO_CONFIG_FILE = new RedisError('ERR The server is running without a config file');

/** Redis's allowProtectedAction: 'yes', or 'local' for loopback clients. */
export function allowProtected(ctx: CommandContext, setting: string): boolean {
  if (setting === 'yes') return true;
  if (setting !== 'local') return false;
  const addr = ctx.client.addr;
  return addr.startsWith('127.') || addr.startsWith('[::1]') || addr.startsWith('::1') || addr.startsWith('/') || ctx.client.transport === null;
}

const CONFIG_HELP = [
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
];

const ADMIN = ['admin', 'noscript', 'loading', 'stale'] as const;

export const config = defineCommand({
  name: 'config',
  arity: -2,
  flags: [],
  docs: { summary: 'A container for server configuration commands', since: '2.0.0', group: 'server', complexity: 'Depends on subcommand.' },
  subcommands: [
    defineCommand({
      name: 'rewrite',
      arity: 2,
      flags: ADMIN,
      docs: { summary: 'Rewrite the configuration file with the in memory configuration', since: '2.8.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        const server = ctx.server;
        if (server.configFile === '') throw NO_CONFIG_FILE;
        try {
          rewriteConfigFile(server.configFile, server.config);
        } catch (err) {
          server.logger.warning(`CONFIG REWRITE failed: ${(err as Error).message}`);
          throw new RedisError(`ERR Rewriting config file: ${(err as Error).message}`);
        }
        server.logger.notice('CONFIG REWRITE executed with success.');
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'get',
      arity: -3,
      flags: ADMIN,
      docs: {
        summary: 'Get the values of configuration parameters', since: '2.0.0', group: 'server',
        complexity: 'O(N) when N is the number of configuration parameters provided',
        history: [['7.0.0', 'Added the ability to pass multiple pattern parameters in one call']],
        arguments: [{ name: 'parameter', type: 'block', flags: ['multiple'], arguments: [{ name: 'parameter', type: 'string' }] }],
      },
      run(ctx, argv) {
        const found = ctx.server.config.matching(argv.slice(2));
        ctx.reply.map(found.length);
        for (const [name, value] of found) {
          ctx.reply.bulk(name);
          ctx.reply.bulk(value);
        }
      },
    }),
    defineCommand({
      name: 'resetstat',
      arity: 2,
      flags: ADMIN,
      docs: { summary: 'Reset the stats returned by INFO', since: '2.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        ctx.server.resetStats();
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        replyHelp(ctx, 'CONFIG', CONFIG_HELP);
      },
    }),
    defineCommand({
      name: 'set',
      arity: -4,
      flags: ADMIN,
      tips: ['request_policy:all_nodes', 'response_policy:all_succeeded'],
      docs: {
        summary: 'Set configuration parameters to the given values', since: '2.0.0', group: 'server',
        complexity: 'O(N) when N is the number of configuration parameters provided',
        history: [['7.0.0', 'Added the ability to set multiple parameters in one call.']],
        arguments: [{
          name: 'parameter_value', type: 'block', flags: ['multiple'],
          arguments: [{ name: 'parameter', type: 'string' }, { name: 'value', type: 'string' }],
        }],
      },
      run(ctx, argv) {
        if (argv.length % 2 !== 0) throw SYNTAX;
        const pairs: [string, string][] = [];
        for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i]!, argv[i + 1]!]);
        const config = ctx.server.config;
        try {
          config.setMany(pairs, allowProtected(ctx, config.get('enable-protected-configs')));
        } catch (err) {
          if (!(err instanceof ConfigSetError)) throw err;
          if (err.unknown) throw new RedisError(`ERR Unknown option or number of arguments for CONFIG SET - '${err.param}'`);
          throw new RedisError(`ERR CONFIG SET failed (possibly related to argument '${err.param}') - ${err.reason}`);
        }
        ctx.reply.ok();
      },
    }),
  ],
  run: containerRun,
});
