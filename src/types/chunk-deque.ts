// A deque of strings as a power-of-two ring of fixed-size chunks: pushes and
// pops at either end are O(1), index access is O(1), and growth never copies
// the elements (only the chunk directory doubles). Used by large lists.

const CHUNK_SHIFT = 8;
const CHUNK = 1 << CHUNK_SHIFT;
const CHUNK_MASK = CHUNK - 1;

export class ChunkDeque {
  /** dir[(dirHead + c) & (dir.length - 1)] is logical chunk c. */
  private dir: (string[] | undefined)[] = new Array(4).fill(undefined);
  private dirHead = 0;
  private nChunks = 0;
  /** Offset of the first element in the first chunk. */
  private first = 0;
  length = 0;

  get(i: number): string | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const p = this.first + i;
    return this.dir[(this.dirHead + (p >>> CHUNK_SHIFT)) & (this.dir.length - 1)]![p & CHUNK_MASK];
  }

  set(i: number, v: string): void {
    const p = this.first + i;
    this.dir[(this.dirHead + (p >>> CHUNK_SHIFT)) & (this.dir.length - 1)]![p & CHUNK_MASK] = v;
  }

  pushTail(v: string): void {
    const p = this.first + this.length;
    const c = p >>> CHUNK_SHIFT;
    if (c === this.nChunks) this.addChunk(false);
    this.dir[(this.dirHead + c) & (this.dir.length - 1)]![p & CHUNK_MASK] = v;
    this.length++;
  }

  pushHead(v: string): void {
    if (this.first === 0) {
      this.addChunk(true);
      this.first = CHUNK;
    }
    this.first--;
    this.dir[this.dirHead]![this.first] = v;
    this.length++;
  }

  popHead(): string | undefined {
    if (this.length === 0) return undefined;
    const chunk = this.dir[this.dirHead]!;
    const v = chunk[this.first]!;
    chunk[this.first] = '';
    this.first++;
    this.length--;
    if (this.first === CHUNK || this.length === 0) {
      this.dir[this.dirHead] = undefined;
      this.dirHead = (this.dirHead + 1) & (this.dir.length - 1);
      this.nChunks--;
      this.first = 0;
    }
    return v;
  }

  popTail(): string | undefined {
    if (this.length === 0) return undefined;
    const p = this.first + this.length - 1;
    const ci = (this.dirHead + (p >>> CHUNK_SHIFT)) & (this.dir.length - 1);
    const chunk = this.dir[ci]!;
    const v = chunk[p & CHUNK_MASK]!;
    chunk[p & CHUNK_MASK] = '';
    this.length--;
    if ((p & CHUNK_MASK) === 0 || this.length === 0) {
      this.dir[ci] = undefined;
      this.nChunks--;
      if (this.length === 0) this.first = 0;
    }
    return v;
  }

  /** Inserts `v` at index i, shifting the nearer end. */
  insertAt(i: number, v: string): void {
    const n = this.length;
    if (i >= n / 2) {
      this.pushTail(v);
      for (let j = n; j > i; j--) this.set(j, this.get(j - 1)!);
    } else {
      this.pushHead(v);
      for (let j = 0; j < i; j++) this.set(j, this.get(j + 1)!);
    }
    this.set(i, v);
  }

  /** Removes index i, shifting the nearer end. */
  removeAt(i: number): void {
    const n = this.length;
    if (i >= n / 2) {
      for (let j = i; j < n - 1; j++) this.set(j, this.get(j + 1)!);
      this.popTail();
    } else {
      for (let j = i; j > 0; j--) this.set(j, this.get(j - 1)!);
      this.popHead();
    }
  }

  private addChunk(front: boolean): void {
    if (this.nChunks === this.dir.length) {
      const size = this.dir.length * 2;
      const next = new Array<string[] | undefined>(size).fill(undefined);
      for (let c = 0; c < this.nChunks; c++) next[c] = this.dir[(this.dirHead + c) & (this.dir.length - 1)];
      this.dir = next;
      this.dirHead = 0;
    }
    const chunk = new Array<string>(CHUNK).fill('');
    const mask = this.dir.length - 1;
    if (front) {
      this.dirHead = (this.dirHead - 1) & mask;
      this.dir[this.dirHead] = chunk;
    } else {
      this.dir[(this.dirHead + this.nChunks) & mask] = chunk;
    }
    this.nChunks++;
  }
}
