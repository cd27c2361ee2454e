// redis.conf syntax and redis-server's command line → configuration lines.
// As Redis, `--name value` options become config lines appended after the
// file's, so errors in either are reported as "at line N" of one text.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { splitInlineArgs } from '../protocol/inline-parser.js';
import { quoteRepr } from '../server/monitor.js';
import { CONFIG_PARAMS } from './config-table.js';

export type ConfigPairs = [string, string][];

/** One directive: its arguments (name first), line number and trimmed text, for error reports. */
export interface ConfigLine {
  args: string[];
  lineNo: number;
  text: string;
}

/** A config text error, printed by the CLI in Redis's FATAL CONFIG FILE ERROR format. */
export class ConfigLoadError extends Error {
  constructor(readonly lineNo: number, readonly text: string, readonly reason: string) {
    super(reason);
  }

  /** Redis's loadServerConfigFromString error report. */
  format(redisVersion: string): string {
    return `\n*** FATAL CONFIG FILE ERROR (Redis ${redisVersion}) ***\n` +
      `Reading the configuration file, at line ${this.lineNo}\n>>> '${this.text}'\n${this.reason}\n`;
  }
}

/** Parameters whose value spans several arguments (Redis's MULTI_ARG_CONFIG). */
const MULTI_ARG = new Set(['save', 'client-output-buffer-limit', 'oom-score-adj-values', 'bind', 'replicaof', 'slaveof', 'latency-tracking-info-percentiles']);
const KNOWN = new Set(CONFIG_PARAMS.flatMap((p) => [p.name, ...(p.aliases ?? [])]));

/**
 * Parses redis.conf text: one `name value...` per line, '#' comments, quoted
 * values as Redis's sdssplitargs, `include path` files inlined. Unknown
 * directives and wrong argument counts throw ConfigLoadError.
 */
export function parseConfigLines(text: string, baseDir = '.', depth = 0): ConfigLine[] {
  const out: ConfigLine[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
    if (line === '' || line.startsWith('#')) return;
    const args = splitInlineArgs(line);
    if (args === null) throw new ConfigLoadError(i + 1, line, 'Unbalanced quotes in configuration line');
    if (args.length === 0) return;
    const name = args[0]!.toLowerCase();
    args[0] = name;
    if (name === 'include' && args.length === 2) {
      if (depth > 10) throw new ConfigLoadError(i + 1, line, 'include nesting too deep');
      const path = resolve(baseDir, args[1]!);
      let inner: string;
      try {
        inner = readFileSync(path, 'latin1');
      } catch (err) {
        throw new ConfigLoadError(i + 1, line, `Fatal error, can't open config file '${path}': ${(err as Error).message}`);
      }
      out.push(...parseConfigLines(inner, dirname(path), depth + 1));
      return;
    }
    if (!KNOWN.has(name)) throw new ConfigLoadError(i + 1, line, 'Bad directive or wrong number of arguments');
    if (!MULTI_ARG.has(name) && args.length !== 2) throw new ConfigLoadError(i + 1, line, 'wrong number of arguments');
    out.push({ args, lineNo: i + 1, text: line });
  });
  return out;
}

/** Name/value pairs of parsed lines (multi-argument values joined with spaces). */
export function linesToPairs(lines: readonly ConfigLine[]): ConfigPairs {
  return lines.map((l) => [l.args[0]!, l.args.slice(1).join(' ')]);
}

/** Compatibility helper: redis.conf text → pairs. */
export function parseConfigText(text: string, baseDir = '.'): ConfigPairs {
  return linesToPairs(parseConfigLines(text, baseDir));
}

export interface CommandLine {
  configFile: string | null;
  /** The `--name value` options as config text (Redis's main() builds the same). */
  optionsText: string;
  /** respite-only switches (--version, --help), without the dashes. */
  switches: string[];
}

/**
 * redis-server's command line: an optional config file path first, then
 * `--name value [value...]` options (values run until the next `--name`).
 */
export function parseCommandLine(args: readonly string[]): CommandLine {
  let i = 0;
  let configFile: string | null = null;
  const switches: string[] = [];
  const lines: string[] = [];
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
    if (values.length === 0 && (name === 'version' || name === 'help' || name === 'v' || name === 'h')) switches.push(name);
    else lines.push([name, ...values.map(quoteRepr)].join(' '));
  }
  return { configFile, optionsText: lines.join('\n'), switches };
}
