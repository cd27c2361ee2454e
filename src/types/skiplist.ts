// Redis's zskiplist: an order-statistic skiplist of (score, member) pairs
// ordered by score, then by member bytes (JS `<` on latin1 strings is
// memcmp order). Every forward link carries a span, so rank lookups and
// "element at rank" are O(log N) like Redis's zslGetRank / zslGetElementByRank.

const MAX_LEVEL = 32;

export class SkipNode {
  /** Next node at each level (index 0 is the full list). */
  readonly next: (SkipNode | null)[];
  /** Nodes skipped by next[i] (1 to reach the direct successor). */
  readonly span: number[];
  backward: SkipNode | null = null;

  constructor(public member: string, public score: number, level: number) {
    this.next = new Array<SkipNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

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

/** (score, member) ordering of the skiplist: negative when a sorts first. */
function before(score: number, member: string, node: SkipNode): boolean {
  return node.score < score || (node.score === score && node.member < member);
}

export class SkipList {
  readonly header = new SkipNode('', 0, MAX_LEVEL);
  tail: SkipNode | null = null;
  length = 0;
  level = 1;
  private seed = 0x2545f491;

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

  /** Inserts a member known to be absent. */
  insert(score: number, member: string): SkipNode {
    const update = new Array<SkipNode>(MAX_LEVEL);
    const rank = new Array<number>(MAX_LEVEL);
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1]!;
      let n = x.next[i]!;
      while (n !== null && before(score, member, n)) {
        rank[i]! += x.span[i]!;
        x = n;
        n = x.next[i]!;
      }
      update[i] = x;
    }
    const level = this.randomLevel();
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.header;
        this.header.span[i] = this.length;
      }
      this.level = level;
    }
    const node = new SkipNode(member, score, level);
    for (let i = 0; i < level; i++) {
      const u = update[i]!;
      node.next[i] = u.next[i]!;
      u.next[i] = node;
      node.span[i] = u.span[i]! - (rank[0]! - rank[i]!);
      u.span[i] = rank[0]! - rank[i]! + 1;
    }
    for (let i = level; i < this.level; i++) update[i]!.span[i]!++;
    node.backward = update[0] === this.header ? null : update[0]!;
    if (node.next[0] !== null) node.next[0]!.backward = node;
    else this.tail = node;
    this.length++;
    return node;
  }

  private unlink(node: SkipNode, update: SkipNode[]): void {
    for (let i = 0; i < this.level; i++) {
      const u = update[i]!;
      if (u.next[i] === node) {
        u.span[i]! += node.span[i]! - 1;
        u.next[i] = node.next[i]!;
      } else {
        u.span[i]! -= 1;
      }
    }
    if (node.next[0] !== null) node.next[0]!.backward = node.backward;
    else this.tail = node.backward;
    while (this.level > 1 && this.header.next[this.level - 1] === null) this.level--;
    this.length--;
  }

  private findUpdate(score: number, member: string, update: SkipNode[]): SkipNode | null {
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && before(score, member, n)) {
        x = n;
        n = x.next[i]!;
      }
      update[i] = x;
    }
    const n = x.next[0]!;
    return n !== null && n.score === score && n.member === member ? n : null;
  }

  /** Removes (score, member); false when absent. */
  delete(score: number, member: string): boolean {
    const update = new Array<SkipNode>(MAX_LEVEL);
    const node = this.findUpdate(score, member, update);
    if (node === null) return false;
    this.unlink(node, update);
    return true;
  }

  /** Redis's zslUpdateScore: moves the node in place when its position does not change. */
  updateScore(score: number, member: string, newScore: number): SkipNode {
    const update = new Array<SkipNode>(MAX_LEVEL);
    const node = this.findUpdate(score, member, update);
    if (node === null) throw new Error('skiplist: updating an absent member');
    const prev = node.backward;
    const next = node.next[0]!;
    if ((prev === null || prev.score < newScore || (prev.score === newScore && prev.member < member)) &&
        (next === null || next.score > newScore || (next.score === newScore && next.member > member))) {
      node.score = newScore;
      return node;
    }
    this.unlink(node, update);
    return this.insert(newScore, member);
  }

  /** 1-based rank of (score, member), 0 when absent. */
  rank(score: number, member: string): number {
    let rank = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && (n.score < score || (n.score === score && n.member <= member))) {
        rank += x.span[i]!;
        x = n;
        n = x.next[i]!;
      }
      if (x !== this.header && x.member === member && x.score === score) return rank;
    }
    return 0;
  }

  /** The node at 1-based `rank`, or null. */
  byRank(rank: number): SkipNode | null {
    if (rank < 1 || rank > this.length) return null;
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && traversed + x.span[i]! <= rank) {
        traversed += x.span[i]!;
        x = n;
        n = x.next[i]!;
      }
      if (traversed === rank) return x;
    }
    return null;
  }

  first(): SkipNode | null {
    return this.header.next[0]!;
  }

  /** Redis's zslFirstInRange: the first node with a score in `r`, or null. */
  firstInScoreRange(r: ScoreRange): SkipNode | null {
    if (scoreRangeEmpty(r) || this.tail === null || !scoreGteMin(this.tail.score, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && !scoreGteMin(n.score, r)) {
        x = n;
        n = x.next[i]!;
      }
    }
    const n = x.next[0]!;
    return n !== null && scoreLteMax(n.score, r) ? n : null;
  }

  /** Redis's zslLastInRange. */
  lastInScoreRange(r: ScoreRange): SkipNode | null {
    const head = this.header.next[0]!;
    if (scoreRangeEmpty(r) || head === null || !scoreLteMax(head.score, r)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && scoreLteMax(n.score, r)) {
        x = n;
        n = x.next[i]!;
      }
    }
    return x !== this.header && scoreGteMin(x.score, r) ? x : null;
  }

  firstInLexRange(r: LexRange): SkipNode | null {
    if (lexRangeEmpty(r) || this.tail === null || !lexGteMin(this.tail.member, r.min)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && !lexGteMin(n.member, r.min)) {
        x = n;
        n = x.next[i]!;
      }
    }
    const n = x.next[0]!;
    return n !== null && lexLteMax(n.member, r.max) ? n : null;
  }

  lastInLexRange(r: LexRange): SkipNode | null {
    const head = this.header.next[0]!;
    if (lexRangeEmpty(r) || head === null || !lexLteMax(head.member, r.max)) return null;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && lexLteMax(n.member, r.max)) {
        x = n;
        n = x.next[i]!;
      }
    }
    return x !== this.header && lexGteMin(x.member, r.min) ? x : null;
  }

  /** Removes nodes of 1-based ranks start..end (inclusive); calls `removed` for each. */
  deleteRankRange(start: number, end: number, removed: (member: string) => void): number {
    const update = new Array<SkipNode>(MAX_LEVEL);
    let traversed = 0;
    let x = this.header;
    for (let i = this.level - 1; i >= 0; i--) {
      let n = x.next[i]!;
      while (n !== null && traversed + x.span[i]! < start) {
        traversed += x.span[i]!;
        x = n;
        n = x.next[i]!;
      }
      update[i] = x;
    }
    traversed++;
    let node = x.next[0]!;
    let count = 0;
    while (node !== null && traversed <= end) {
      const next = node.next[0]!;
      this.unlink(node, update);
      removed(node.member);
      count++;
      traversed++;
      node = next;
    }
    return count;
  }

  /** Removes every node matching `inRange` from `first` onwards while it matches; for score/lex range deletes. */
  deleteWhile(first: SkipNode | null, inRange: (n: SkipNode) => boolean, removed: (member: string) => void): number {
    if (first === null) return 0;
    const update = new Array<SkipNode>(MAX_LEVEL);
    this.findUpdate(first.score, first.member, update);
    let node: SkipNode | null = first;
    let count = 0;
    while (node !== null && inRange(node)) {
      const next: SkipNode | null = node.next[0]!;
      this.unlink(node, update);
      removed(node.member);
      count++;
      node = next;
    }
    return count;
  }
}
