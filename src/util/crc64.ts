// CRC-64 as Redis computes it (crc64.c): the Jones polynomial
// 0xad93d23594c935a9, reflected input and output, initial value 0, no final
// xor. Check value: crc64("123456789") = 0xe9c6d914c4b8d9ca. Used by DUMP/RESTORE
// payloads and RDB file footers. Pure: depends on nothing.

/** The reflected polynomial, split into 32-bit halves so the hot loop avoids BigInt. */
const POLY_HI = 0x95ac9329;
const POLY_LO = 0xac4bc9b5;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let hi = 0;
  let lo = i;
  for (let bit = 0; bit < 8; bit++) {
    const carry = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (carry) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[i] = hi;
  TABLE_LO[i] = lo;
}

/** A running CRC as two unsigned 32-bit halves. */
export interface Crc64State {
  hi: number;
  lo: number;
}

/** Continues `state` over bytes [start, end) of `data`, in place. */
export function crc64Update(state: Crc64State, data: Uint8Array, start = 0, end = data.length): Crc64State {
  let hi = state.hi;
  let lo = state.lo;
  for (let i = start; i < end; i++) {
    const idx = (lo ^ data[i]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[idx]!;
    hi = (hi >>> 8) ^ TABLE_HI[idx]!;
  }
  state.hi = hi >>> 0;
  state.lo = lo >>> 0;
  return state;
}

/** crc64(0, data[start..end)) as a bigint. */
export function crc64(data: Uint8Array, start = 0, end = data.length): bigint {
  const s = crc64Update({ hi: 0, lo: 0 }, data, start, end);
  return (BigInt(s.hi) << 32n) | BigInt(s.lo);
}

/** Writes the CRC of data[start..end) as 8 little-endian bytes at out[at]. */
export function writeCrc64LE(data: Uint8Array, start: number, end: number, out: Uint8Array, at: number): void {
  const s = crc64Update({ hi: 0, lo: 0 }, data, start, end);
  for (let i = 0; i < 4; i++) {
    out[at + i] = (s.lo >>> (8 * i)) & 0xff;
    out[at + 4 + i] = (s.hi >>> (8 * i)) & 0xff;
  }
}
