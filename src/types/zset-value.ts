// The sorted set value. Small sets use the "listpack" encoding: one flat
// array [member0, score0, member1, score1, ...] kept sorted by (score, member
// bytes), a few bytes per element. Past zset-max-listpack-entries/-value it
// converts (one way, as Redis) to "skiplist": an order-statistic SkipList plus
// a member→score Dict (scales past 2^24 members). Geo builds on this API.

import { Dict } from '../keyspace/dict.js';
import { formatG } from '../util/float-format.js';
import type { CollectionValue } from './value.js';
import {
  lexGteMin, lexLteMax, lexRangeEmpty, scoreGteMin, scoreLteMax, scoreRangeEmpty, SkipList, type LexRange,
  type ScoreRange, type SkipNode,
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

export class ZSetValue implements CollectionValue {
  readonly type = 'zset' as const;
  /** listpack encoding: [member, score, ...] sorted; null once converted. */
  private lp: (string | number)[] | null = [];
  private zsl: SkipList | null = null;
  private dict: Dict<number> | null = null;

  /** An empty set in the skiplist encoding (Redis's createZsetObject). */
  static skiplist(): ZSetValue {
    const z = new ZSetValue();
    z.convertToSkiplist();
    return z;
  }

  get size(): number {
    return this.lp !== null ? this.lp.length >>> 1 : this.zsl!.length;
  }

  get isListpack(): boolean {
    return this.lp !== null;
  }

  encoding(): string {
    return this.lp !== null ? 'listpack' : 'skiplist';
  }

  memoryUsage(): number {
    if (this.lp !== null) {
      // listpack: 6-byte header, end byte, per entry encoding byte(s) + data + backlen.
      let bytes = 16 + 7;
      for (let i = 0; i < this.lp.length; i += 2) {
        bytes += (this.lp[i] as string).length + 2 + formatG(this.lp[i + 1] as number).length + 2;
      }
      return bytes;
    }
    // zset + dict + skiplist: per element a node (~1.33 levels), an sds member and a dict entry.
    let bytes = 16 + 96 + 64;
    bytes += this.dict!.size * 8 * 1.5;
    for (let n = this.zsl!.first(); n !== null; n = n.next[0]!) bytes += 32 + 16 * n.next.length + n.member.length + 4 + 24;
    return Math.round(bytes);
  }

  score(member: string): number | undefined {
    if (this.lp !== null) {
      const i = this.lpFind(member);
      return i === -1 ? undefined : (this.lp[i + 1] as number);
    }
    return this.dict!.get(member);
  }

  /**
   * Sets `member`'s score (Redis's zsetAdd without the flag logic): converts
   * to skiplist first when a new element would exceed `limits`.
   */
  set(member: string, score: number, limits: ZSetLimits): ZAddResult {
    if (this.lp !== null) {
      const i = this.lpFind(member);
      if (i !== -1) {
        // As Redis: only a different score (-0 == 0) counts as a change.
        if ((this.lp[i + 1] as number) === score) return ZAddResult.Unchanged;
        this.lp.splice(i, 2);
        this.lpInsert(member, score);
        return ZAddResult.Updated;
      }
      if (this.size + 1 > limits.entries || member.length > limits.value) {
        this.convertToSkiplist();
      } else {
        this.lpInsert(member, score);
        return ZAddResult.Added;
      }
    }
    const dict = this.dict!;
    const e = dict.find(member);
    if (e !== -1) {
      const cur = dict.valueAt(e);
      if (cur === score) return ZAddResult.Unchanged;
      this.zsl!.updateScore(cur, member, score);
      dict.setValueAt(e, score);
      return ZAddResult.Updated;
    }
    this.zsl!.insert(score, member);
    dict.insertNew(member, score);
    return ZAddResult.Added;
  }

  remove(member: string): boolean {
    if (this.lp !== null) {
      const i = this.lpFind(member);
      if (i === -1) return false;
      this.lp.splice(i, 2);
      return true;
    }
    const score = this.dict!.get(member);
    if (score === undefined) return false;
    this.dict!.delete(member);
    this.zsl!.delete(score, member);
    return true;
  }

  /** 0-based rank (from the highest score when `reverse`), -1 when absent. */
  rank(member: string, reverse = false): number {
    let r: number;
    if (this.lp !== null) {
      const i = this.lpFind(member);
      if (i === -1) return -1;
      r = i >>> 1;
    } else {
      const score = this.dict!.get(member);
      if (score === undefined) return -1;
      r = this.zsl!.rank(score, member) - 1;
    }
    return reverse ? this.size - 1 - r : r;
  }

  /** Element at 0-based ascending `index` (in range). */
  at(index: number, visit: ZVisit): void {
    if (this.lp !== null) {
      visit(this.lp[index * 2] as string, this.lp[index * 2 + 1] as number);
      return;
    }
    const n = this.zsl!.byRank(index + 1)!;
    visit(n.member, n.score);
  }

  /** Elements of 0-based ranks start..end (clamped, start <= end), in reverse rank order when `reverse`. */
  rangeByRank(start: number, end: number, reverse: boolean, visit: ZVisit): void {
    const size = this.size;
    let count = end - start + 1;
    if (this.lp !== null) {
      const lp = this.lp;
      if (!reverse) for (let i = start * 2; count-- > 0; i += 2) visit(lp[i] as string, lp[i + 1] as number);
      else for (let i = (size - 1 - start) * 2; count-- > 0; i -= 2) visit(lp[i] as string, lp[i + 1] as number);
      return;
    }
    let n = this.zsl!.byRank(reverse ? size - start : start + 1);
    while (n !== null && count-- > 0) {
      visit(n.member, n.score);
      n = reverse ? n.backward : n.next[0]!;
    }
  }

  /** Elements with scores in `r`, skipping `offset`, at most `limit` (< 0: all); descending when `reverse`. */
  rangeByScore(r: ScoreRange, reverse: boolean, offset: number, limit: number, visit: ZVisit): void {
    if (scoreRangeEmpty(r)) return;
    const inRange = reverse ? (s: number) => scoreGteMin(s, r) : (s: number) => scoreLteMax(s, r);
    if (this.lp !== null) {
      const lp = this.lp;
      let i = reverse ? this.lpLastScoreIndex(r) : this.lpFirstScoreIndex(r);
      const step = reverse ? -2 : 2;
      for (; i >= 0 && i < lp.length && offset > 0 && inRange(lp[i + 1] as number); i += step) offset--;
      for (; i >= 0 && i < lp.length && limit !== 0 && inRange(lp[i + 1] as number); i += step, limit--) {
        visit(lp[i] as string, lp[i + 1] as number);
      }
      return;
    }
    let n = reverse ? this.zsl!.lastInScoreRange(r) : this.zsl!.firstInScoreRange(r);
    for (; n !== null && offset > 0; offset--) n = reverse ? n.backward : n.next[0]!;
    for (; n !== null && limit !== 0 && inRange(n.score); limit--) {
      visit(n.member, n.score);
      n = reverse ? n.backward : n.next[0]!;
    }
  }

  /** As rangeByScore for a lex interval (meaningful when all scores are equal, as in Redis). */
  rangeByLex(r: LexRange, reverse: boolean, offset: number, limit: number, visit: ZVisit): void {
    if (lexRangeEmpty(r)) return;
    const inRange = reverse ? (m: string) => lexGteMin(m, r.min) : (m: string) => lexLteMax(m, r.max);
    if (this.lp !== null) {
      const lp = this.lp;
      let i = reverse ? this.lpLastLexIndex(r) : this.lpFirstLexIndex(r);
      const step = reverse ? -2 : 2;
      for (; i >= 0 && i < lp.length && offset > 0 && inRange(lp[i] as string); i += step) offset--;
      for (; i >= 0 && i < lp.length && limit !== 0 && inRange(lp[i] as string); i += step, limit--) {
        visit(lp[i] as string, lp[i + 1] as number);
      }
      return;
    }
    let n = reverse ? this.zsl!.lastInLexRange(r) : this.zsl!.firstInLexRange(r);
    for (; n !== null && offset > 0; offset--) n = reverse ? n.backward : n.next[0]!;
    for (; n !== null && limit !== 0 && inRange(n.member); limit--) {
      visit(n.member, n.score);
      n = reverse ? n.backward : n.next[0]!;
    }
  }

  /** ZCOUNT: O(log N) from ranks. */
  countByScore(r: ScoreRange): number {
    if (this.lp !== null) {
      const first = this.lpFirstScoreIndex(r);
      if (first === -1) return 0;
      return ((this.lpLastScoreIndex(r) - first) >>> 1) + 1;
    }
    return this.countNodes(this.zsl!.firstInScoreRange(r), this.zsl!.lastInScoreRange(r));
  }

  countByLex(r: LexRange): number {
    if (this.lp !== null) {
      const first = this.lpFirstLexIndex(r);
      if (first === -1) return 0;
      return ((this.lpLastLexIndex(r) - first) >>> 1) + 1;
    }
    return this.countNodes(this.zsl!.firstInLexRange(r), this.zsl!.lastInLexRange(r));
  }

  private countNodes(first: SkipNode | null, last: SkipNode | null): number {
    if (first === null || last === null) return 0;
    const a = this.zsl!.rank(first.score, first.member);
    const b = this.zsl!.rank(last.score, last.member);
    return b >= a ? b - a + 1 : 0;
  }

  /** Removes 0-based ranks start..end (clamped); returns the count. */
  removeRangeByRank(start: number, end: number): number {
    if (this.lp !== null) return this.lp.splice(start * 2, (end - start + 1) * 2).length >>> 1;
    const dict = this.dict!;
    return this.zsl!.deleteRankRange(start + 1, end + 1, (m) => dict.delete(m));
  }

  removeRangeByScore(r: ScoreRange): number {
    if (this.lp !== null) {
      const first = this.lpFirstScoreIndex(r);
      if (first === -1) return 0;
      return this.lp.splice(first, this.lpLastScoreIndex(r) - first + 2).length >>> 1;
    }
    const dict = this.dict!;
    return this.zsl!.deleteWhile(this.zsl!.firstInScoreRange(r), (n) => scoreLteMax(n.score, r), (m) => dict.delete(m));
  }

  removeRangeByLex(r: LexRange): number {
    if (this.lp !== null) {
      const first = this.lpFirstLexIndex(r);
      if (first === -1) return 0;
      return this.lp.splice(first, this.lpLastLexIndex(r) - first + 2).length >>> 1;
    }
    const dict = this.dict!;
    return this.zsl!.deleteWhile(this.zsl!.firstInLexRange(r), (n) => lexLteMax(n.member, r.max), (m) => dict.delete(m));
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
    if (this.lp !== null) {
      this.forEach(visit);
      return 0;
    }
    const dict = this.dict!;
    return dict.scan(cursor, (m) => visit(m, dict.get(m)!));
  }

  /** A uniformly random element (the set is not empty). */
  random(rnd: () => number, visit: ZVisit): void {
    this.at(Math.floor(rnd() * this.size), visit);
  }

  /** Redis's zsetConvert to skiplist. */
  convertToSkiplist(): void {
    if (this.lp === null) return;
    const lp = this.lp;
    const zsl = new SkipList();
    const dict = new Dict<number>(0);
    for (let i = 0; i < lp.length; i += 2) {
      zsl.insert(lp[i + 1] as number, lp[i] as string);
      dict.insertNew(lp[i] as string, lp[i + 1] as number);
    }
    this.lp = null;
    this.zsl = zsl;
    this.dict = dict;
  }

  /** Redis's zsetConvertToListpackIfNeeded (store destinations, RDB loading). */
  convertToListpackIfFits(limits: ZSetLimits, maxMemberLength: number): void {
    if (this.lp !== null || this.size > limits.entries || maxMemberLength > limits.value) return;
    const lp: (string | number)[] = [];
    this.forEach((m, s) => lp.push(m, s === 0 ? 0 : s));
    this.lp = lp;
    this.zsl = null;
    this.dict = null;
  }

  /** The longest member's length (for conversions of stored results). */
  maxMemberLength(): number {
    let max = 0;
    this.forEach((m) => { if (m.length > max) max = m.length; });
    return max;
  }

  // --- listpack helpers: indexes are positions of members in the flat array ---

  private lpFind(member: string): number {
    const lp = this.lp!;
    for (let i = 0; i < lp.length; i += 2) if (lp[i] === member) return i;
    return -1;
  }

  private lpInsert(member: string, score: number): void {
    const lp = this.lp!;
    // Redis stores listpack scores as d2string text, which spells -0 as "0".
    if (score === 0) score = 0;
    let i = 0;
    while (i < lp.length) {
      const s = lp[i + 1] as number;
      if (s > score || (s === score && (lp[i] as string) > member)) break;
      i += 2;
    }
    if (i === lp.length) lp.push(member, score);
    else lp.splice(i, 0, member, score);
  }

  private lpFirstScoreIndex(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    const lp = this.lp!;
    for (let i = 0; i < lp.length; i += 2) {
      const s = lp[i + 1] as number;
      if (scoreGteMin(s, r)) return scoreLteMax(s, r) ? i : -1;
    }
    return -1;
  }

  private lpLastScoreIndex(r: ScoreRange): number {
    if (scoreRangeEmpty(r)) return -1;
    const lp = this.lp!;
    for (let i = lp.length - 2; i >= 0; i -= 2) {
      const s = lp[i + 1] as number;
      if (scoreLteMax(s, r)) return scoreGteMin(s, r) ? i : -1;
    }
    return -1;
  }

  private lpFirstLexIndex(r: LexRange): number {
    if (lexRangeEmpty(r)) return -1;
    const lp = this.lp!;
    for (let i = 0; i < lp.length; i += 2) {
      const m = lp[i] as string;
      if (lexGteMin(m, r.min)) return lexLteMax(m, r.max) ? i : -1;
    }
    return -1;
  }

  private lpLastLexIndex(r: LexRange): number {
    if (lexRangeEmpty(r)) return -1;
    const lp = this.lp!;
    for (let i = lp.length - 2; i >= 0; i -= 2) {
      const m = lp[i] as string;
      if (lexLteMax(m, r.max)) return lexGteMin(m, r.min) ? i : -1;
    }
    return -1;
  }
}
