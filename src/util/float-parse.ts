// Redis's float parsing rules: string2d (getDoubleFromObject: ZADD scores,
// INCRBYFLOAT-like doubles) and string2ld (getLongDoubleFromObject:
// INCRBYFLOAT, HINCRBYFLOAT). Both accept exactly what C's strtod/strtold
// accept when the whole string is consumed: decimal, hex floats (0x1.8p3),
// inf/infinity; and reject empty input, leading whitespace, trailing garbage,
// NaN, and results that overflow or underflow to zero (ERANGE).

import {
  BINARY64, X87_EXTENDED, decimalToBinary, hexToBinary, ldInf, type BinaryFormat, type LongDouble,
} from './long-double.js';

/** The syntax of a number strtod would consume entirely. */
export type ScannedFloat =
  | { kind: 'dec' | 'hex'; neg: boolean; digits: string; exp: number }
  | { kind: 'inf'; neg: boolean }
  | { kind: 'nan' };

/**
 * Saturation for parsed exponents: far beyond any finite long double, and
 * beyond any count of fraction digits a string can hold, so the sign of
 * (exponent - fraction digits) stays right.
 */
const EXP_LIMIT = 1_000_000_000;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function lowerAt(s: string, i: number): number {
  return s.charCodeAt(i) | 32;
}

/** Matches `word` case-insensitively at `i`. */
function wordAt(s: string, i: number, word: string): boolean {
  if (s.length - i < word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerAt(s, i + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** Reads a (saturated) signed decimal exponent from s[i..]; null unless it runs to the end. */
function scanExponent(s: string, i: number): number | null {
  let neg = false;
  const c = s.charCodeAt(i);
  if (c === 43 || c === 45) { neg = c === 45; i++; }
  if (i >= s.length) return null;
  let v = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (!isDigit(d)) return null;
    if (v < EXP_LIMIT) v = v * 10 + (d - 48);
  }
  return neg ? -v : v;
}

/**
 * Parses `s` with strtod's grammar, requiring the whole string to be
 * consumed; null when it is not. Leading whitespace is rejected (Redis checks
 * isspace(s[0]) before trusting strtod).
 */
export function scanFloat(s: string): ScannedFloat | null {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (n === 0) return null;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) { neg = c === 45; i++; }
  if (i >= n) return null;
  c = s.charCodeAt(i);
  const lc = c | 32;
  if (lc === 105 /* i */) {
    if (wordAt(s, i, 'infinity') && i + 8 === n) return { kind: 'inf', neg };
    if (wordAt(s, i, 'inf') && i + 3 === n) return { kind: 'inf', neg };
    return null;
  }
  if (lc === 110 /* n */) {
    if (!wordAt(s, i, 'nan')) return null;
    if (i + 3 === n) return { kind: 'nan' };
    // nan(n-char-sequence)
    if (s.charCodeAt(i + 3) !== 40 || s.charCodeAt(n - 1) !== 41) return null;
    for (let k = i + 4; k < n - 1; k++) {
      const ch = s.charCodeAt(k);
      if (!(isDigit(ch) || ((ch | 32) >= 97 && (ch | 32) <= 122) || ch === 95)) return null;
    }
    return { kind: 'nan' };
  }
  if (c === 48 && (lowerAt(s, i + 1) === 120 /* x */)) {
    const hex = scanHex(s, i + 2, neg);
    if (hex !== null) return hex;
    return null; // "0x" with no hex digits: strtod stops after "0", leaving garbage
  }
  return scanDecimal(s, i, neg);
}

function scanDecimal(s: string, i: number, neg: boolean): ScannedFloat | null {
  const n = s.length;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = s.slice(intStart, i);
  let fracDigits = '';
  if (i < n && s.charCodeAt(i) === 46 /* . */) {
    const fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = s.slice(fracStart, i);
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  let exp = 0;
  if (i < n) {
    if (lowerAt(s, i) !== 101 /* e */) return null;
    const e = scanExponent(s, i + 1);
    if (e === null) return null;
    exp = e;
  }
  return { kind: 'dec', neg, digits: intDigits + fracDigits, exp: exp - fracDigits.length };
}

function scanHex(s: string, i: number, neg: boolean): ScannedFloat | null {
  const n = s.length;
  const intStart = i;
  while (i < n && isHexDigit(s.charCodeAt(i))) i++;
  const intDigits = s.slice(intStart, i);
  let fracDigits = '';
  if (i < n && s.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (i < n && isHexDigit(s.charCodeAt(i))) i++;
    fracDigits = s.slice(fracStart, i);
  }
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  let exp = 0;
  if (i < n) {
    if (lowerAt(s, i) !== 112 /* p */) return null;
    const e = scanExponent(s, i + 1);
    if (e === null) return null;
    exp = e;
  }
  return { kind: 'hex', neg, digits: intDigits + fracDigits, exp: exp - 4 * fracDigits.length };
}

/** Converts a scanned finite number; null on ERANGE overflow or underflow to zero. */
function toBinary(f: Extract<ScannedFloat, { kind: 'dec' | 'hex' }>, fmt: BinaryFormat): { mant: bigint; exp: number } | null {
  const r = f.kind === 'dec' ? decimalToBinary(f.digits, f.exp, fmt) : hexToBinary(f.digits, f.exp, fmt);
  if (r === 'inf' || r.underflow === true) return null;
  return r;
}

/** Redis's MAX_LONG_DOUBLE_CHARS: string2ld rejects inputs of this length or more. */
export const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

/**
 * Redis's string2ld (getLongDoubleFromObject): the long double `s` denotes,
 * or null when Redis answers "value is not a valid float". Infinity is
 * accepted (INCRBYFLOAT then fails on the NaN/Infinity check).
 */
export function parseLongDouble(s: string): LongDouble | null {
  if (s.length === 0 || s.length >= MAX_LONG_DOUBLE_CHARS) return null;
  const f = scanFloat(s);
  if (f === null || f.kind === 'nan') return null;
  if (f.kind === 'inf') return ldInf(f.neg);
  const r = toBinary(f, X87_EXTENDED);
  if (r === null) return null;
  return { kind: 'finite', neg: f.neg, mant: r.mant, exp: r.exp };
}

/**
 * Redis's string2d (getDoubleFromObject): the double `s` denotes, or null
 * when invalid (the caller picks the error text). ±Infinity is accepted.
 */
export function parseDouble(s: string): number | null {
  const f = scanFloat(s);
  if (f === null || f.kind === 'nan') return null;
  if (f.kind === 'inf') return f.neg ? -Infinity : Infinity;
  if (f.kind === 'dec') {
    // JS number parsing of a decimal string is correctly rounded, as strtod.
    const v = Number(s);
    if (v === Infinity || v === -Infinity) return null;
    if (v === 0 && /[1-9]/.test(f.digits)) return null;
    return v;
  }
  const r = toBinary(f, BINARY64);
  if (r === null) return null;
  const v = Number(r.mant) * 2 ** r.exp;
  return f.neg ? -v : v;
}
