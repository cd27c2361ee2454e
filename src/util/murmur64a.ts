// MurmurHash64A (Austin Appleby), as Redis's hyperloglog.c uses it, on
// 32-bit halves so no BigInt is needed on the PFADD hot path.

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

// Results of mul64 / the running hash, as unsigned 32-bit halves.
let rHi = 0;
let rLo = 0;

/** (aHi:aLo * bHi:bLo) mod 2^64 into rHi:rLo. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff, a1 = aLo >>> 16, b0 = bLo & 0xffff, b1 = bLo >>> 16;
  const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const lo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const hi = p11 + Math.floor(p01 / 65536) + Math.floor(p10 / 65536) + Math.floor(mid / 65536);
  rHi = (hi + Math.imul(aLo, bHi) + Math.imul(aHi, bLo)) >>> 0;
  rLo = lo;
}

/** k ^= k >>> 47 on hi:lo (47 = 32 + 15). */
function xorShift47(hi: number, lo: number): void {
  rHi = hi;
  rLo = (lo ^ (hi >>> 15)) >>> 0;
}

/**
 * MurmurHash64A of the latin1 bytes of `s` (or of a Buffer), little-endian
 * 8-byte blocks as on x86. Returns [hi, lo] unsigned 32-bit halves.
 */
export function murmurHash64A(data: string | Uint8Array, seed: number): [number, number] {
  const len = data.length;
  const at = typeof data === 'string' ? (i: number) => data.charCodeAt(i) & 0xff : (i: number) => data[i]!;
  // h = seed ^ (len * m)
  mul64(0, len >>> 0, M_HI, M_LO);
  let hHi = rHi;
  let hLo = (rLo ^ seed) >>> 0;
  const blocks = len - (len & 7);
  for (let i = 0; i < blocks; i += 8) {
    const kLo = (at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24)) >>> 0;
    const kHi = (at(i + 4) | (at(i + 5) << 8) | (at(i + 6) << 16) | (at(i + 7) << 24)) >>> 0;
    mul64(kHi, kLo, M_HI, M_LO);
    xorShift47(rHi, rLo);
    mul64(rHi, rLo, M_HI, M_LO);
    hHi = (hHi ^ rHi) >>> 0;
    hLo = (hLo ^ rLo) >>> 0;
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  const rest = len & 7;
  if (rest !== 0) {
    for (let j = rest - 1; j >= 0; j--) {
      const b = at(blocks + j);
      if (j >= 4) hHi = (hHi ^ (b << ((j - 4) * 8))) >>> 0;
      else hLo = (hLo ^ (b << (j * 8))) >>> 0;
    }
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  xorShift47(hHi, hLo);
  mul64(rHi, rLo, M_HI, M_LO);
  xorShift47(rHi, rLo);
  return [rHi, rLo];
}
