// Live configuration values over the config table: typed reads for the
// server, validated writes for CONFIG SET, the config file and the CLI.

import { CONFIG_PARAMS, type ConfigParam } from './config-table.js';

/** Redis's memtoull: bytes with optional k/kb/m/mb/g/gb suffix (k = 1000, kb = 1024). */
export function parseMemory(value: string): number | null {
  const m = /^(-?\d+)(k|kb|m|mb|g|gb|b)?$/i.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 * 1024, g: 1e9, gb: 1024 ** 3 };
  return n * mult[unit]!;
}

export class ConfigError extends Error {}

export type ConfigListener = (name: string, value: string) => void;

export class Config {
  private readonly byName = new Map<string, ConfigParam>();
  private readonly values = new Map<string, string>();
  private readonly listeners: ConfigListener[] = [];

  constructor(readonly params: readonly ConfigParam[] = CONFIG_PARAMS) {
    for (const p of params) {
      this.byName.set(p.name, p);
      for (const a of p.aliases ?? []) this.byName.set(a, p);
      this.values.set(p.name, p.default);
    }
  }

  /** The parameter a name or alias refers to (case-insensitive). */
  param(name: string): ConfigParam | undefined {
    return this.byName.get(name.toLowerCase());
  }

  get(name: string): string {
    const p = this.param(name);
    if (!p) throw new Error(`unknown config parameter ${name}`);
    return this.values.get(p.name)!;
  }

  /** Numeric value of an int or memory parameter. */
  num(name: string): number {
    const v = this.get(name);
    const p = this.param(name)!;
    return p.type === 'memory' ? parseMemory(v)! : Number(v);
  }

  bool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  onChange(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /**
   * Validates and stores a value. `atStartup` allows immutable parameters.
   * Throws ConfigError with the reason Redis gives.
   */
  set(name: string, value: string, atStartup = false): void {
    const p = this.param(name);
    if (!p) throw new ConfigError(`Unknown option or number of arguments for CONFIG SET - '${name}'`);
    if (!p.mutable && !atStartup) throw new ConfigError("can't set immutable config");
    const canonical = this.normalize(p, value);
    this.values.set(p.name, canonical);
    for (const l of this.listeners) l(p.name, canonical);
  }

  /** Checks a value without storing it; returns the canonical form. */
  normalize(p: ConfigParam, value: string): string {
    if (p.normalize) return p.normalize(value);
    switch (p.type) {
      case 'bool': {
        const v = value.toLowerCase();
        if (v !== 'yes' && v !== 'no') throw new ConfigError('argument must be \'yes\' or \'no\'');
        return v;
      }
      case 'int': {
        if (!/^-?\d+$/.test(value)) throw new ConfigError('argument couldn\'t be parsed into an integer');
        const n = Number(value);
        if (n < (p.min ?? -Infinity) || n > (p.max ?? Infinity)) {
          throw new ConfigError(`argument must be between ${p.min} and ${p.max} inclusive`);
        }
        return String(n);
      }
      case 'memory': {
        const n = parseMemory(value);
        if (n === null) throw new ConfigError('argument must be a memory value');
        if (n < (p.min ?? -Infinity) || n > (p.max ?? Infinity)) {
          throw new ConfigError(`argument must be between ${p.min} and ${p.max} inclusive`);
        }
        return String(n);
      }
      case 'enum': {
        const v = value.toLowerCase();
        if (!p.enumValues!.includes(v)) {
          throw new ConfigError(`argument(s) must be one of the following: ${p.enumValues!.join(', ')}`);
        }
        return v;
      }
      default:
        return value;
    }
  }

  /** Parameters whose value differs from the default (CONFIG REWRITE). */
  changed(): [string, string][] {
    return this.params.filter((p) => this.values.get(p.name) !== p.default).map((p) => [p.name, this.values.get(p.name)!]);
  }
}
