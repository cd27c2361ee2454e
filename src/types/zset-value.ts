// The sorted set value. Small sets use the "listpack" encoding: one packed
// latin1 string (see zset-packed.ts) sorted by (score, member bytes). Past
// zset-max-listpack-entries/-value it converts (one way, as Redis) to
// "skiplist": an order-statistic SkipList plus a member->score StrTable (no
// 2^24 cap, Redis's SCAN cursor, O(1) random member). Geo builds on this API.

import { formatG } from '../util/float-format.js';
import { StrTable } from './str-table.js';
import type { CollectionValue } from './value.js';
import {
  EMPTY_PACKED, firstLexIndex, firstScoreIndex, flatCopy, HDR, lastLexIndex, lastScoreIndex, pAt, pBuild, pCount,
  pFind, pInsertPos, pMember, pMemberLen, pMemberStart, pNext, pPositions, pScore, pSplice,
} from './zset-packed.js';
import {
  lexGteMin, lexLteMax, lexRangeEmpty, scoreGteMin, scoreLteMax, scoreRangeEmpty, SkipList, type LexRange,
  type ScoreRange,
} from './skiplist.js';

export type { LexBound, LexRange, ScoreRange } from './skiplist.js';

/** zset-max-listpack-entries / zset-max-listpack-value. */
export interface ZSetLimits {
  entries: number;
  value: number;
}

export type ZVisit = (member: string, score: number) => void;

/** ZADD's per-element outcome. */
export const ZAddResult = { Added: 0, Updated: 1, Unchanged: 2 } as const;
export type ZAddResult = (typeof ZAddResult)[keyof typeof ZAddResult];

/** The skiplist encoding's two structures. */
class ZBig {
  readonly zsl = new SkipList();
  readonly dict = new StrTable<number>(true);
}

export class ZSetValue implements CollectionValue {
  /**
   * The packed listpack string, or the skiplist encoding once converted. One
   * field only: millions of small sets make every per-object word count.
   */
  private d: string | ZBig = EMPTY_PACKED;

  get type(): 'zset' {
    return 'zset';
  }

  /** An empty set in the skiplist encoding (Redis's createZsetObject). */
  static skiplist(): ZSetValue {
    const z = new ZSetValue();
    z.d = new ZBig();
    return z;
  }

  get size(): number {
    const d = this.d;
    return typeof d === 'string' ? pCount(d) : d.zsl.length;
  }

  get isListpack(): boolean {
    return typeof this.d === 'string';
  }

  encoding(): string {
    return typeof this.d === 'string' ? 'listpack' : 'skiplist';
  }

  memoryUsage(): number {
    const d = this.d;
    if (typeof d === 'string') {
      // listpack: 6-byte header, end byte, per entry encoding byte(s) + data + backlen.
      let bytes = 16 + 7;
      for (let p = HDR; p < d.length; p = pNext(d, p)) {
        bytes += pMemberLen(d, p) + 2 + formatG(pScore(d, p)).length + 2;
      }
      return bytes;
    }
    // zset + dict + skiplist: per element a node (~1.33 levels), an sds member and a dict entry.
    let bytes = 16 + 96 + 64;
    bytes += d.dict.size * 8 * 1.5;
    const zsl = d.zsl;
    for (let n = zsl.first(); n !== 0; n = zsl.next(n)) bytes += 32 + 16 * zsl.levelOf(n) + zsl.member(n).length + 4 + 24;
    return Math.round(bytes);
  }

  score(member: string): number | undefined {
    const d = this.d;
    if (typeof d === 'string') {
      const p = pFind(d, member);
      return p === -1 ? undefined : pScore(d, p);
    }
    return d.dict.get(member);
  }

  /**
   * Sets `member`'s score (Redis's zsetAdd without the flag logic): converts
   * to skiplist first when a new element would exceed `limits`.
   */
  set(member: string, score: number, limits: ZSetLimits): ZAddResult {
    let d = this.d;
    if (typeof d === 'string') {
      const p = pFind(d, member);
      if (p !== -1) {
        // As Redis: only a different score (-0 == 0) counts as a change.
        if (pScore(d, p) === score) return ZAddResult.Unchanged;
        d = pSplice(d, p, pNext(d, p), null, 0, -1);
        this.d = this.packedInsert(d, member, score);
        return ZAddResult.Updated;
      }
      if (pCount(d) + 1 > limits.entries || member.length > limits.value) {
        this.convertToSkiplist();
        d = this.d as ZBig;
      } else {
        this.d = this.packedInsert(d, member, score);
        return ZAddResult.Added;
      }
    }
    const dict = d.dict;
    const e = dict.find(member);
    if (e !== -1) {
      const cur = dict.valueAt(e);
      if (cur === score) return ZAddResult.Unchanged;
      d.zsl.updateScore(cur, member, score);
      dict.setValueAt(e, score);
      return ZAddResult.Updated;
    }
    d.zsl.insert(score, member);
    dict.insertNew(member, score);
    return ZAddResult.Added;
  }

  private packedInsert(d: string, member: string, score: number): string {
    if (score === 0) score = 0;
    const at = pInsertPos(d, score, member);
    return pSplice(d, at, at, member, score, 1);
  }

  remove(member: string): boolean {
    const d = this.d;
    if (typeof d === 'string') {
      const p = pFind(d, member);
      if (p === -1) return false;
      this.d = pSplice(d, p, pNext(d, p), null, 0, -1);
      return true;
    }
    const score = d.dict.get(member);
    if (score === undefined) return false;
    d.dict.delete(member);
    d.zsl.delete(score, member);
    return true;
  }

  /** 0-based rank (from the highest score when `reverse`), -1 when absent. */
  rank(member: string, reverse = false): number {
    const d = this.d;
    let r: number;
    if (typeof d === 'string') {
      r = -1;
      const len = member.length;
      for (let p = HDR, i = 0; p < d.length; i++) {
        const ms = pMemberStart(d, p);
        const ml = pMemberLen(d, p);
        if (ml === len && d.startsWith(member, ms)) {
          r = i;
          break;
        }
        p = ms + ml;
      }
      if (r === -1) return -1;
    } else {
      const score = d.dict.get(member);
      if (score === undefined) return -1;
      r = d.zsl.rank(score, member) - 1;
    }
    return reverse ? this.size - 1 - r : r;
  }

  /** Element at 0-based ascending `index` (in range). */
  at(index: number, visit: ZVisit): void {
    const d = this.d;
    if (typeof d === 'string') {
      const p = pAt(d, index);
      visit(pMember(d, p), pScore(d, p));
      return;
    }
    const n = d.zsl.byRank(index + 1);
    visit(d.zsl.member(n), d.zsl.score(n));
  }

  /** Elements of 0-based ranks start..end (clamped, start <= end), in reverse rank order when `reverse`. */
  rangeByRank(start: number, end: number, reverse: boolean, visit: ZVisit): void {
    const size = this.size;
    let count = end - start + 1;
    const d = this.d;
    if (typeof d === 'string') {
      if (!reverse) {
        for (let p = pAt(d, start); count-- > 0; p = pNext(d, p)) visit(pMember(d, p), pScore(d, p));
      } else {
        const pos = pPositions(d);
        for (let i = size - 1 - start; count-- > 0; i--) visit(pMember(d, pos[i]!), pScore(d, pos[i]!));
      }
      return;
    }
    const zsl = d.zsl;
    let n = zsl.byRank(reverse ? size - start : start + 1);
    while (n !== 0 && count-- > 0) {
      visit(zsl.member(n), zsl.score(n));
      n = reverse ? zsl.prev(n) : zsl.next(n);
    }
  }

  /** Elements with scores in `r`, skipping `offset`, at most `limit` (< 0: all); descending when `reverse`. */
  rangeByScore(r: ScoreRange, reverse: boolean, offset: number, limit: number, visit: ZVisit): void {
    if (scoreRangeEmpty(r)) return;
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      let i = reverse ? lastScoreIndex(d, pos, r) : firstScoreIndex(d, pos, r);
      if (i === -1) return;
      const step = reverse ? -1 : 1;
      const inRange = reverse ? (s: number) => scoreGteMin(s, r) : (s: number) => scoreLteMax(s, r);
      for (; i >= 0 && i < pos.length && offset > 0 && inRange(pScore(d, pos[i]!)); i += step) offset--;
      for (; i >= 0 && i < pos.length && limit !== 0; i += step, limit--) {
        const s = pScore(d, pos[i]!);
        if (!inRange(s)) break;
        visit(pMember(d, pos[i]!), s);
      }
      return;
    }
    const zsl = d.zsl;
    let n = reverse ? zsl.lastInScoreRange(r) : zsl.firstInScoreRange(r);
    for (; n !== 0 && offset > 0; offset--) n = reverse ? zsl.prev(n) : zsl.next(n);
    if (reverse) {
      for (; n !== 0 && limit !== 0 && scoreGteMin(zsl.score(n), r); limit--, n = zsl.prev(n)) visit(zsl.member(n), zsl.score(n));
    } else {
      for (; n !== 0 && limit !== 0 && scoreLteMax(zsl.score(n), r); limit--, n = zsl.next(n)) visit(zsl.member(n), zsl.score(n));
    }
  }

  /** As rangeByScore for a lex interval (meaningful when all scores are equal, as in Redis). */
  rangeByLex(r: LexRange, reverse: boolean, offset: number, limit: number, visit: ZVisit): void {
    if (lexRangeEmpty(r)) return;
    const inRange = reverse ? (m: string) => lexGteMin(m, r.min) : (m: string) => lexLteMax(m, r.max);
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      let i = reverse ? lastLexIndex(d, pos, r) : firstLexIndex(d, pos, r);
      if (i === -1) return;
      const step = reverse ? -1 : 1;
      for (; i >= 0 && i < pos.length && offset > 0 && inRange(pMember(d, pos[i]!)); i += step) offset--;
      for (; i >= 0 && i < pos.length && limit !== 0; i += step, limit--) {
        const m = pMember(d, pos[i]!);
        if (!inRange(m)) break;
        visit(m, pScore(d, pos[i]!));
      }
      return;
    }
    const zsl = d.zsl;
    let n = reverse ? zsl.lastInLexRange(r) : zsl.firstInLexRange(r);
    for (; n !== 0 && offset > 0; offset--) n = reverse ? zsl.prev(n) : zsl.next(n);
    for (; n !== 0 && limit !== 0 && inRange(zsl.member(n)); limit--) {
      visit(zsl.member(n), zsl.score(n));
      n = reverse ? zsl.prev(n) : zsl.next(n);
    }
  }

  /** ZCOUNT: O(log N) from ranks. */
  countByScore(r: ScoreRange): number {
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      const first = firstScoreIndex(d, pos, r);
      return first === -1 ? 0 : lastScoreIndex(d, pos, r) - first + 1;
    }
    return this.countNodes(d.zsl, d.zsl.firstInScoreRange(r), d.zsl.lastInScoreRange(r));
  }

  countByLex(r: LexRange): number {
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      const first = firstLexIndex(d, pos, r);
      return first === -1 ? 0 : lastLexIndex(d, pos, r) - first + 1;
    }
    return this.countNodes(d.zsl, d.zsl.firstInLexRange(r), d.zsl.lastInLexRange(r));
  }

  private countNodes(zsl: SkipList, first: number, last: number): number {
    if (first === 0 || last === 0) return 0;
    const a = zsl.rank(zsl.score(first), zsl.member(first));
    const b = zsl.rank(zsl.score(last), zsl.member(last));
    return b >= a ? b - a + 1 : 0;
  }

  /** Removes 0-based ranks start..end (clamped); returns the count. */
  removeRangeByRank(start: number, end: number): number {
    const d = this.d;
    if (typeof d === 'string') return this.packedRemove(d, pPositions(d), start, end);
    const dict = d.dict;
    return d.zsl.deleteRankRange(start + 1, end + 1, (m) => dict.delete(m));
  }

  removeRangeByScore(r: ScoreRange): number {
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      const first = firstScoreIndex(d, pos, r);
      return first === -1 ? 0 : this.packedRemove(d, pos, first, lastScoreIndex(d, pos, r));
    }
    const dict = d.dict;
    return d.zsl.deleteWhile(d.zsl.firstInScoreRange(r), (n) => scoreLteMax(d.zsl.score(n), r), (m) => dict.delete(m));
  }

  removeRangeByLex(r: LexRange): number {
    const d = this.d;
    if (typeof d === 'string') {
      const pos = pPositions(d);
      const first = firstLexIndex(d, pos, r);
      return first === -1 ? 0 : this.packedRemove(d, pos, first, lastLexIndex(d, pos, r));
    }
    const dict = d.dict;
    return d.zsl.deleteWhile(d.zsl.firstInLexRange(r), (n) => lexLteMax(d.zsl.member(n), r.max), (m) => dict.delete(m));
  }

  /** Removes entries of indexes first..last (clamped to the set). */
  private packedRemove(d: string, pos: number[], first: number, last: number): number {
    if (last >= pos.length) last = pos.length - 1;
    if (first > last) return 0;
    const end = last + 1 < pos.length ? pos[last + 1]! : d.length;
    this.d = pSplice(d, pos[first]!, end, null, 0, -(last - first + 1));
    return last - first + 1;
  }

  /** Every element in ascending order. */
  forEach(visit: ZVisit): void {
    if (this.size > 0) this.rangeByRank(0, this.size - 1, false, visit);
  }

  /**
   * ZSCAN step: a listpack is returned whole (cursor 0), a skiplist is walked
   * with the Dict's reverse-binary cursor.
   */
  scan(cursor: number, visit: ZVisit): number {
    const d = this.d;
    if (typeof d === 'string') {
      this.forEach(visit);
      return 0;
    }
    const dict = d.dict;
    return dict.scanStep(cursor, visit);
  }

  /** A uniformly random element (the set is not empty). */
  random(rnd: () => number, visit: ZVisit): void {
    const d = this.d;
    if (typeof d === 'string') {
      this.at(Math.floor(rnd() * pCount(d)), visit);
      return;
    }
    const e = d.dict.randomEntry(rnd);
    visit(d.dict.keyAt(e), d.dict.valueAt(e));
  }

  /** Redis's zsetConvert to skiplist. */
  convertToSkiplist(): void {
    const d = this.d;
    if (typeof d !== 'string') return;
    const big = new ZBig();
    for (let p = HDR; p < d.length; p = pNext(d, p)) {
      // A copy, so the skiplist does not keep the packed string alive through substrings.
      const m = flatCopy(pMember(d, p));
      const s = pScore(d, p);
      big.zsl.insert(s, m);
      big.dict.insertNew(m, s);
    }
    this.d = big;
  }

  /** Redis's zsetConvertToListpackIfNeeded (store destinations, RDB loading). */
  convertToListpackIfFits(limits: ZSetLimits, maxMemberLength: number): void {
    if (typeof this.d === 'string' || this.size > limits.entries || maxMemberLength > limits.value) return;
    const members: string[] = [];
    const scores: number[] = [];
    this.forEach((m, s) => {
      members.push(m);
      scores.push(s);
    });
    this.d = pBuild(members, scores);
  }

  /** The longest member's length (for conversions of stored results). */
  maxMemberLength(): number {
    const d = this.d;
    let max = 0;
    if (typeof d === 'string') {
      for (let p = HDR; p < d.length; p = pNext(d, p)) max = Math.max(max, pMemberLen(d, p));
      return max;
    }
    this.forEach((m) => { if (m.length > max) max = m.length; });
    return max;
  }
}
