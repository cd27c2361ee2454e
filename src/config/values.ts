// Value parsing shared by the config table: Redis's memtoull for memory
// sizes and the error type carrying Redis's CONFIG SET reason texts.

/** A rejected configuration value; `message` is Redis's reason text. */
export class ConfigError extends Error {}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 * 1024, g: 1e9, gb: 1024 ** 3 };

/** Redis's memtoull: digits with an optional k/kb/m/mb/g/gb/b unit (k = 1000, kb = 1024); null if invalid. */
export function parseMemory(value: string): number | null {
  const m = /^(\d*)([a-z]*)$/i.exec(value);
  if (!m) return null;
  const mult = UNITS[m[2]!.toLowerCase()];
  if (mult === undefined) return null;
  const n = m[1] === '' ? 0 : Number(m[1]);
  return n * mult;
}

/** Redis's memtoull as an exact bigint (for range checks near 2^63). */
export function parseMemoryBig(value: string): bigint | null {
  const m = /^(\d*)([a-z]*)$/i.exec(value);
  if (!m) return null;
  const mult = UNITS[m[2]!.toLowerCase()];
  if (mult === undefined) return null;
  const n = m[1] === '' ? 0n : BigInt(m[1]!);
  const v = n * BigInt(mult);
  return v > 18446744073709551615n ? null : v;
}

/** Memory in Redis's rewrite notation: whole gb/mb/kb when exact, else bytes (rewriteConfigBytesOption). */
export function formatMemory(bytes: number): string {
  const GB = 1024 ** 3;
  const MB = 1024 * 1024;
  if (bytes !== 0 && bytes % GB === 0) return `${bytes / GB}gb`;
  if (bytes !== 0 && bytes % MB === 0) return `${bytes / MB}mb`;
  if (bytes !== 0 && bytes % 1024 === 0) return `${bytes / 1024}kb`;
  return String(bytes);
}
