// Start-up data loading, as Redis's loadDataFromDisk + aofOpenIfNeededOnServerStart:
// with appendonly yes the AOF directory is the data (the RDB file is not
// read), else dir/dbfilename. Shared by respite-server and startServer().

import type { Server } from '../server/server.js';
import { RdbLoadError } from './rdb/file.js';
import { ManifestError } from './aof/manifest.js';
import { AofLoadError, loadAppendOnlyFiles } from './aof/loader.js';

/** The data on disk cannot be loaded; the lines are logged, start-up stops. */
export class DataLoadError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[lines.length - 1]);
  }
}

export async function loadDataFromDisk(server: Server, options: { rdb: boolean }): Promise<void> {
  if (server.config.bool('appendonly')) await loadAof(server);
  else if (options.rdb) await loadRdbFile(server);
}

async function loadAof(server: Server): Promise<void> {
  const log = server.logger;
  const aof = server.aof;
  try {
    aof.loadManifest();
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    const lines = ['*** FATAL AOF MANIFEST FILE ERROR ***'];
    if (err.text !== null) lines.push(`Reading the manifest file, at line ${err.line}`, `>>> '${err.text}'`);
    lines.push(err.message);
    throw new DataLoadError(lines);
  }
  aof.upgradeOldStyle();
  const start = performance.now();
  let result;
  try {
    result = await loadAppendOnlyFiles(server, aof.manifest, aof.dir);
  } catch (err) {
    if (!(err instanceof AofLoadError)) throw err;
    throw new DataLoadError([`Fatal error loading the DB: ${err.message}. Exiting.`]);
  }
  if (result.status === 'ok' || result.status === 'truncated') {
    log.notice(`DB loaded from append only file: ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
  }
  aof.openOnStart(result.totalSize, result.baseSize);
}

/** dir/dbfilename if it exists. */
async function loadRdbFile(server: Server): Promise<void> {
  const start = performance.now();
  try {
    await server.snapshots.loadInSlices();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    const why = err instanceof RdbLoadError ? err.message : `can't read '${server.snapshots.path}': ${(err as Error).message}`;
    throw new DataLoadError([`Fatal error loading the DB: ${why}. Exiting.`]);
  }
  server.logger.notice(`DB loaded from disk: ${((performance.now() - start) / 1000).toFixed(3)} seconds`);
}
