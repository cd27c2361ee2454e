// respite-server's --import-json FILE and --export-json FILE: taken out of
// the command line before the config options are parsed, then run after the
// data file is loaded. An import failure or an export stops the process
// before it serves (exit 1 on failure, 0 after a successful export).

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Server } from '../../server/server.js';
import { LoadingProgress } from '../loading.js';
import { limitsFromConfig } from './decode.js';
import { exportJsonFile } from './export.js';
import { importJsonFile, JsonImportError } from './import.js';
import { Progress, type ProgressTarget } from './progress.js';

/** The directory respite-server was started from: the server later changes into `dir`. */
const launchDir = process.cwd();

const FLAGS = ['--import-json', '--export-json'] as const;

export interface JsonFlags {
  importPath: string | null;
  exportPath: string | null;
  /** The command line without the two flags. */
  rest: string[];
}

/** Splits the flags off (`--import-json FILE` or `--import-json=FILE`); throws a usage error. */
export function takeJsonFlags(args: readonly string[]): JsonFlags {
  const flags: JsonFlags = { importPath: null, exportPath: null, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = FLAGS.find((f) => arg.toLowerCase() === f || arg.toLowerCase().startsWith(`${f}=`));
    if (flag === undefined) {
      flags.rest.push(arg);
      continue;
    }
    let value: string | undefined = arg.length > flag.length ? arg.slice(flag.length + 1) : args[++i];
    if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`${flag} needs a file name`);
    value = resolve(launchDir, value);
    if (flag === '--import-json') flags.importPath = value;
    else flags.exportPath = value;
  }
  return flags;
}

/** The command line without the JSON flags (for the config parser). */
export function withoutJsonFlags(args: readonly string[]): string[] {
  return takeJsonFlags(args).rest;
}

function progressTarget(server: Server): ProgressTarget {
  const toTerminal = server.config.get('logfile') === '' && process.stdout.isTTY === true;
  return { tty: toTerminal ? process.stdout : null, log: (line) => server.logger.notice(line) };
}

async function runImport(server: Server, path: string): Promise<void> {
  const log = server.logger;
  const start = performance.now();
  let size: number | null = null;
  try {
    const st = statSync(path);
    if (st.isFile()) size = st.size;
  } catch {
    // Reported by the import itself, with the reason.
  }
  const progress = new Progress('Importing JSON', 'bytes', size, progressTarget(server));
  // The port may already be open: as while the data file loads, clients get
  // -LOADING (and INFO shows loading_*) until the import is complete.
  const loading = new LoadingProgress(server, size ?? 0, 'keys');
  server.setLoading(loading);
  try {
    const r = await importJsonFile(path, server.keyspace, {
      limits: limitsFromConfig(server.config),
      onProgress: (bytes, keys) => {
        loading.loadedBytes = bytes;
        loading.items = keys;
        progress.update(bytes, keys);
      },
    });
    progress.finish(r.bytes, r.keysLoaded);
    // Imported keys are changes the data file does not hold yet: the save points see them.
    server.keyspace.dirty += r.keysLoaded;
    log.notice(`JSON imported from '${path}': ${r.keysLoaded} keys loaded (${r.keysReplaced} replaced existing keys), ` +
      `${r.keysExpired} expired keys skipped, ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
  } catch (err) {
    progress.finish(0);
    const why = err instanceof JsonImportError
      ? `${err.message}. ${err.keysLoaded} keys had been loaded before the error`
      : `can't read '${path}': ${(err as Error).message}`;
    log.warning(`Fatal error importing JSON: ${why}. Exiting without serving or saving.`);
    process.exit(1);
  } finally {
    server.setLoading(null);
  }
}

async function runExport(server: Server, path: string): Promise<never> {
  const log = server.logger;
  const start = performance.now();
  const total = server.keyspace.dbs.reduce((n, db) => n + db.size, 0);
  const progress = new Progress('Exporting JSON', 'keys', total, progressTarget(server));
  try {
    const r = await exportJsonFile(server.keyspace, path, { onProgress: (done) => progress.update(done) });
    progress.finish(r.keysWritten);
    log.notice(`JSON exported to '${path}': ${r.keysWritten} keys, ${r.bytes} bytes, ` +
      `${((performance.now() - start) / 1000).toFixed(3)} seconds`);
  } catch (err) {
    log.warning(`Fatal error exporting JSON to '${path}': ${(err as Error).message}. Exiting.`);
    process.exit(1);
  }
  process.exit(0);
}

/** Runs --import-json then --export-json (which exits), as given on `args`. */
export async function runJsonFlags(server: Server, args: readonly string[]): Promise<void> {
  const flags = takeJsonFlags(args);
  if (flags.importPath !== null) await runImport(server, flags.importPath);
  if (flags.exportPath !== null) await runExport(server, flags.exportPath);
}
