// FUNCTION (LIST, FLUSH, STATS, DUMP, RESTORE, DELETE, LOAD, KILL, HELP),
// FCALL and FCALL_RO. respite has no scripting engine yet, so the library
// set is always empty: arguments are checked with Redis 7.0's texts, and
// loading any library fails with Redis's error for an unknown engine.

import {
  DUMP_PAYLOAD, FUNCTION_FLUSH_MODE, FUNCTION_NOT_FOUND, FUNCTION_RESTORE_POLICY, LIBRARY_NAME_MISSING,
  LIBRARY_NOT_FOUND, NOTBUSY, functionLoadError, subcommandSyntax, unknownArgument, unknownOptionGiven,
} from '../../errors.js';
import { containerRun, defineCommand, type KeySpec } from '../spec.js';
import { replyHelp } from './help.js';
import {
  FunctionError, dumpPayload, extractLibraryMetadata, payloadLibraries, validLibraryName, verifyDumpPayload,
} from './function-payload.js';

const FUNCTION_HELP = [
  'LOAD [REPLACE] <FUNCTION CODE>',
  '    Create a new library with the given library name and code.',
  'DELETE <LIBRARY NAME>',
  '    Delete the given library.',
  'LIST [LIBRARYNAME PATTERN] [WITHCODE]',
  '    Return general information on all the libraries:',
  '    * Library name',
  '    * The engine used to run the Library',
  '    * Library description',
  '    * Functions list',
  '    * Library code (if WITHCODE is given)',
  '    It also possible to get only function that matches a pattern using LIBRARYNAME argument.',
  'STATS',
  '    Return information about the current function running:',
  '    * Function name',
  '    * Command used to run the function',
  '    * Duration in MS that the function is running',
  '    If no function is running, return nil',
  '    In addition, returns a list of available engines.',
  'KILL',
  '    Kill the current running function.',
  'FLUSH [ASYNC|SYNC]',
  '    Delete all the libraries.',
  '    When called without the optional mode argument, the behavior is determined by the',
  '    lazyfree-lazy-user-flush configuration directive. Valid modes are:',
  '    * ASYNC: Asynchronously flush the libraries.',
  '    * SYNC: Synchronously flush the libraries.',
  'DUMP',
  '    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command',
  'RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]',
  '    Restore the libraries represented by the given payload, it is possible to give a restore policy to',
  '    control how to handle existing libraries (default APPEND):',
  '    * FLUSH: delete all existing libraries.',
  '    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.',
  '    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old',
  '      libraries with the new libraries (notice that even on this option there is a chance of failure',
  '      in case of functions name collision with another library).',
];

/**
 * Redis's functionsCreateWithLibraryCtx up to the engine: metadata, name
 * rules, then the engine lookup, which fails for every engine here (respite
 * has no Lua engine yet, so the error is Redis's for an unknown engine).
 */
function createLibrary(code: string): never {
  try {
    const md = extractLibraryMetadata(code);
    if (!validLibraryName(md.name)) {
      throw new FunctionError('Library names can only contain letters, numbers, or underscores(_) and must be at least one character long');
    }
    throw new FunctionError(`Engine '${md.engine}' not found`);
  } catch (err) {
    if (err instanceof FunctionError) throw functionLoadError(err.message);
    throw err;
  }
}

const SCRIPTING = ['scripting'] as const;

const fcallKeys = (flags: KeySpec['flags'], notes: string): KeySpec[] => [{
  notes, flags, begin: { index: 2 }, find: { keynum: { keynumIdx: 0, firstKey: 1, step: 1 } },
}];
const FCALL_ARGS = [
  { name: 'function', type: 'string' },
  { name: 'numkeys', type: 'integer' },
  { name: 'key', type: 'key', keySpecIndex: 0, flags: ['optional', 'multiple'] },
  { name: 'arg', type: 'string', flags: ['optional', 'multiple'] },
] as const;

export const fcall = defineCommand({
  name: 'fcall',
  arity: -3,
  flags: ['noscript', 'stale', 'skip_monitor', 'no_mandatory_keys'],
  acl: SCRIPTING,
  keys: fcallKeys(['RW', 'access', 'update'], 'We cannot tell how the keys will be used so we assume the worst, RW and UPDATE'),
  docs: { summary: 'Invoke a function', since: '7.0.0', group: 'scripting', complexity: 'Depends on the function that is executed.', arguments: FCALL_ARGS },
  run() {
    // As fcallCommandGeneric: the function is looked up before numkeys is read.
    throw FUNCTION_NOT_FOUND;
  },
});

export const fcallRo = defineCommand({
  name: 'fcall_ro',
  arity: -3,
  flags: ['readonly', 'noscript', 'stale', 'skip_monitor', 'no_mandatory_keys'],
  acl: SCRIPTING,
  keys: fcallKeys(['RO', 'access'], 'We cannot tell how the keys will be used so we assume the worst, RO and ACCESS'),
  docs: { summary: 'Invoke a read-only function', since: '7.0.0', group: 'scripting', complexity: 'Depends on the function that is executed.', arguments: FCALL_ARGS },
  run() {
    throw FUNCTION_NOT_FOUND;
  },
});

export const functionCommand = defineCommand({
  name: 'function',
  arity: -2,
  flags: [],
  docs: { summary: 'A container for function commands', since: '7.0.0', group: 'scripting', complexity: 'Depends on subcommand.' },
  subcommands: [
    defineCommand({
      name: 'delete',
      arity: 3,
      flags: ['write', 'noscript'],
      acl: SCRIPTING,
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      docs: { summary: 'Delete a function by name', since: '7.0.0', group: 'scripting', complexity: 'O(1)', arguments: [{ name: 'library-name', type: 'string' }] },
      run() {
        throw LIBRARY_NOT_FOUND;
      },
    }),
    defineCommand({
      name: 'dump',
      arity: 2,
      flags: ['noscript'],
      acl: SCRIPTING,
      docs: { summary: 'Dump all functions into a serialized binary payload', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions' },
      run(ctx) {
        // No libraries: the RDB body is empty, leaving only the version and checksum.
        ctx.reply.bulk(dumpPayload(new Uint8Array(0)));
      },
    }),
    defineCommand({
      name: 'flush',
      arity: -2,
      flags: ['write', 'noscript'],
      acl: SCRIPTING,
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      docs: {
        summary: 'Deleting all functions', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions deleted',
        arguments: [{ name: 'async', type: 'oneof', flags: ['optional'], arguments: [
          { name: 'async', type: 'pure-token', token: 'ASYNC' },
          { name: 'sync', type: 'pure-token', token: 'SYNC' },
        ] }],
      },
      run(ctx, argv) {
        if (argv.length > 3) throw subcommandSyntax(argv[0]!, argv[1]!);
        if (argv.length === 3) {
          const mode = argv[2]!.toLowerCase();
          if (mode !== 'sync' && mode !== 'async') throw FUNCTION_FLUSH_MODE;
        }
        // As Redis: the flush counts as a change and is propagated.
        ctx.keyspace.dirty++;
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'kill',
      arity: 2,
      flags: ['noscript', 'allow_busy'],
      acl: SCRIPTING,
      tips: ['request_policy:all_shards', 'response_policy:one_succeeded'],
      docs: { summary: 'Kill the function currently in execution.', since: '7.0.0', group: 'scripting', complexity: 'O(1)' },
      run() {
        throw NOTBUSY;
      },
    }),
    defineCommand({
      name: 'load',
      arity: -3,
      flags: ['write', 'denyoom', 'noscript'],
      acl: SCRIPTING,
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      docs: {
        summary: 'Create a function with the given arguments (name, code, description)', since: '7.0.0', group: 'scripting',
        complexity: 'O(1) (considering compilation time is redundant)',
        arguments: [
          { name: 'replace', type: 'pure-token', token: 'REPLACE', flags: ['optional'] },
          { name: 'function-code', type: 'string' },
        ],
      },
      run(_ctx, argv) {
        // Every argument before the last must be REPLACE.
        for (let i = 2; i < argv.length - 1; i++) {
          if (argv[i]!.toLowerCase() !== 'replace') throw unknownOptionGiven(argv[i]!);
        }
        createLibrary(argv[argv.length - 1]!);
      },
    }),
    defineCommand({
      name: 'help',
      arity: 2,
      flags: ['loading', 'stale'],
      acl: SCRIPTING,
      docs: { summary: 'Show helpful text about the different subcommands', since: '7.0.0', group: 'scripting', complexity: 'O(1)' },
      run(ctx) {
        replyHelp(ctx, 'FUNCTION', FUNCTION_HELP);
      },
    }),
    defineCommand({
      name: 'list',
      arity: -2,
      flags: ['noscript'],
      acl: SCRIPTING,
      tips: ['nondeterministic_output_order'],
      docs: {
        summary: 'List information about all the functions', since: '7.0.0', group: 'scripting', complexity: 'O(N) where N is the number of functions',
        arguments: [
          { name: 'library-name-pattern', type: 'string', token: 'LIBRARYNAME', flags: ['optional'] },
          { name: 'withcode', type: 'pure-token', token: 'WITHCODE', flags: ['optional'] },
        ],
      },
      run(ctx, argv) {
        let withCode = false;
        let pattern: string | null = null;
        for (let i = 2; i < argv.length; i++) {
          const a = argv[i]!.toLowerCase();
          if (!withCode && a === 'withcode') {
            withCode = true;
            continue;
          }
          if (pattern === null && a === 'libraryname') {
            if (i >= argv.length - 1) throw LIBRARY_NAME_MISSING;
            pattern = argv[++i]!;
            continue;
          }
          throw unknownArgument(argv[i]!);
        }
        // No libraries can exist without an engine.
        ctx.reply.array(0);
      },
    }),
    defineCommand({
      name: 'restore',
      arity: -3,
      flags: ['write', 'denyoom', 'noscript'],
      acl: SCRIPTING,
      tips: ['request_policy:all_shards', 'response_policy:all_succeeded'],
      docs: {
        summary: 'Restore all the functions on the given payload', since: '7.0.0', group: 'scripting',
        complexity: 'O(N) where N is the number of functions on the payload',
        arguments: [
          { name: 'serialized-value', type: 'string' },
          { name: 'policy', type: 'oneof', flags: ['optional'], arguments: [
            { name: 'flush', type: 'pure-token', token: 'FLUSH' },
            { name: 'append', type: 'pure-token', token: 'APPEND' },
            { name: 'replace', type: 'pure-token', token: 'REPLACE' },
          ] },
        ],
      },
      run(ctx, argv) {
        if (argv.length > 4) throw subcommandSyntax(argv[0]!, argv[1]!);
        if (argv.length === 4) {
          const policy = argv[3]!.toLowerCase();
          if (policy !== 'flush' && policy !== 'append' && policy !== 'replace') throw FUNCTION_RESTORE_POLICY;
        }
        const payload = Buffer.from(argv[2]!, 'latin1');
        if (!verifyDumpPayload(payload)) throw DUMP_PAYLOAD;
        try {
          for (const code of payloadLibraries(payload)) createLibrary(code);
        } catch (err) {
          if (err instanceof FunctionError) throw functionLoadError(err.message);
          throw err;
        }
        // An empty payload restores nothing; with FLUSH the (empty) library set is replaced all the same.
        ctx.keyspace.dirty++;
        ctx.reply.ok();
      },
    }),
    defineCommand({
      name: 'stats',
      arity: 2,
      flags: ['noscript', 'allow_busy'],
      acl: SCRIPTING,
      tips: ['nondeterministic_output', 'request_policy:all_shards', 'response_policy:special'],
      docs: {
        summary: 'Return information about the function currently running (name, description, duration)', since: '7.0.0',
        group: 'scripting', complexity: 'O(1)',
      },
      run(ctx) {
        ctx.reply.map(2);
        ctx.reply.bulk('running_script');
        ctx.reply.null();
        ctx.reply.bulk('engines');
        // No engines are available (Redis lists LUA here).
        ctx.reply.map(0);
      },
    }),
  ],
  run: containerRun,
});
