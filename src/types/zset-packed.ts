// The small ("listpack") sorted-set representation: ONE flat latin1 string,
// so a 5-member zset costs one string header instead of a JS array plus five
// member strings plus boxed doubles. Layout: a 4-byte little-endian count,
// then entries sorted by (score, member bytes), each: a header byte (bit 7:
// score stored as a 4-byte float because it is exactly one, else an 8-byte
// double; bits 0-6: member length, 127 = a 4-byte LE length follows), the
// score (little-endian), the member bytes.
// Mutations rebuild the string through a scratch Buffer (flat result, never a
// ConsString); sizes are bounded by zset-max-listpack-entries/-value.

import {
  lexGteMin, lexLteMax, lexRangeEmpty, scoreGteMin, scoreLteMax, scoreRangeEmpty, type LexRange, type ScoreRange,
} from './skiplist.js';

export const HDR = 4;
export const EMPTY_PACKED = '\0\0\0\0';

const f64 = new Float64Array(1);
const u8 = new Uint8Array(f64.buffer);
const f32 = new Float32Array(1);
const u8f = new Uint8Array(f32.buffer);
let scratch = Buffer.allocUnsafe(1024);

function ensure(n: number): void {
  if (scratch.length < n) scratch = Buffer.allocUnsafe(Math.max(n, scratch.length * 2));
}

export function pCount(lp: string): number {
  return (lp.charCodeAt(0) | (lp.charCodeAt(1) << 8) | (lp.charCodeAt(2) << 16) | (lp.charCodeAt(3) << 24)) >>> 0;
}

/** Offset of the score bytes of the entry at `p`. */
function scoreStart(lp: string, p: number): number {
  return (lp.charCodeAt(p) & 127) === 127 ? p + 5 : p + 1;
}

export function pScore(lp: string, p: number): number {
  const q = scoreStart(lp, p);
  if (lp.charCodeAt(p) >= 128) {
    u8f[0] = lp.charCodeAt(q);
    u8f[1] = lp.charCodeAt(q + 1);
    u8f[2] = lp.charCodeAt(q + 2);
    u8f[3] = lp.charCodeAt(q + 3);
    return f32[0]!;
  }
  u8[0] = lp.charCodeAt(q);
  u8[1] = lp.charCodeAt(q + 1);
  u8[2] = lp.charCodeAt(q + 2);
  u8[3] = lp.charCodeAt(q + 3);
  u8[4] = lp.charCodeAt(q + 4);
  u8[5] = lp.charCodeAt(q + 5);
  u8[6] = lp.charCodeAt(q + 6);
  u8[7] = lp.charCodeAt(q + 7);
  return f64[0]!;
}

export function pMemberLen(lp: string, p: number): number {
  const l = lp.charCodeAt(p) & 127;
  if (l !== 127) return l;
  return (lp.charCodeAt(p + 1) | (lp.charCodeAt(p + 2) << 8) | (lp.charCodeAt(p + 3) << 16) |
    (lp.charCodeAt(p + 4) << 24)) >>> 0;
}

/** Offset of the member bytes of the entry at `p`. */
export function pMemberStart(lp: string, p: number): number {
  return scoreStart(lp, p) + (lp.charCodeAt(p) >= 128 ? 4 : 8);
}

/** Offset of the entry after the one at `p`. */
export function pNext(lp: string, p: number): number {
  return pMemberStart(lp, p) + pMemberLen(lp, p);
}

export function pMember(lp: string, p: number): string {
  const s = pMemberStart(lp, p);
  return lp.substring(s, s + pMemberLen(lp, p));
}

/** Offset of `member`'s entry, or -1. */
export function pFind(lp: string, member: string): number {
  const len = member.length;
  for (let p = HDR; p < lp.length;) {
    const ms = pMemberStart(lp, p);
    const ml = pMemberLen(lp, p);
    if (ml === len && lp.startsWith(member, ms)) return p;
    p = ms + ml;
  }
  return -1;
}

/** memcmp order of the member stored at `p` against `member` (<0: stored sorts first). */
export function pCompareMember(lp: string, p: number, member: string): number {
  const ms = pMemberStart(lp, p);
  const ml = pMemberLen(lp, p);
  const n = ml < member.length ? ml : member.length;
  for (let i = 0; i < n; i++) {
    const d = lp.charCodeAt(ms + i) - member.charCodeAt(i);
    if (d !== 0) return d;
  }
  return ml - member.length;
}

/** Offsets of every entry in order (for reverse walks and rank lookups). */
export function pPositions(lp: string): number[] {
  const out: number[] = [];
  for (let p = HDR; p < lp.length; p = pNext(lp, p)) out.push(p);
  return out;
}

/** Offset of the entry at 0-based `index` (in range). */
export function pAt(lp: string, index: number): number {
  let p = HDR;
  while (index-- > 0) p = pNext(lp, p);
  return p;
}

/** True when `score` survives a round trip through a 4-byte float. */
function fitsF32(score: number): boolean {
  return Math.fround(score) === score;
}

function writeEntry(at: number, member: string, score: number): number {
  // Redis stores listpack scores as d2string text, which spells -0 as "0".
  if (score === 0) score = 0;
  const tag = fitsF32(score) ? 128 : 0;
  if (member.length < 127) {
    scratch[at++] = tag | member.length;
  } else {
    scratch[at++] = tag | 127;
    scratch.writeUInt32LE(member.length, at);
    at += 4;
  }
  if (tag !== 0) {
    scratch.writeFloatLE(score, at);
    at += 4;
  } else {
    scratch.writeDoubleLE(score, at);
    at += 8;
  }
  return at + scratch.write(member, at, 'latin1');
}

function entrySize(member: string, score: number): number {
  return 1 + (member.length < 127 ? 0 : 4) + (fitsF32(score) ? 4 : 8) + member.length;
}

/**
 * Replaces bytes [start, end) of `lp` with the entry (member, score) (none
 * when member is null) and adjusts the count by `countDelta`.
 */
export function pSplice(lp: string, start: number, end: number, member: string | null, score: number,
  countDelta: number): string {
  const add = member === null ? 0 : entrySize(member, score);
  const total = lp.length - (end - start) + add;
  ensure(Math.max(total, lp.length));
  scratch.write(lp, 0, 'latin1');
  if (end !== start + add) scratch.copyWithin(start + add, end, lp.length);
  if (member !== null) writeEntry(start, member, score);
  scratch.writeUInt32LE(pCount(lp) + countDelta, 0);
  return scratch.toString('latin1', 0, total);
}

/** Insertion offset for (score, member) (absent) in sorted order. */
export function pInsertPos(lp: string, score: number, member: string): number {
  let p = HDR;
  while (p < lp.length) {
    const s = pScore(lp, p);
    if (s > score || (s === score && pCompareMember(lp, p, member) > 0)) break;
    p = pNext(lp, p);
  }
  return p;
}

/** Builds a packed set from entries already in (score, member) order. */
export function pBuild(members: string[], scores: number[]): string {
  let total = HDR;
  for (let i = 0; i < members.length; i++) total += entrySize(members[i]!, scores[i]!);
  ensure(total);
  scratch.writeUInt32LE(members.length, 0);
  let at = HDR;
  for (let i = 0; i < members.length; i++) at = writeEntry(at, members[i]!, scores[i]!);
  return scratch.toString('latin1', 0, total);
}

/** A copy of `s` not sharing storage with a packed string (members moving into a skiplist). */
export function flatCopy(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings anyway
  ensure(s.length);
  scratch.write(s, 0, 'latin1');
  return scratch.toString('latin1', 0, s.length);
}

// --- packed-range helpers: `pos` holds the entry offsets, results are indexes into it ---

export function firstScoreIndex(d: string, pos: number[], r: ScoreRange): number {
  if (scoreRangeEmpty(r)) return -1;
  for (let i = 0; i < pos.length; i++) {
    const s = pScore(d, pos[i]!);
    if (scoreGteMin(s, r)) return scoreLteMax(s, r) ? i : -1;
  }
  return -1;
}

export function lastScoreIndex(d: string, pos: number[], r: ScoreRange): number {
  if (scoreRangeEmpty(r)) return -1;
  for (let i = pos.length - 1; i >= 0; i--) {
    const s = pScore(d, pos[i]!);
    if (scoreLteMax(s, r)) return scoreGteMin(s, r) ? i : -1;
  }
  return -1;
}

export function firstLexIndex(d: string, pos: number[], r: LexRange): number {
  if (lexRangeEmpty(r)) return -1;
  for (let i = 0; i < pos.length; i++) {
    const m = pMember(d, pos[i]!);
    if (lexGteMin(m, r.min)) return lexLteMax(m, r.max) ? i : -1;
  }
  return -1;
}

export function lastLexIndex(d: string, pos: number[], r: LexRange): number {
  if (lexRangeEmpty(r)) return -1;
  for (let i = pos.length - 1; i >= 0; i--) {
    const m = pMember(d, pos[i]!);
    if (lexLteMax(m, r.max)) return lexGteMin(m, r.min) ? i : -1;
  }
  return -1;
}
