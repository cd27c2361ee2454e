// Redis's HyperLogLog representation (hyperloglog.c, Redis 7.0), byte for byte:
// a 16-byte header ("HYLL", encoding, 3 unused, 8-byte cached cardinality with
// an invalid bit) followed by sparse opcodes (ZERO/XZERO/VAL) or 16384 dense
// 6-bit registers. The value is a ByteString edited in place, as Redis edits its sds.

import { ByteString } from './byte-string.js';
import { murmurHash64A } from '../util/murmur64a.js';

export const HLL_P = 14;
export const HLL_Q = 64 - HLL_P;
export const HLL_REGISTERS = 1 << HLL_P;
const HLL_P_MASK = HLL_REGISTERS - 1;
const HLL_REGISTER_MAX = 63;
export const HLL_HDR_SIZE = 16;
export const HLL_DENSE_SIZE = HLL_HDR_SIZE + ((HLL_REGISTERS * 6 + 7) >> 3);
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
const HLL_SPARSE_VAL_MAX_VALUE = 32;
const HLL_SPARSE_VAL_MAX_LEN = 4;
const HLL_SPARSE_ZERO_MAX_LEN = 64;
const HLL_SPARSE_XZERO_MAX_LEN = 16384;
const HLL_ALPHA_INF = 0.721347520444481703680;
const HASH_SEED = 0xadc83b19;

// Sparse opcode helpers (b is an opcode's first byte).
const isZero = (b: number) => (b & 0xc0) === 0;
const isXzero = (b: number) => (b & 0xc0) === 0x40;
const zeroLen = (b: number) => (b & 0x3f) + 1;
const xzeroLen = (b: number, b2: number) => (((b & 0x3f) << 8) | b2) + 1;
const valValue = (b: number) => ((b >> 2) & 0x1f) + 1;
const valLen = (b: number) => (b & 3) + 1;
const valByte = (value: number, len: number) => 0x80 | ((value - 1) << 2) | (len - 1);

/** An HLL value being read or edited in place: the ByteString `s` holds Redis's exact bytes. */
export class Hll {
  constructor(readonly s: ByteString) {}

  get buf(): Buffer {
    return this.s.buf;
  }

  get len(): number {
    return this.s.len;
  }

  set len(n: number) {
    this.s.len = n;
  }

  /** An HLL over a raw copy of a latin1 string (dbUnshareStringValue). */
  static fromString(s: string): Hll {
    return new Hll(ByteString.fromLatin1(s));
  }

  /** The HLL of a string value: a ByteString is edited in place, a JS string is copied first. */
  static fromValue(v: string | ByteString): Hll {
    return typeof v === 'string' ? Hll.fromString(v) : new Hll(v);
  }

  /** createHLLObject: an empty sparse HLL (one XZERO per 16384 registers), cached cardinality 0. */
  static create(): Hll {
    const len = HLL_HDR_SIZE + Math.ceil(HLL_REGISTERS / HLL_SPARSE_XZERO_MAX_LEN) * 2;
    const s = ByteString.zeroed(len);
    const buf = s.buf;
    buf.write('HYLL', 0, 'latin1');
    buf[4] = HLL_SPARSE;
    let p = HLL_HDR_SIZE;
    for (let aux = HLL_REGISTERS; aux > 0;) {
      const x = Math.min(aux, HLL_SPARSE_XZERO_MAX_LEN) - 1;
      buf[p++] = 0x40 | (x >> 8);
      buf[p++] = x & 0xff;
      aux -= x + 1;
    }
    return new Hll(s);
  }

  toString(): string {
    return this.s.toLatin1();
  }

  get encoding(): number {
    return this.buf[4]!;
  }

  invalidateCache(): void {
    this.buf[15]! |= 0x80;
  }

  validCache(): boolean {
    return (this.buf[15]! & 0x80) === 0;
  }

  cachedCard(): number {
    // Cardinalities are far below 2^53: the low 7 bytes are read exactly.
    return this.buf.readUInt32LE(8) + this.buf.readUInt32LE(12) * 2 ** 32;
  }

  setCachedCard(card: number): void {
    this.buf.writeUInt32LE(card % 2 ** 32, 8);
    this.buf.writeUInt32LE(Math.floor(card / 2 ** 32), 12);
  }

  /** sdsMakeRoomFor (Redis reserves 3 bytes before each sparse update). */
  private ensure(extra: number): void {
    this.s.makeRoomFor(extra);
  }

  /** hllAdd: 1 if a register changed, 0 if not, -1 for a corrupted sparse value. */
  add(ele: string, sparseMaxBytes: number): number {
    const [index, count] = patLen(ele);
    if (this.encoding === HLL_DENSE) return denseSet(this.buf, HLL_HDR_SIZE, index, count);
    if (this.encoding === HLL_SPARSE) return this.sparseSet(index, count, sparseMaxBytes);
    return -1;
  }

  /** hllSparseToDense: false if the sparse opcodes don't cover exactly 16384 registers. */
  toDense(): boolean {
    if (this.encoding === HLL_DENSE) return true;
    const dense = Buffer.alloc(HLL_DENSE_SIZE + 1);
    this.buf.copy(dense, 0, 0, HLL_HDR_SIZE);
    dense[4] = HLL_DENSE;
    const b = this.buf;
    let idx = 0;
    for (let p = HLL_HDR_SIZE; p < this.len;) {
      const op = b[p]!;
      if (isZero(op)) { idx += zeroLen(op); p++; }
      else if (isXzero(op)) { idx += xzeroLen(op, b[p + 1] ?? 0); p += 2; }
      else {
        let runlen = valLen(op);
        const regval = valValue(op);
        if (runlen + idx > HLL_REGISTERS) return false; // Redis 7.0.15 rejects the overflow outright
        while (runlen--) denseSet(dense, HLL_HDR_SIZE, idx++, regval, true);
        p++;
      }
    }
    if (idx !== HLL_REGISTERS) return false;
    this.s.replace(dense, HLL_DENSE_SIZE);
    return true;
  }

  /** hllSparseSet: sets register `index` to `count` if greater, splitting and merging opcodes in place as Redis does. */
  sparseSet(index: number, count: number, sparseMaxBytes: number): number {
    if (count > HLL_SPARSE_VAL_MAX_VALUE) return this.promote(index, count);
    this.ensure(3);
    const b = this.buf;
    const sparse = HLL_HDR_SIZE;
    let end = this.len;
    let p = sparse;
    let first = 0;
    let prev = -1;
    let span = 0;
    while (p < end) {
      const op = b[p]!;
      let oplen = 1;
      if (isZero(op)) span = zeroLen(op);
      else if (!isXzero(op)) span = valLen(op);
      else { span = xzeroLen(op, b[p + 1]!); oplen = 2; }
      if (index <= first + span - 1) break;
      prev = p;
      p += oplen;
      first += span;
    }
    if (span === 0 || p >= end) return -1;
    const op = b[p]!;
    let next = isXzero(op) ? p + 2 : p + 1;
    if (next >= end) next = -1;
    const zero = isZero(op), xzero = isXzero(op), val = !zero && !xzero;
    const runlen = zero ? zeroLen(op) : xzero ? xzeroLen(op, b[p + 1]!) : valLen(op);

    let updated = false;
    if (val) {
      if (valValue(op) >= count) return 0;
      if (runlen === 1) { b[p] = valByte(count, 1); updated = true; }
    }
    if (!updated && zero && runlen === 1) { b[p] = valByte(count, 1); updated = true; }
    if (!updated) {
      // General case: split the opcode into up to XZERO-VAL-XZERO (5 bytes).
      const seq: number[] = [];
      const last = first + span - 1;
      const pushZeros = (len: number) => {
        if (len > HLL_SPARSE_ZERO_MAX_LEN) seq.push(0x40 | ((len - 1) >> 8), (len - 1) & 0xff);
        else seq.push(len - 1);
      };
      if (zero || xzero) {
        if (index !== first) pushZeros(index - first);
        seq.push(valByte(count, 1));
        if (index !== last) pushZeros(last - index);
      } else {
        const curval = valValue(op);
        if (index !== first) seq.push(valByte(curval, index - first));
        seq.push(valByte(count, 1));
        if (index !== last) seq.push(valByte(curval, last - index));
      }
      const oldlen = xzero ? 2 : 1;
      const deltalen = seq.length - oldlen;
      if (deltalen > 0 && this.len + deltalen > sparseMaxBytes) return this.promote(index, count);
      if (deltalen !== 0 && next !== -1) b.copy(b, next + deltalen, next, end);
      this.len += deltalen;
      for (let i = 0; i < seq.length; i++) b[p + i] = seq[i]!;
      end += deltalen;
    }

    // Merge adjacent VAL opcodes with the same value, scanning up to 5 opcodes from prev.
    p = prev !== -1 ? prev : sparse;
    let scanlen = 5;
    while (p < end && scanlen-- > 0) {
      const o = b[p]!;
      if (isXzero(o)) { p += 2; continue; }
      if (isZero(o)) { p++; continue; }
      if (p + 1 < end) {
        const o2 = b[p + 1]!;
        if (!isZero(o2) && !isXzero(o2) && valValue(o) === valValue(o2)) {
          const len = valLen(o) + valLen(o2);
          if (len <= HLL_SPARSE_VAL_MAX_LEN) {
            b[p + 1] = valByte(valValue(o), len);
            b.copy(b, p, p + 1, end);
            this.len--;
            end--;
            continue;
          }
        }
      }
      p++;
    }
    this.invalidateCache();
    return 1;
  }

  private promote(index: number, count: number): number {
    if (!this.toDense()) return -1;
    return denseSet(this.buf, HLL_HDR_SIZE, index, count);
  }

  /** hllMerge: max[i] = MAX(max[i], register i); false for a corrupted sparse value. */
  mergeInto(max: Uint8Array): boolean {
    const b = this.buf;
    if (this.encoding === HLL_DENSE) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const v = denseGet(b, HLL_HDR_SIZE, i);
        if (v > max[i]!) max[i] = v;
      }
      return true;
    }
    let i = 0;
    for (let p = HLL_HDR_SIZE; p < this.len;) {
      const op = b[p]!;
      if (isZero(op)) { i += zeroLen(op); p++; }
      else if (isXzero(op)) { i += xzeroLen(op, b[p + 1] ?? 0); p += 2; }
      else {
        let runlen = valLen(op);
        const regval = valValue(op);
        if (runlen + i > HLL_REGISTERS) return false; // Redis 7.0.15 rejects the overflow outright
        while (runlen--) { if (regval > max[i]!) max[i] = regval; i++; }
        p++;
      }
    }
    return i === HLL_REGISTERS;
  }

  /** hllCount over this value's registers; null for a corrupted sparse value. */
  count(): number | null {
    const histo = new Array<number>(64).fill(0);
    const b = this.buf;
    if (this.encoding === HLL_DENSE) {
      for (let i = 0; i < HLL_REGISTERS; i++) histo[denseGet(b, HLL_HDR_SIZE, i)]!++;
    } else {
      let idx = 0;
      for (let p = HLL_HDR_SIZE; p < this.len;) {
        const op = b[p]!;
        if (isZero(op)) { const r = zeroLen(op); idx += r; histo[0]! += r; p++; }
        else if (isXzero(op)) { const r = xzeroLen(op, b[p + 1] ?? 0); idx += r; histo[0]! += r; p += 2; }
        else { const r = valLen(op); idx += r; histo[valValue(op)]! += r; p++; }
      }
      if (idx !== HLL_REGISTERS) return null;
    }
    return estimate(histo);
  }

  /** PFDEBUG DECODE's text: "z:<n>", "Z:<n>", "v:<value>,<len>" separated by spaces. */
  decode(): string {
    const parts: string[] = [];
    const b = this.buf;
    for (let p = HLL_HDR_SIZE; p < this.len;) {
      const op = b[p]!;
      if (isZero(op)) { parts.push(`z:${zeroLen(op)}`); p++; }
      else if (isXzero(op)) { parts.push(`Z:${xzeroLen(op, b[p + 1] ?? 0)}`); p += 2; }
      else { parts.push(`v:${valValue(op)},${valLen(op)}`); p++; }
    }
    return parts.join(' ');
  }
}

/** isHLLObjectOrReply's checks on a string value of either form. */
export function isHllValue(v: string | ByteString): boolean {
  if (typeof v === 'string') return isHllString(v);
  const b = v.buf;
  if (v.len < HLL_HDR_SIZE || b[0] !== 0x48 || b[1] !== 0x59 || b[2] !== 0x4c || b[3] !== 0x4c) return false; // "HYLL"
  const enc = b[4]!;
  if (enc > HLL_SPARSE) return false;
  return enc !== HLL_DENSE || v.len === HLL_DENSE_SIZE;
}

/** isHLLObjectOrReply's checks on a latin1 string. */
export function isHllString(s: string): boolean {
  if (s.length < HLL_HDR_SIZE || !s.startsWith('HYLL')) return false;
  const enc = s.charCodeAt(4);
  if (enc > HLL_SPARSE) return false;
  return enc !== HLL_DENSE || s.length === HLL_DENSE_SIZE;
}

/** hllPatLen: [register index, run length of the "000..1" pattern + 1]. */
export function patLen(ele: string | Uint8Array): [number, number] {
  const [hi, lo] = murmurHash64A(ele, HASH_SEED);
  const index = lo & HLL_P_MASK;
  // hash >>= 14; hash |= 1 << 50; count trailing zeros + 1.
  const rLo = ((lo >>> HLL_P) | (hi << (32 - HLL_P))) >>> 0;
  const rHi = ((hi >>> HLL_P) | (1 << (HLL_Q - 32))) >>> 0;
  let count = 1;
  if (rLo !== 0) count += 31 - Math.clz32(rLo & -rLo);
  else count += 32 + 31 - Math.clz32(rHi & -rHi);
  return [index, count];
}

export function denseGet(b: Uint8Array, base: number, regnum: number): number {
  const byte = (regnum * 6) >> 3;
  const fb = (regnum * 6) & 7;
  const b0 = b[base + byte]!;
  const b1 = b[base + byte + 1] ?? 0;
  return ((b0 >> fb) | (b1 << (8 - fb))) & HLL_REGISTER_MAX;
}

/** hllDenseSet: 1 if the register grew (or `force`), else 0. */
export function denseSet(b: Uint8Array, base: number, regnum: number, count: number, force = false): number {
  if (!force && denseGet(b, base, regnum) >= count) return 0;
  const byte = base + ((regnum * 6) >> 3);
  const fb = (regnum * 6) & 7;
  const fb8 = 8 - fb;
  b[byte] = (b[byte]! & ~(HLL_REGISTER_MAX << fb)) | (count << fb);
  if (byte + 1 < b.length) b[byte + 1] = (b[byte + 1]! & ~(HLL_REGISTER_MAX >> fb8)) | (count >> fb8);
  return 1;
}

/** hllCount of a raw register array (PFCOUNT of several keys). */
export function countRaw(registers: Uint8Array): number {
  const histo = new Array<number>(64).fill(0);
  for (let i = 0; i < HLL_REGISTERS; i++) histo[registers[i]!]!++;
  return estimate(histo);
}

/** The estimator of Ertl, "New cardinality estimation algorithms for HyperLogLog sketches", as hllCount. */
function estimate(histo: number[]): number {
  const m = HLL_REGISTERS;
  let z = m * hllTau((m - histo[HLL_Q + 1]!) / m);
  for (let j = HLL_Q; j >= 1; --j) {
    z += histo[j]!;
    z *= 0.5;
  }
  z += m * hllSigma(histo[0]! / m);
  return Math.round((HLL_ALPHA_INF * m * m) / z);
}

function hllSigma(x: number): number {
  if (x === 1) return Infinity;
  let zPrime: number;
  let y = 1;
  let z = x;
  do {
    x *= x;
    zPrime = z;
    z += x * y;
    y += y;
  } while (zPrime !== z);
  return z;
}

function hllTau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let zPrime: number;
  let y = 1.0;
  let z = 1 - x;
  do {
    x = Math.sqrt(x);
    zPrime = z;
    y *= 0.5;
    z -= Math.pow(1 - x, 2) * y;
  } while (zPrime !== z);
  return z / 3;
}
