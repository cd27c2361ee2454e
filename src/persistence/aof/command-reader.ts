// Reads the RESP commands of an AOF file one at a time, with the byte offset
// after each, by Redis's loadSingleAppendOnlyFile rules: `#` lines are
// annotations, each command is `*<argc>` then argc × `$<len>` + bytes + CRLF.
// A file that ends inside a command is "truncated" (a torn last write);
// anything else malformed is a format error at a known offset.

import { closeSync, openSync, readSync } from 'node:fs';

/** Redis's AOF_ANNOTATION_LINE_MAX_LEN: the longest header or annotation line. */
const LINE_MAX = 1024;
const CHUNK = 1 << 20;

export class AofFormatError extends Error {
  constructor(readonly offset: number, reason: string) {
    super(reason);
  }
}

/** The file ended inside a command: the caller decides (aof-load-truncated). */
export class AofTruncatedError extends Error {
  constructor(readonly offset: number) {
    super('unexpected end of file');
  }
}

export class AofCommandReader {
  private buf = Buffer.alloc(0);
  private pos = 0;
  /** File offset of buf[0]. */
  private bufOffset = 0;
  private eof = false;

  private constructor(private readonly fd: number, readonly size: number) {}

  static open(path: string, size: number, startOffset = 0): AofCommandReader {
    const r = new AofCommandReader(openSync(path, 'r'), size);
    r.bufOffset = startOffset;
    return r;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.bufOffset + this.pos;
  }

  /** Makes `n` bytes available at pos; false if the file ends first. */
  private ensure(n: number): boolean {
    if (this.buf.length - this.pos >= n) return true;
    const keep = this.buf.length - this.pos;
    const next = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.buf.copy(next, 0, this.pos);
    this.bufOffset += this.pos;
    this.pos = 0;
    let len = keep;
    while (len < n && !this.eof) {
      const got = readSync(this.fd, next, len, next.length - len, this.bufOffset + len);
      if (got === 0) this.eof = true;
      len += got;
    }
    this.buf = next.subarray(0, len);
    return len >= n;
  }

  /** A line without its "\n" (and "\r"), as fgets reads it; null at end of file. */
  private line(): string | null {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl !== -1 && nl - this.pos <= LINE_MAX) {
        let end = nl;
        if (end > this.pos && this.buf[end - 1] === 13) end--;
        const s = this.buf.latin1Slice(this.pos, end);
        this.pos = nl + 1;
        return s;
      }
      const avail = this.buf.length - this.pos;
      if (avail > LINE_MAX) throw new AofFormatError(this.offset, 'line too long');
      if (this.eof) {
        if (avail === 0) return null;
        // A last line without newline: fgets returns it, the next read hits the end.
        const s = this.buf.latin1Slice(this.pos, this.buf.length);
        this.pos = this.buf.length;
        return s;
      }
      this.ensure(avail + 1);
      if (this.buf.length - this.pos === avail) this.eof = true;
    }
  }

  /**
   * The next command, or null at a clean end of file. Throws AofTruncatedError
   * when the file ends inside a command and AofFormatError when a command is malformed.
   */
  next(): string[] | null {
    let header: string | null;
    let start: number;
    for (;;) {
      start = this.offset;
      header = this.line();
      if (header === null) return null;
      if (header.charCodeAt(0) !== 35 /* # */) break;
    }
    if (header.charCodeAt(0) !== 42 /* * */) throw new AofFormatError(start, `expected '*', got ${JSON.stringify(header.slice(0, 20))}`);
    if (header.length === 1) throw new AofTruncatedError(start);
    const argc = atoi(header, 1);
    if (argc < 1) throw new AofFormatError(start, `invalid argument count ${JSON.stringify(header)}`);
    const argv: string[] = [];
    for (let j = 0; j < argc; j++) {
      const at = this.offset;
      const h = this.line();
      if (h === null) throw new AofTruncatedError(start);
      if (h.charCodeAt(0) !== 36 /* $ */) throw new AofFormatError(at, `expected '$', got ${JSON.stringify(h.slice(0, 20))}`);
      const len = atoi(h, 1);
      if (len < 0) throw new AofFormatError(at, `invalid bulk length ${JSON.stringify(h)}`);
      // A length past the end of the file is a torn tail (and is never allocated).
      if (this.offset + len + 2 > this.size || !this.ensure(len + 2)) throw new AofTruncatedError(start);
      argv.push(this.buf.latin1Slice(this.pos, this.pos + len));
      // Redis discards the two bytes after the argument without checking them.
      this.pos += len + 2;
    }
    return argv;
  }
}

/** C atoi from `from`: optional sign and leading digits, 0 when there are none. */
function atoi(s: string, from: number): number {
  let i = from;
  let neg = false;
  if (s[i] === '-' || s[i] === '+') neg = s[i++] === '-';
  let n = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
    i++;
  }
  return neg ? -n : n;
}
