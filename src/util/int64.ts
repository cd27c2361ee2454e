// Integer parsing with Redis's string2ll rules (no leading zeros, no '+', no
// spaces, optional '-', must fit in a signed 64-bit integer).

export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;

/** Whether `s` is an integer string2ll accepts; its value as bigint, else null. */
export function string2ll(s: string): bigint | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  let i = 0;
  if (s.charCodeAt(0) === 45 /* - */) {
    if (n === 1) return null;
    i = 1;
  }
  const first = s.charCodeAt(i);
  if (first === 48 /* 0 */) return n === 1 ? 0n : null;
  if (first < 49 || first > 57) return null;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return null;
  }
  const v = BigInt(s);
  return v > INT64_MAX || v < INT64_MIN ? null : v;
}

/**
 * string2ll as a JS number (exact up to 2^53; beyond that, the nearest double,
 * which callers use only for clamping). null when not a valid int64.
 */
export function parseInt64(s: string): number | null {
  const n = s.length;
  if (n === 0 || n > 20) return null;
  if (n <= 15) {
    let i = 0;
    let negative = false;
    if (s.charCodeAt(0) === 45) {
      if (n === 1) return null;
      negative = true;
      i = 1;
    }
    const first = s.charCodeAt(i);
    if (first === 48) return n === 1 ? 0 : null;
    if (first < 49 || first > 57) return null;
    let v = 0;
    for (; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      v = v * 10 + d;
    }
    return negative ? -v : v;
  }
  const big = string2ll(s);
  return big === null ? null : Number(big);
}
