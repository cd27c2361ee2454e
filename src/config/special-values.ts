// Parsers for the configuration values with their own syntax (Redis's
// "special" configs): save points, client output buffer limits, keyspace
// event classes, OOM score values, latency percentiles. Each returns the
// canonical text CONFIG GET shows, or throws ConfigError with Redis's reason.

import { ConfigError, parseMemory } from './values.js';

/** save: "<seconds> <changes> ..." pairs, or "" for none (setConfigSaveOption). */
export function normalizeSave(value: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  if (parts.length === 0) return '';
  if (parts.length % 2 !== 0 || parts.some((p) => !/^[+-]?\d+$/.test(p))) throw new ConfigError('Invalid save parameters');
  return parts.map((p) => String(Number(p))).join(' ');
}

/** Save points as [seconds, changes] pairs. */
export function savePoints(value: string): [number, number][] {
  const parts = value.split(' ').filter((p) => p !== '').map(Number);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push([parts[i]!, parts[i + 1]!]);
  return out;
}

const COBL_CLASSES = ['normal', 'slave', 'pubsub'];

/** client-output-buffer-limit: "<class> <hard> <soft> <soft-seconds>" groups, merged into the current value. */
export function normalizeOutputBufferLimit(value: string, current: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  if (parts.length % 4 !== 0) throw new ConfigError('Wrong number of arguments in buffer limit configuration.');
  const limits = new Map<string, string[]>();
  const cur = current.split(' ');
  for (let i = 0; i + 3 < cur.length; i += 4) limits.set(cur[i]!, cur.slice(i + 1, i + 4));
  for (let i = 0; i < parts.length; i += 4) {
    let cls = parts[i]!.toLowerCase();
    if (cls === 'replica') cls = 'slave';
    if (!COBL_CLASSES.includes(cls)) throw new ConfigError('Invalid client class specified in buffer limit configuration.');
    const hard = parseMemory(parts[i + 1]!);
    const soft = parseMemory(parts[i + 2]!);
    const secs = parts[i + 3]!;
    if (hard === null || soft === null || !/^-?\d+$/.test(secs) || Number(secs) < 0) {
      throw new ConfigError('Error in hard, soft or soft_seconds setting in buffer limit configuration.');
    }
    limits.set(cls, [String(hard), String(soft), String(Number(secs))]);
  }
  return COBL_CLASSES.map((c) => `${c} ${(limits.get(c) ?? ['0', '0', '0']).join(' ')}`).join(' ');
}

/** Keyspace event classes in the order keyspaceEventsFlagsToString prints them. */
const EVENT_CLASSES = 'g$lshzxetdn';
/** 'A' stands for these (NOTIFY_ALL: not key-miss, not new). */
const ALL_CLASSES = 'g$lshzxetd';

/** notify-keyspace-events: validates the class characters and returns Redis's canonical order. */
export function normalizeKeyspaceEvents(value: string): string {
  const set = new Set<string>();
  for (const ch of value) {
    if (ch === 'A') for (const c of ALL_CLASSES) set.add(c);
    else if ('g$lshzxetdnKEm'.includes(ch)) set.add(ch);
    else throw new ConfigError("Invalid event class character. Use 'Ag$lshzxeKEtmdn'.");
  }
  let out = '';
  if ([...ALL_CLASSES].every((c) => set.has(c))) {
    // As keyspaceEventsFlagsToString: 'n' is only printed outside 'A'.
    out = 'A';
  } else {
    for (const c of EVENT_CLASSES) if (set.has(c)) out += c;
  }
  if (set.has('K')) out += 'K';
  if (set.has('E')) out += 'E';
  if (set.has('m')) out += 'm';
  return out;
}

/** oom-score-adj-values: three integers in [-2000, 2000]. */
export function normalizeOomScoreAdjValues(value: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  if (parts.length !== 3) throw new ConfigError('wrong number of arguments');
  const nums = parts.map((p) => (/^-?\d+$/.test(p) ? Number(p) : NaN));
  if (nums.some((n) => !(n >= -2000 && n <= 2000))) {
    throw new ConfigError('Invalid oom-score-adj-values, elements must be between -2000 and 2000.');
  }
  return nums.join(' ');
}

/** latency-tracking-info-percentiles: numbers in [0, 100], printed as %f with trailing zeros trimmed. */
export function normalizePercentiles(value: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  const out: string[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (p.trim() === '' || Number.isNaN(n) || n < 0 || n > 100) {
      throw new ConfigError('latency-tracking-info-percentiles parameters should sit between [0.0,100.0]');
    }
    out.push(String(Number(n.toFixed(6))));
  }
  return out.join(' ');
}

/** maxmemory-clients: bytes, or a percentage of maxmemory ("10%"). */
export function normalizeMemoryOrPercent(value: string): string {
  const m = /^(\d+)%$/.exec(value);
  if (m) {
    const pct = Number(m[1]);
    if (pct > 100) throw new ConfigError('percentage argument must be less or equal to 100');
    return `${pct}%`;
  }
  const n = parseMemory(value);
  if (n === null) throw new ConfigError('argument must be a memory or percent value');
  return String(n);
}

const SHUTDOWN_FLAGS = ['default', 'save', 'nosave', 'now', 'force'];

/** shutdown-on-sigint / shutdown-on-sigterm: a set of flags. */
export function normalizeShutdownFlags(value: string): string {
  const words = value.split(' ').filter((w) => w !== '').map((w) => w.toLowerCase());
  if (words.length === 0 || words.some((w) => !SHUTDOWN_FLAGS.includes(w))) {
    throw new ConfigError(`argument(s) must be one of the following: ${SHUTDOWN_FLAGS.join(', ')}`);
  }
  return SHUTDOWN_FLAGS.filter((f) => words.includes(f)).join(' ');
}

/** replicaof: "<host> <port>" or "no one" (stored as ''). */
export function normalizeReplicaOf(value: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  if (parts.length === 0 || (parts.length === 2 && parts[0]!.toLowerCase() === 'no' && parts[1]!.toLowerCase() === 'one')) return '';
  if (parts.length !== 2) throw new ConfigError('wrong number of arguments');
  if (!/^\d+$/.test(parts[1]!) || Number(parts[1]) > 65535) throw new ConfigError('Invalid master port');
  return parts.join(' ');
}

/** bind: one or more addresses (a leading '-' marks an optional one). */
export function normalizeBind(value: string): string {
  const parts = value.split(' ').filter((p) => p !== '');
  if (parts.length > 16) throw new ConfigError('Too many bind addresses specified.');
  return parts.join(' ');
}
