// redis.conf syntax and redis-server style command lines → (name, value) pairs.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { splitInlineArgs } from '../protocol/inline-parser.js';

export type ConfigPairs = [string, string][];

/**
 * Parses redis.conf text: one `name value...` per line, '#' comments,
 * quoted values as Redis's sdssplitargs, `include path` files inlined.
 * Multi-word values are joined with spaces (e.g. `save 900 1`).
 */
export function parseConfigText(text: string, baseDir = '.', depth = 0): ConfigPairs {
  const pairs: ConfigPairs = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const args = splitInlineArgs(line);
    if (args === null || args.length === 0) {
      throw new Error(`*** FATAL CONFIG FILE ERROR *** line ${i + 1}: Unbalanced quotes in configuration line`);
    }
    const name = args[0]!.toLowerCase();
    if (name === 'include') {
      if (depth > 10) throw new Error('*** FATAL CONFIG FILE ERROR *** include nesting too deep');
      const path = resolve(baseDir, args[1] ?? '');
      pairs.push(...parseConfigText(readFileSync(path, 'latin1'), dirname(path), depth + 1));
      return;
    }
    pairs.push([name, args.slice(1).join(' ')]);
  });
  return pairs;
}

export interface CommandLine {
  configFile: string | null;
  pairs: ConfigPairs;
  /** respite-only switches (--version, --help, --test-memory ...), without the dashes. */
  switches: string[];
}

/**
 * redis-server's command line: an optional config file path first, then
 * `--name value [value...]` options (values run until the next `--name`).
 */
export function parseCommandLine(args: readonly string[]): CommandLine {
  let i = 0;
  let configFile: string | null = null;
  const pairs: ConfigPairs = [];
  const switches: string[] = [];
  if (args[0] !== undefined && !args[0].startsWith('--')) {
    configFile = args[0];
    i = 1;
  }
  while (i < args.length) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new Error(`Invalid argument '${arg}': options start with --`);
    const name = arg.slice(2).toLowerCase();
    const values: string[] = [];
    i++;
    while (i < args.length && !args[i]!.startsWith('--')) values.push(args[i++]!);
    if (values.length === 0) switches.push(name);
    else pairs.push([name, values.join(' ')]);
  }
  return { configFile, pairs, switches };
}
