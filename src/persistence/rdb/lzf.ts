// LZF compression as Redis ships it (liblzf 3.6 with HLOG 16, VERY_FAST, and
// the input checks on), so compressed RDB strings and DUMP payloads are the
// same bytes Redis writes. Pure: depends on nothing.
//
// Format: 000LLLLL <L+1 literal bytes> | LLLooooo oooooooo (back reference of
// L+2 bytes) | 111ooooo LLLLLLLL oooooooo (back reference of L+9 bytes).

const HLOG = 16;
const HSIZE = 1 << HLOG;
const MAX_LIT = 1 << 5;
const MAX_OFF = 1 << 13;
const MAX_REF = (1 << 8) + (1 << 3);

/**
 * The hash table of positions, reused across calls. Each call stores
 * `base + position`; anything below the call's base is a stale entry and
 * means "no candidate" (Redis leaves the table uninitialised; a zeroed one is
 * the deterministic equivalent).
 */
const htab = new Float64Array(HSIZE);
let nextBase = 1;

function idx(h: number): number {
  return ((h >>> (3 * 8 - HLOG)) - Math.imul(h, 5)) & (HSIZE - 1);
}

/**
 * lzf_compress: the compressed form of `input` if it fits in `outLen` bytes,
 * else null (Redis's 0 return: "not worth it").
 */
export function lzfCompress(input: Uint8Array, outLen: number): Uint8Array | null {
  const inEnd = input.length;
  if (inEnd === 0 || outLen <= 0) return null;
  if (nextBase + inEnd > Number.MAX_SAFE_INTEGER) {
    htab.fill(0);
    nextBase = 1;
  }
  const base = nextBase;
  nextBase += inEnd + 1;
  // Room for the writes C allows itself just past out_end before its checks.
  const out = new Uint8Array(outLen + 4);
  const outEnd = outLen;
  let ip = 0;
  let op = 1; // start run
  let lit = 0;
  let hval = ((input[0]! << 8) | (input[1] ?? 0)) >>> 0;
  while (ip < inEnd - 2) {
    hval = ((hval << 8) | input[ip + 2]!) >>> 0;
    const slot = idx(hval);
    const ref = htab[slot]! - base;
    htab[slot] = base + ip;
    const off = ip - ref - 1;
    if (ref > 0 && ref < ip && off < MAX_OFF
      && input[ref] === input[ip] && input[ref + 1] === input[ip + 1] && input[ref + 2] === input[ip + 2]) {
      let len = 2;
      let maxlen = inEnd - ip - len;
      if (maxlen > MAX_REF) maxlen = MAX_REF;
      out[op - lit - 1] = lit - 1; // stop run
      if (lit === 0) op--; // undo run if length is zero
      if (op + 3 + 1 >= outEnd) return null;
      // Redis unrolls 16 comparisons without the maxlen check; keep its exact reach.
      matching: {
        if (maxlen > 16) {
          for (let k = 0; k < 16; k++) {
            len++;
            if (input[ref + len] !== input[ip + len]) break matching;
          }
        }
        do len++;
        while (len < maxlen && input[ref + len] === input[ip + len]);
      }
      len -= 2; // len is now #octets - 1
      ip++;
      if (len < 7) {
        out[op++] = (off >>> 8) + (len << 5);
      } else {
        out[op++] = (off >>> 8) + (7 << 5);
        out[op++] = len - 7;
      }
      out[op++] = off & 0xff;
      lit = 0;
      op++; // start run
      ip += len + 1;
      if (ip >= inEnd - 2) break;
      // VERY_FAST: re-hash the last two positions of the match.
      ip -= 2;
      hval = ((input[ip]! << 8) | input[ip + 1]!) >>> 0;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      htab[idx(hval)] = base + ip;
      ip++;
      hval = ((hval << 8) | input[ip + 2]!) >>> 0;
      htab[idx(hval)] = base + ip;
      ip++;
    } else {
      if (op >= outEnd) return null;
      lit++;
      out[op++] = input[ip++]!;
      if (lit === MAX_LIT) {
        out[op - lit - 1] = lit - 1;
        lit = 0;
        op++;
      }
    }
  }
  if (op + 3 > outEnd) return null;
  while (ip < inEnd) {
    lit++;
    out[op++] = input[ip++]!;
    if (lit === MAX_LIT) {
      out[op - lit - 1] = lit - 1;
      lit = 0;
      op++;
    }
  }
  out[op - lit - 1] = lit - 1; // end run
  if (lit === 0) op--;
  return out.subarray(0, op);
}

/**
 * lzf_decompress of input[start..end) into `out`: the number of bytes
 * written, or 0 when the data is corrupt or does not fit (as liblzf).
 */
export function lzfDecompressInto(input: Uint8Array, start: number, end: number, out: Uint8Array): number {
  if (start >= end) return 0;
  const outEnd = out.length;
  let ip = start;
  let op = 0;
  do {
    let ctrl = input[ip++]!;
    if (ctrl < 1 << 5) {
      ctrl++;
      if (op + ctrl > outEnd) return 0;
      if (ip + ctrl > end) return 0;
      out.set(input.subarray(ip, ip + ctrl), op);
      op += ctrl;
      ip += ctrl;
    } else {
      let len = ctrl >> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (ip >= end) return 0;
      if (len === 7) {
        len += input[ip++]!;
        if (ip >= end) return 0;
      }
      ref -= input[ip++]!;
      if (op + len + 2 > outEnd) return 0;
      if (ref < 0) return 0;
      // Byte by byte: the reference may overlap the bytes being produced.
      for (let n = len + 2; n > 0; n--) out[op++] = out[ref++]!;
    }
  } while (ip < end);
  return op;
}
