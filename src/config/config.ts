// Live configuration values over the config table: typed reads for the
// server, validated writes for CONFIG SET (atomic over several parameters),
// the config file and the command line, and the pattern reads of CONFIG GET.

import { CONFIG_PARAMS, type ConfigParam } from './config-table.js';
import { stringMatch } from './pattern.js';
import { ConfigError, parseMemory, parseMemoryBig } from './values.js';
import { string2ll } from '../util/int64.js';

export { ConfigError, parseMemory } from './values.js';

export type ConfigListener = (name: string, value: string) => void;

/** Why CONFIG SET refused: `unknown` parameters get Redis's other message. */
export class ConfigSetError extends Error {
  constructor(readonly param: string, readonly reason: string, readonly unknown = false) {
    super(reason);
  }
}

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

  isDefault(name: string): boolean {
    const p = this.param(name)!;
    return this.values.get(p.name) === p.default;
  }

  onChange(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /**
   * Validates and stores one value. `atStartup` allows immutable parameters.
   * Throws ConfigError with the reason Redis gives.
   */
  set(name: string, value: string, atStartup = false): void {
    const p = this.param(name);
    if (!p) throw new ConfigError(`Unknown option or number of arguments for CONFIG SET - '${name}'`);
    if (!p.mutable && !atStartup) throw new ConfigError("can't set immutable config");
    this.store(p, this.normalize(p, value));
  }

  /** Stores a value already in canonical form (start-up paths that compute it, e.g. dir). */
  setCanonical(name: string, value: string): void {
    this.store(this.param(name)!, value);
  }

  /**
   * CONFIG SET: all pairs are checked first and applied together, or none
   * is (Redis 7.0's configSetCommand). `allowProtected` is whether this
   * client may change PROTECTED_CONFIG parameters.
   */
  setMany(pairs: readonly (readonly [string, string])[], allowProtected: boolean): void {
    const chosen: ConfigParam[] = [];
    for (const [name] of pairs) {
      const p = this.param(name);
      if (!p) throw new ConfigSetError(name, '', true);
      if (!p.mutable) throw new ConfigSetError(name, "can't set immutable config");
      if (p.protected && !allowProtected) throw new ConfigSetError(name, "can't set protected config");
      if (chosen.includes(p)) throw new ConfigSetError(name, 'duplicate parameter');
      chosen.push(p);
    }
    const canonical: string[] = [];
    chosen.forEach((p, i) => {
      try {
        canonical.push(this.normalize(p, pairs[i]![1]));
      } catch (err) {
        // As Redis: a value's own error names the parameter as its table entry (alias or name) spells it.
        throw new ConfigSetError(pairs[i]![0].toLowerCase(), err instanceof ConfigError ? err.message : String(err));
      }
    });
    chosen.forEach((p, i) => this.store(p, canonical[i]!));
  }

  /** Checks a value without storing it; returns the canonical form. */
  normalize(p: ConfigParam, value: string): string {
    if (p.normalize) return p.normalize(value, this.values.get(p.name) ?? p.default);
    switch (p.type) {
      case 'bool': {
        const v = value.toLowerCase();
        if (v !== 'yes' && v !== 'no') throw new ConfigError("argument must be 'yes' or 'no'");
        return v;
      }
      case 'int':
      case 'octal': {
        const n = p.type === 'octal' ? (/^[0-7]+$/.test(value) ? BigInt('0o' + value) : null) : string2ll(value);
        if (n === null) throw new ConfigError("argument couldn't be parsed into an integer");
        this.checkRange(p, n);
        return p.type === 'octal' ? n.toString(8) : String(n);
      }
      case 'memory': {
        const n = parseMemoryBig(value);
        if (n === null) throw new ConfigError('argument must be a memory value');
        this.checkRange(p, n);
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

  /** CONFIG GET: every parameter name or alias matching any pattern, with its value. */
  matching(patterns: readonly string[]): [string, string][] {
    const out = new Map<string, string>();
    for (const pattern of patterns) {
      const isGlob = /[*?[\\]/.test(pattern);
      if (!isGlob) {
        const p = this.param(pattern);
        if (p) out.set(pattern, this.values.get(p.name)!);
        continue;
      }
      for (const [name, p] of this.byName) {
        if (p.hidden || out.has(name)) continue;
        if (stringMatch(pattern, name, true)) out.set(name, this.values.get(p.name)!);
      }
    }
    return [...out];
  }

  /** Parameters whose value differs from the default. */
  changed(): [string, string][] {
    return this.params.filter((p) => this.values.get(p.name) !== p.default).map((p) => [p.name, this.values.get(p.name)!]);
  }

  private checkRange(p: ConfigParam, n: bigint): void {
    if ((p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
      throw new ConfigError(`argument must be between ${p.min} and ${p.max} inclusive`);
    }
  }

  private store(p: ConfigParam, canonical: string): void {
    this.values.set(p.name, canonical);
    for (const l of this.listeners) l(p.name, canonical);
  }
}
