// Redis's zskiplist: an order-statistic skiplist of (score, member) pairs
// ordered by score, then by member bytes (JS `<` on latin1 strings is
// memcmp order). Every forward link carries a span, so rank lookups and
// "element at rank" are O(log N) like Redis's zslGetRank / zslGetElementByRank.
//
// Nodes are not JS objects: each is a block in one Int32Array (with a
// Float64Array view of the same memory for scores), so a traversal step
// touches one contiguous block instead of a node object plus two arrays, and
// inserts allocate nothing. A node id is the block's int32 index (always even,
// so score = f64[id >> 1]); id 0 is the header, which no link ever points
// to, so 0 also means "none". Block layout:
//   [0,1] score  [2] backward (free-list link when free)  [3] member slot
//   [4] level  [5] unused  [6 + 2i] next at level i  [7 + 2i] span at level i
// Freed blocks are kept in per-level free lists; member strings live in a
// plain array indexed by slot (slots are recycled too).

const MAX_LEVEL = 32;
const NEXT = 6;

/** Scratch for one operation at a time (operations never re-enter). */
const update = new Int32Array(MAX_LEVEL);
const rankAt = new Float64Array(MAX_LEVEL);

/** A score interval; `minex`/`maxex` make an end exclusive ("(1"). */
export interface ScoreRange {
  min: number;
  max: number;
  minex: boolean;
  maxex: boolean;
}

/** One end of a lex interval: '-' (kind -1), '+' (kind 1), or "[a" / "(a" (kind 0). */
export interface LexBound {
  kind: -1 | 0 | 1;
  value: string;
  ex: boolean;
}

export interface LexRange {
  min: LexBound;
  max: LexBound;
}

export function scoreGteMin(score: number, r: ScoreRange): boolean {
  return r.minex ? score > r.min : score >= r.min;
}

export function scoreLteMax(score: number, r: ScoreRange): boolean {
  return r.maxex ? score < r.max : score <= r.max;
}

/** An empty score interval: Redis's zslIsInRange first check. */
export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

export function lexGteMin(member: string, b: LexBound): boolean {
  if (b.kind !== 0) return b.kind < 0;
  return b.ex ? member > b.value : member >= b.value;
}

export function lexLteMax(member: string, b: LexBound): boolean {
  if (b.kind !== 0) return b.kind > 0;
  return b.ex ? member < b.value : member <= b.value;
}

/** Redis's zslLexValueGteMin/LteMax emptiness check (zslIsInLexRange's first part). */
export function lexRangeEmpty(r: LexRange): boolean {
  // '+' as min or '-' as max: nothing can be in range.
  if (r.min.kind === 1 || r.max.kind === -1) return true;
  if (r.min.kind === 0 && r.max.kind === 0) {
    if (r.min.value > r.max.value) return true;
    if (r.min.value === r.max.value && (r.min.ex || r.max.ex)) return true;
  }
  return false;
}

export class SkipList {
  /** The header's id: the position before the first node. */
  readonly header = 0;
  /** The last node, 0 when empty. */
  tail = 0;
  length = 0;
  level = 1;
  private a: Int32Array;
  private f: Float64Array;
  private top: number;
  private readonly freeBlocks = new Int32Array(MAX_LEVEL + 1);
  private members: (string | undefined)[] = [];
  private freeSlots: number[] = [];
  private seed = 0x2545f491;

  constructor() {
    const buf = new ArrayBuffer(4 * 256);
    this.a = new Int32Array(buf);
    this.f = new Float64Array(buf);
    this.a[4] = MAX_LEVEL;
    this.top = NEXT + 2 * MAX_LEVEL;
  }

  score(n: number): number {
    return this.f[n >> 1]!;
  }

  member(n: number): string {
    return this.members[this.a[n + 3]!]!;
  }

  /** The following node (0 at the end). */
  next(n: number): number {
    return this.a[n + NEXT]!;
  }

  /** The preceding node (0 before the first). */
  prev(n: number): number {
    return this.a[n + 2]!;
  }

  levelOf(n: number): number {
    return this.a[n + 4]!;
  }

  nextAt(n: number, i: number): number {
    return this.a[n + NEXT + 2 * i]!;
  }

  spanAt(n: number, i: number): number {
    return this.a[n + NEXT + 1 + 2 * i]!;
  }

  first(): number {
    return this.a[NEXT]!;
  }

  /** Redis's zslRandomLevel: P = 1/4 per extra level, capped at 32. */
  private randomLevel(): number {
    let level = 1;
    for (;;) {
      // xorshift32: the shape of the list is invisible to clients, any decent PRNG will do.
      let x = this.seed;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.seed = x >>> 0;
      if ((this.seed & 3) !== 0 || level >= MAX_LEVEL) return level;
      level++;
    }
  }

  private allocNode(level: number, score: number, member: string): number {
    let id = this.freeBlocks[level]!;
    if (id !== 0) {
      this.freeBlocks[level] = this.a[id + 2]!;
    } else {
      const size = NEXT + 2 * level;
      if (this.top + size > this.a.length) {
        let cap = this.a.length * 2;
        while (cap < this.top + size) cap *= 2;
        const buf = new ArrayBuffer(cap * 4);
        const a = new Int32Array(buf);
        a.set(this.a.subarray(0, this.top));
        this.a = a;
        this.f = new Float64Array(buf);
      }
      id = this.top;
      this.top += size;
    }
    let slot: number;
    if (this.freeSlots.length > 0) {
      slot = this.freeSlots.pop()!;
      this.members[slot] = member;
    } else {
      slot = this.members.length;
      this.members.push(member);
    }
    const a = this.a;
    this.f[id >> 1] = score;
    a[id + 2] = 0;
    a[id + 3] = slot;
    a[id + 4] = level;
    return id;
  }

  private freeNode(n: number): void {
    const a = this.a;
    const slot = a[n + 3]!;
    this.members[slot] = undefined;
    this.freeSlots.push(slot);
    const level = a[n + 4]!;
    a[n + 2] = this.freeBlocks[level]!;
    this.freeBlocks[level] = n;
  }

  /** Inserts a member known to be absent; returns its node. */
  insert(score: number, member: string): number {
    const level = this.randomLevel();
    // Allocate first: growing replaces the arrays the walk below reads.
    const node = this.allocNode(level, score, member);
    const a = this.a;
    const f = this.f;
    const members = this.members;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      rankAt[i] = i === this.level - 1 ? 0 : rankAt[i + 1]!;
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0; n = a[x + off]!) {
        const s = f[n >> 1]!;
        if (s > score || (s === score && members[a[n + 3]!]! >= member)) break;
        rankAt[i]! += a[x + off + 1]!;
        x = n;
      }
      update[i] = x;
    }
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rankAt[i] = 0;
        update[i] = 0;
        a[NEXT + 2 * i + 1] = this.length;
      }
      this.level = level;
    }
    const r0 = rankAt[0]!;
    for (let i = 0; i < level; i++) {
      const u = update[i]!;
      const off = NEXT + 2 * i;
      a[node + off] = a[u + off]!;
      a[u + off] = node;
      a[node + off + 1] = a[u + off + 1]! - (r0 - rankAt[i]!);
      a[u + off + 1] = r0 - rankAt[i]! + 1;
    }
    for (let i = level; i < this.level; i++) a[update[i]! + NEXT + 2 * i + 1]!++;
    a[node + 2] = update[0]!;
    const next = a[node + NEXT]!;
    if (next !== 0) a[next + 2] = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  /** Unlinks `node` given the update vector of a walk to it; does not free it. */
  private unlink(node: number): void {
    const a = this.a;
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!;
      const off = NEXT + 2 * i;
      if (a[u + off] === node) {
        a[u + off + 1] = a[u + off + 1]! + a[node + off + 1]! - 1;
        a[u + off] = a[node + off]!;
      } else {
        a[u + off + 1] = a[u + off + 1]! - 1;
      }
    }
    const next = a[node + NEXT]!;
    if (next !== 0) a[next + 2] = a[node + 2]!;
    else this.tail = a[node + 2]!;
    while (this.level > 1 && a[NEXT + 2 * (this.level - 1)] === 0) this.level--;
    this.length--;
  }

  /** Fills `update` with the last node before (score, member) per level; returns that element's node or 0. */
  private findUpdate(score: number, member: string): number {
    const a = this.a;
    const f = this.f;
    const members = this.members;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0; n = a[x + off]!) {
        const s = f[n >> 1]!;
        if (s > score || (s === score && members[a[n + 3]!]! >= member)) break;
        x = n;
      }
      update[i] = x;
    }
    const n = a[x + NEXT]!;
    return n !== 0 && f[n >> 1] === score && members[a[n + 3]!] === member ? n : 0;
  }

  /** Removes (score, member); false when absent. */
  delete(score: number, member: string): boolean {
    const node = this.findUpdate(score, member);
    if (node === 0) return false;
    this.unlink(node);
    this.freeNode(node);
    return true;
  }

  /** Redis's zslUpdateScore: changes the score in place when the position does not change. */
  updateScore(score: number, member: string, newScore: number): number {
    const node = this.findUpdate(score, member);
    if (node === 0) throw new Error('skiplist: updating an absent member');
    const a = this.a;
    const f = this.f;
    const prev = a[node + 2]!;
    const next = a[node + NEXT]!;
    if ((prev === 0 || f[prev >> 1]! < newScore || (f[prev >> 1] === newScore && this.member(prev) < member)) &&
        (next === 0 || f[next >> 1]! > newScore || (f[next >> 1] === newScore && this.member(next) > member))) {
      f[node >> 1] = newScore;
      return node;
    }
    this.unlink(node);
    this.freeNode(node);
    return this.insert(newScore, member);
  }

  /** 1-based rank of (score, member), 0 when absent. */
  rank(score: number, member: string): number {
    const a = this.a;
    const f = this.f;
    const members = this.members;
    let rank = 0;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0; n = a[x + off]!) {
        const s = f[n >> 1]!;
        if (s > score || (s === score && members[a[n + 3]!]! > member)) break;
        rank += a[x + off + 1]!;
        x = n;
      }
      if (x !== 0 && f[x >> 1] === score && members[a[x + 3]!] === member) return rank;
    }
    return 0;
  }

  /** The node at 1-based `rank`, or 0. */
  byRank(rank: number): number {
    if (rank < 1 || rank > this.length) return 0;
    const a = this.a;
    let traversed = 0;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && traversed + a[x + off + 1]! <= rank; n = a[x + off]!) {
        traversed += a[x + off + 1]!;
        x = n;
      }
      if (traversed === rank) return x;
    }
    return 0;
  }

  /** Redis's zslFirstInRange: the first node with a score in `r`, or 0. */
  firstInScoreRange(r: ScoreRange): number {
    if (scoreRangeEmpty(r) || this.tail === 0 || !scoreGteMin(this.score(this.tail), r)) return 0;
    const a = this.a;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && !scoreGteMin(this.f[n >> 1]!, r); n = a[x + off]!) x = n;
    }
    const n = a[x + NEXT]!;
    return n !== 0 && scoreLteMax(this.f[n >> 1]!, r) ? n : 0;
  }

  /** Redis's zslLastInRange. */
  lastInScoreRange(r: ScoreRange): number {
    const head = this.first();
    if (scoreRangeEmpty(r) || head === 0 || !scoreLteMax(this.score(head), r)) return 0;
    const a = this.a;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && scoreLteMax(this.f[n >> 1]!, r); n = a[x + off]!) x = n;
    }
    return x !== 0 && scoreGteMin(this.f[x >> 1]!, r) ? x : 0;
  }

  firstInLexRange(r: LexRange): number {
    if (lexRangeEmpty(r) || this.tail === 0 || !lexGteMin(this.member(this.tail), r.min)) return 0;
    const a = this.a;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && !lexGteMin(this.member(n), r.min); n = a[x + off]!) x = n;
    }
    const n = a[x + NEXT]!;
    return n !== 0 && lexLteMax(this.member(n), r.max) ? n : 0;
  }

  lastInLexRange(r: LexRange): number {
    const head = this.first();
    if (lexRangeEmpty(r) || head === 0 || !lexLteMax(this.member(head), r.max)) return 0;
    const a = this.a;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && lexLteMax(this.member(n), r.max); n = a[x + off]!) x = n;
    }
    return x !== 0 && lexGteMin(this.member(x), r.min) ? x : 0;
  }

  /** Removes nodes of 1-based ranks start..end (inclusive); calls `removed` for each. */
  deleteRankRange(start: number, end: number, removed: (member: string) => void): number {
    const a = this.a;
    let traversed = 0;
    let x = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const off = NEXT + 2 * i;
      for (let n = a[x + off]!; n !== 0 && traversed + a[x + off + 1]! < start; n = a[x + off]!) {
        traversed += a[x + off + 1]!;
        x = n;
      }
      update[i] = x;
    }
    traversed++;
    let node = a[x + NEXT]!;
    let count = 0;
    while (node !== 0 && traversed <= end) {
      const next = a[node + NEXT]!;
      const member = this.member(node);
      this.unlink(node);
      this.freeNode(node);
      removed(member);
      count++;
      traversed++;
      node = next;
    }
    return count;
  }

  /** Removes every node from `first` onwards while `inRange` holds; for score/lex range deletes. */
  deleteWhile(first: number, inRange: (n: number) => boolean, removed: (member: string) => void): number {
    if (first === 0) return 0;
    this.findUpdate(this.score(first), this.member(first));
    let node = first;
    let count = 0;
    while (node !== 0 && inRange(node)) {
      const next = this.a[node + NEXT]!;
      const member = this.member(node);
      this.unlink(node);
      this.freeNode(node);
      removed(member);
      count++;
      node = next;
    }
    return count;
  }
}
