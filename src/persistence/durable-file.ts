// Durable file writes: data fsynced before it is relied on, and directories
// fsynced after a rename or a new file, so a crash leaves the old state or
// the new one, never a torn file.

import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** Writes `data` to `path` (created or truncated) and fsyncs it. */
export function writeFileDurably(path: string, data: Buffer): void {
  const fd = openSync(path, 'w', 0o644);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync of a file or directory (after a rename or a new file in it). */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
