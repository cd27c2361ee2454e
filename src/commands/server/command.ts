// COMMAND and its subcommands (COUNT, INFO, DOCS, GETKEYS, GETKEYSANDFLAGS,
// LIST, HELP), all rendered from the one command table.

import { RedisError, SYNTAX } from '../../errors.js';
import { stringMatch } from '../../config/pattern.js';
import type { CommandContext } from '../context.js';
import type { RegisteredCommand } from '../registry.js';
import { ACL_CATEGORIES, defineCommand, type AclCategory } from '../spec.js';
import { keysWithFlags } from './command-keys.js';
import { replyCommandDocs, replyCommandInfo } from './command-reply.js';
import { replyHelp } from './help.js';

const INVALID_COMMAND = new RedisError('ERR Invalid command specified');
const NO_KEY_ARGS = new RedisError('ERR The command has no key arguments');
const INVALID_ARG_COUNT = new RedisError('ERR Invalid number of arguments specified for command');
const INVALID_ARGS = new RedisError('ERR Invalid arguments specified for command');

/** Redis's lookupCommandBySds: 'get' or 'config|get'. */
export function lookupByFullName(ctx: CommandContext, name: string): RegisteredCommand | undefined {
  const bar = name.indexOf('|');
  if (bar === -1) return ctx.server.commands.lookup(name);
  const parent = ctx.server.commands.lookup(name.slice(0, bar));
  if (parent === undefined || parent.subcommands === null || name.indexOf('|', bar + 1) !== -1) return undefined;
  return parent.subcommands.get(name.slice(bar + 1).toLowerCase());
}

function replyAllInfo(ctx: CommandContext): void {
  const table = ctx.server.commands;
  ctx.reply.array(table.size);
  for (const cmd of table.all()) replyCommandInfo(ctx.reply, cmd);
}

function getKeys(ctx: CommandContext, argv: string[], withFlags: boolean): void {
  const cmdArgv = argv.slice(2);
  const cmd = ctx.server.commands.resolve(cmdArgv);
  if (cmd === undefined) throw INVALID_COMMAND;
  if (!(cmd.spec.keys ?? []).some((ks) => !ks.flags.includes('not_key')) && cmd.spec.getKeys === undefined) throw NO_KEY_ARGS;
  if (!cmd.arityOk(cmdArgv.length)) throw INVALID_ARG_COUNT;
  const keys = keysWithFlags(cmd, cmdArgv);
  if (keys === null || keys.length === 0) {
    if (cmd.spec.flags.includes('no_mandatory_keys')) {
      ctx.reply.array(0);
      return;
    }
    throw INVALID_ARGS;
  }
  ctx.reply.array(keys.length);
  for (const k of keys) {
    if (!withFlags) {
      ctx.reply.bulk(cmdArgv[k.pos]!);
      continue;
    }
    ctx.reply.array(2);
    ctx.reply.bulk(cmdArgv[k.pos]!);
    ctx.reply.set(k.flags.length);
    for (const f of k.flags) ctx.reply.simple(f);
  }
}

/** Every command and subcommand name for which `keep` holds. */
function listNames(ctx: CommandContext, keep: (cmd: RegisteredCommand) => boolean): string[] {
  const out: string[] = [];
  for (const cmd of ctx.server.commands.all()) {
    if (keep(cmd)) out.push(cmd.fullName);
    if (cmd.subcommands === null) continue;
    for (const sub of cmd.subcommands.values()) if (keep(sub)) out.push(sub.fullName);
  }
  return out;
}

const COMMAND_HELP = [
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
];

export const command = defineCommand({
  name: 'command',
  arity: -1,
  flags: ['loading', 'stale'],
  acl: ['connection'],
  tips: ['nondeterministic_output_order'],
  docs: {
    summary: 'Get array of Redis command details', since: '2.8.13', group: 'server',
    complexity: 'O(N) where N is the total number of Redis commands',
  },
  subcommands: [
    defineCommand({
      name: 'info',
      arity: -2,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      tips: ['nondeterministic_output_order'],
      docs: {
        summary: 'Get array of specific Redis command details, or all when no argument is given.',
        since: '2.8.13', group: 'server', complexity: 'O(N) where N is the number of commands to look up',
        history: [['7.0.0', 'Allowed to be called with no argument to get info on all commands.']],
        arguments: [{ name: 'command-name', type: 'string', flags: ['optional', 'multiple'] }],
      },
      run(ctx, argv) {
        if (argv.length === 2) {
          replyAllInfo(ctx);
          return;
        }
        ctx.reply.array(argv.length - 2);
        for (let i = 2; i < argv.length; i++) {
          const cmd = lookupByFullName(ctx, argv[i]!);
          if (cmd === undefined) ctx.reply.null();
          else replyCommandInfo(ctx.reply, cmd);
        }
      },
    }),
    defineCommand({
      name: 'getkeys',
      arity: -4,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      docs: {
        summary: 'Extract keys given a full Redis command', since: '2.8.13', group: 'server',
        complexity: 'O(N) where N is the number of arguments to the command',
      },
      run(ctx, argv) {
        getKeys(ctx, argv, false);
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      docs: { summary: 'Show helpful text about the different subcommands', since: '5.0.0', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        replyHelp(ctx, 'COMMAND', COMMAND_HELP);
      },
    }),
    defineCommand({
      name: 'count',
      arity: 2,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      docs: { summary: 'Get total number of Redis commands', since: '2.8.13', group: 'server', complexity: 'O(1)' },
      run(ctx) {
        ctx.reply.integer(ctx.server.commands.size);
      },
    }),
    defineCommand({
      name: 'docs',
      arity: -2,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      tips: ['nondeterministic_output_order'],
      docs: {
        summary: 'Get array of specific Redis command documentation', since: '7.0.0', group: 'server',
        complexity: 'O(N) where N is the number of commands to look up',
        arguments: [{ name: 'command-name', type: 'string', flags: ['optional', 'multiple'] }],
      },
      run(ctx, argv) {
        const found: RegisteredCommand[] = [];
        if (argv.length === 2) {
          found.push(...ctx.server.commands.all());
        } else {
          for (let i = 2; i < argv.length; i++) {
            const cmd = lookupByFullName(ctx, argv[i]!);
            if (cmd !== undefined) found.push(cmd);
          }
        }
        ctx.reply.map(found.length);
        for (const cmd of found) {
          ctx.reply.bulk(cmd.fullName);
          replyCommandDocs(ctx.reply, cmd);
        }
      },
    }),
    defineCommand({
      name: 'getkeysandflags',
      arity: -4,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      docs: {
        summary: 'Extract keys and access flags given a full Redis command', since: '7.0.0', group: 'server',
        complexity: 'O(N) where N is the number of arguments to the command',
      },
      run(ctx, argv) {
        getKeys(ctx, argv, true);
      },
    }),
    defineCommand({
      name: 'list',
      arity: -2,
      flags: ['loading', 'stale'],
      acl: ['connection'],
      tips: ['nondeterministic_output_order'],
      docs: {
        summary: 'Get an array of Redis command names', since: '7.0.0', group: 'server',
        complexity: 'O(N) where N is the total number of Redis commands',
        arguments: [
          { name: 'filterby', type: 'oneof', token: 'FILTERBY', flags: ['optional'], arguments: [
            { name: 'module-name', type: 'string', token: 'MODULE' },
            { name: 'category', type: 'string', token: 'ACLCAT' },
            { name: 'pattern', type: 'pattern', token: 'PATTERN' },
          ] },
        ],
      },
      run(ctx, argv) {
        let names: string[];
        if (argv.length === 2) {
          names = listNames(ctx, () => true);
        } else if (argv.length === 5 && argv[2]!.toLowerCase() === 'filterby') {
          const kind = argv[3]!.toLowerCase();
          const arg = argv[4]!;
          if (kind === 'module') {
            names = [];
          } else if (kind === 'aclcat') {
            const cat = arg.toLowerCase() as AclCategory;
            names = ACL_CATEGORIES.includes(cat) ? listNames(ctx, (c) => c.aclCategories.includes(cat)) : [];
          } else if (kind === 'pattern') {
            names = listNames(ctx, (c) => stringMatch(arg, c.fullName, true));
          } else {
            throw SYNTAX;
          }
        } else {
          throw SYNTAX;
        }
        ctx.reply.bulkArray(names);
      },
    }),
  ],
  run(ctx, argv) {
    // Only the bare COMMAND reaches here; subcommands dispatch to their own run.
    if (argv.length === 1) replyAllInfo(ctx);
  },
});
