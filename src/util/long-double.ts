// Exact emulation of the x87 80-bit `long double` Redis computes INCRBYFLOAT
// and HINCRBYFLOAT in: correctly rounded conversion, addition and "%.17Lf"
// formatting, all with BigInt. Depends on nothing.

/** A binary floating-point format: significand bits, largest exponent, exponent of the smallest subnormal. */
export interface BinaryFormat {
  readonly precision: number;
  /** Largest unbiased exponent of a normal number (values < 2^(emax+1)). */
  readonly emax: number;
  /** Exponent of the least significant bit of the smallest subnormal. */
  readonly eminLsb: number;
}

/** x87 extended precision: 64-bit significand, 15-bit exponent. */
export const X87_EXTENDED: BinaryFormat = { precision: 64, emax: 16383, eminLsb: -16445 };
/** IEEE 754 binary64 (JS number). */
export const BINARY64: BinaryFormat = { precision: 53, emax: 1023, eminLsb: -1074 };

/**
 * A long double: finite values are (-1)^neg × mant × 2^exp with mant < 2^64
 * (mant 0n is zero); infinities and NaN are separate kinds.
 */
export type LongDouble =
  | { readonly kind: 'finite'; readonly neg: boolean; readonly mant: bigint; readonly exp: number }
  | { readonly kind: 'inf'; readonly neg: boolean }
  | { readonly kind: 'nan' };

export const LD_ZERO: LongDouble = { kind: 'finite', neg: false, mant: 0n, exp: 0 };
export const LD_NAN: LongDouble = { kind: 'nan' };

export function ldInf(neg: boolean): LongDouble {
  return { kind: 'inf', neg };
}

/** Number of bits of a positive bigint. */
export function bitLength(n: bigint): number {
  if (n < 0x20000000000000n) {
    const x = Number(n);
    if (x < 4294967296) return 32 - Math.clz32(x);
    return 64 - Math.clz32(Math.floor(x / 4294967296));
  }
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** Result of rounding a positive exact value: mant × 2^exp, or overflow to infinity. */
export type Rounded = { mant: bigint; exp: number } | 'inf';

/**
 * Rounds the exact positive value num/den × 2^e2 to `fmt`, round-half-even
 * (the default IEEE rounding mode glibc's strtold and the FPU use), with
 * gradual underflow to subnormals and zero, and overflow to infinity.
 */
export function roundToFormat(num: bigint, den: bigint, e2: number, fmt: BinaryFormat): Rounded {
  const p = fmt.precision;
  let e = bitLength(num) - bitLength(den) + e2 - p;
  if (e < fmt.eminLsb) e = fmt.eminLsb;
  let q: bigint;
  let r: bigint;
  let d: bigint;
  for (;;) {
    const shift = e2 - e;
    let n = num;
    d = den;
    if (shift >= 0) n <<= BigInt(shift);
    else d <<= BigInt(-shift);
    q = n / d;
    r = n - q * d;
    const bits = bitLength(q);
    if (bits > p) { e += bits - p; continue; }
    if (bits < p && e > fmt.eminLsb) { e = Math.max(fmt.eminLsb, e - (p - bits)); continue; }
    break;
  }
  const twice = r << 1n;
  if (twice > d || (twice === d && (q & 1n) === 1n)) {
    q += 1n;
    if (bitLength(q) > p) { q >>= 1n; e += 1; }
  }
  if (q !== 0n && bitLength(q) + e > fmt.emax + 1) return 'inf';
  return { mant: q, exp: e };
}

const POW10: bigint[] = [1n];
/** 10^n as bigint (memoised for small n). */
export function pow10(n: number): bigint {
  if (n < 64) {
    while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
    return POW10[n]!;
  }
  return 10n ** BigInt(n);
}

/** Decimal exponent bounds beyond which a value surely overflows or underflows. */
function decimalBounds(fmt: BinaryFormat): { over: number; under: number } {
  // log10(2) ≈ 0.30103; a margin of 3 keeps the exact path for borderline values.
  return {
    over: Math.ceil((fmt.emax + 1) * 0.30103) + 3,
    under: Math.floor(fmt.eminLsb * 0.30103) - 3,
  };
}

/**
 * The correctly rounded value of (digits × 10^exp10), `digits` a string of
 * decimal digits. 'inf' on overflow; mant 0n (with `underflow` true when the
 * digits were not all zero) on underflow.
 */
export function decimalToBinary(digits: string, exp10: number, fmt: BinaryFormat): Rounded & { underflow?: boolean } | 'inf' {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  if (start === digits.length) return { mant: 0n, exp: 0 };
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) { end--; exp10++; }
  const sig = digits.slice(start, end);
  const magnitude = exp10 + sig.length; // value in [10^(magnitude-1), 10^magnitude)
  const bounds = decimalBounds(fmt);
  if (magnitude > bounds.over) return 'inf';
  if (magnitude < bounds.under) return { mant: 0n, exp: 0, underflow: true };
  const n = BigInt(sig);
  const r = exp10 >= 0 ? roundToFormat(n * pow10(exp10), 1n, 0, fmt) : roundToFormat(n, pow10(-exp10), 0, fmt);
  if (r !== 'inf' && r.mant === 0n) return { mant: 0n, exp: 0, underflow: true };
  return r;
}

/**
 * The correctly rounded value of (hexDigits × 2^exp2). Same results as
 * decimalToBinary. `exp2` may be any (saturated) integer.
 */
export function hexToBinary(hexDigits: string, exp2: number, fmt: BinaryFormat): Rounded & { underflow?: boolean } | 'inf' {
  let start = 0;
  while (start < hexDigits.length && hexDigits.charCodeAt(start) === 48) start++;
  if (start === hexDigits.length) return { mant: 0n, exp: 0 };
  const sig = hexDigits.slice(start);
  const magnitude = exp2 + sig.length * 4;
  if (magnitude > fmt.emax + 8) return 'inf';
  if (magnitude < fmt.eminLsb - 8) return { mant: 0n, exp: 0, underflow: true };
  const r = roundToFormat(BigInt(`0x${sig}`), 1n, exp2, fmt);
  if (r !== 'inf' && r.mant === 0n) return { mant: 0n, exp: 0, underflow: true };
  return r;
}

/** a + b in x87 extended precision, round-half-even (as `value += incr` on a long double). */
export function ldAdd(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return LD_NAN;
  if (a.kind === 'inf') return b.kind === 'inf' && b.neg !== a.neg ? LD_NAN : a;
  if (b.kind === 'inf') return b;
  if (a.mant === 0n) return b.mant === 0n ? { kind: 'finite', neg: a.neg && b.neg, mant: 0n, exp: 0 } : b;
  if (b.mant === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  const ma = a.mant << BigInt(a.exp - e);
  const mb = b.mant << BigInt(b.exp - e);
  const sum = (a.neg ? -ma : ma) + (b.neg ? -mb : mb);
  if (sum === 0n) return LD_ZERO; // x + (-x) is +0 in round-to-nearest
  const neg = sum < 0n;
  const r = roundToFormat(neg ? -sum : sum, 1n, e, X87_EXTENDED);
  if (r === 'inf') return ldInf(neg);
  return { kind: 'finite', neg, mant: r.mant, exp: r.exp };
}

/** A long double holding an integer (exact for |n| < 2^64). */
export function ldFromBigInt(n: bigint): LongDouble {
  if (n === 0n) return LD_ZERO;
  const neg = n < 0n;
  const r = roundToFormat(neg ? -n : n, 1n, 0, X87_EXTENDED);
  return r === 'inf' ? ldInf(neg) : { kind: 'finite', neg, mant: r.mant, exp: r.exp };
}

export function ldIsFinite(x: LongDouble): x is Extract<LongDouble, { kind: 'finite' }> {
  return x.kind === 'finite';
}

const TEN17 = 10n ** 17n;

/**
 * Redis's ld2string(LD_STR_HUMAN): printf("%.17Lf") with exact decimal
 * expansion and round-half-even, then trailing zeros and a bare '.' removed,
 * and "-0" turned into "0". Infinities print as inf/-inf; NaN as nan.
 */
export function ldFormatHuman(x: LongDouble): string {
  if (x.kind === 'nan') return 'nan';
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  let scaled: bigint;
  if (x.exp >= 0) {
    scaled = (x.mant << BigInt(x.exp)) * TEN17;
  } else {
    const sh = BigInt(-x.exp);
    const num = x.mant * TEN17;
    scaled = num >> sh;
    const rem = num - (scaled << sh);
    const half = 1n << (sh - 1n);
    if (rem > half || (rem === half && (scaled & 1n) === 1n)) scaled += 1n;
  }
  if (scaled === 0n) return '0';
  const s = scaled.toString().padStart(18, '0');
  const intPart = s.slice(0, s.length - 17);
  let fracEnd = s.length;
  while (fracEnd > s.length - 17 && s.charCodeAt(fracEnd - 1) === 48) fracEnd--;
  const frac = s.slice(s.length - 17, fracEnd);
  const text = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  return x.neg ? `-${text}` : text;
}
