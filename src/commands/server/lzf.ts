// The length LZF compression (liblzf 3.6 as vendored in Redis 7.0: HLOG 16,
// VERY_FAST) gives a byte string, so RDB sizes (DEBUG OBJECT serializedlength)
// match Redis's byte for byte. Only the length is computed, no output kept.

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/** Hash table of input positions + 1 (0: empty), reused between calls. */
const htab = new Int32Array(HSIZE);

function idx(h: number): number {
  // IDX(h) for VERY_FAST: (((h >> (3*8 - HLOG)) - h*5) & (HSIZE - 1)), h an unsigned int.
  return (((h >>> (24 - HLOG)) - Math.imul(h, 5)) >>> 0) & (HSIZE - 1);
}

/**
 * As lzf_compress(in, len, out, outLen): the compressed length, or 0 when the
 * output would not fit in `outLen` bytes. `s` holds one byte per char (latin1).
 */
export function lzfCompressedLength(s: string, outLen: number): number {
  const inLen = s.length;
  if (inLen === 0 || outLen === 0) return 0;
  htab.fill(0);
  const at = (i: number) => s.charCodeAt(i);
  let ip = 0;
  let op = 0;
  let lit = 0;
  op++; // start run
  let hval = ((at(0) << 8) | at(1)) >>> 0;
  while (ip < inLen - 2) {
    hval = ((hval << 8) | at(ip + 2)) >>> 0;
    const slot = idx(hval);
    const ref = htab[slot]! - 1;
    htab[slot] = ip + 1;
    const off = ip - ref - 1;
    // Redis's table starts uninitialised; an empty slot never matches (ref -1 fails ref > 0).
    if (ref > 0 && off < MAX_OFF &&
      at(ref) === at(ip) && at(ref + 1) === at(ip + 1) && at(ref + 2) === at(ip + 2)) {
      let len = 2;
      let maxlen = inLen - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      if (op - (lit === 0 ? 1 : 0) + 3 + 1 >= outLen) return 0;
      op -= lit === 0 ? 1 : 0; // undo run if length is zero
      // Redis's unrolled loop compares 16 bytes without the maxlen bound before the bounded loop.
      let mismatch = false;
      if (maxlen > 16) {
        for (let k = 0; k < 16 && !mismatch; k++) {
          len++;
          mismatch = at(ref + len) !== at(ip + len);
        }
      }
      if (!mismatch) do len++; while (len < maxlen && at(ref + len) === at(ip + len));
      len -= 2;
      ip++;
      op += len < 7 ? 2 : 3;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inLen - 2) break;
      ip -= 2;
      hval = ((at(ip) << 8) | at(ip + 1)) >>> 0;
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
      hval = ((hval << 8) | at(ip + 2)) >>> 0;
      htab[idx(hval)] = ip + 1;
      ip++;
    } else {
      if (op >= outLen) return 0;
      lit++;
      op++;
      ip++;
      if (lit === MAX_LIT) {
        lit = 0;
        op++; // start run
      }
    }
  }
  if (op + 3 > outLen) return 0;
  while (ip < inLen) {
    lit++;
    op++;
    ip++;
    if (lit === MAX_LIT) {
      lit = 0;
      op++;
    }
  }
  op -= lit === 0 ? 1 : 0;
  return op;
}
