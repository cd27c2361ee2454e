// A resumable JSON tokenizer over chunks of UTF-8 bytes. next() returns one
// token or NEED when the buffered bytes end inside it; the caller can mark()
// a position, and reset() to it to re-read once more bytes are fed. Strings
// come out as latin1 byte strings of their UTF-8 encoding (respite's byte
// representation), numbers as number, or bigint for integer digits past 2^53.

import { isUtf8 } from 'node:buffer';

export const Tok = {
  Need: 0, LBrace: 1, RBrace: 2, LBracket: 3, RBracket: 4, Colon: 5, Comma: 6,
  Str: 7, Num: 8, True: 9, False: 10, Null: 11, End: 12,
} as const;
export type Tok = (typeof Tok)[keyof typeof Tok];

const NAMES = ['more input', "'{'", "'}'", "'['", "']'", "':'", "','", 'a string', 'a number', 'true', 'false', 'null', 'the end of the file'];

/** How a token is named in error messages. */
export function tokName(t: Tok): string {
  return NAMES[t]!;
}

/** A syntax error at an absolute byte offset, with its line and byte column (1-based). */
export class JsonSyntaxError extends Error {
  constructor(readonly reason: string, readonly offset: number, readonly line: number, readonly column: number) {
    super(reason);
  }
}

export interface LexMark {
  pos: number;
  line: number;
  lineStart: number;
}

const NUMBER_SYNTAX = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MIN_CAPACITY = 1 << 16;

export class JsonLexer {
  private buf: Buffer = Buffer.alloc(0);
  /** Whether `buf` is our own growable buffer (else a caller's chunk, never written). */
  private owned = false;
  private pos = 0;
  private end = 0;
  /** Absolute file offset of buf[0]. */
  private base = 0;
  private line = 1;
  /** Absolute offset of the current line's first byte. */
  private lineStart = 0;
  private final = false;

  /** The last token's absolute offset and value. */
  tokStart = 0;
  str = '';
  num: number | bigint = 0;

  /** Appends bytes; the bytes before the current position are dropped. */
  feed(chunk: Buffer): void {
    const rem = this.end - this.pos;
    if (rem === 0) {
      this.base += this.end;
      this.buf = chunk;
      this.owned = false;
      this.pos = 0;
      this.end = chunk.length;
      return;
    }
    const need = rem + chunk.length;
    if (!this.owned || need > this.buf.length) {
      // Geometric growth keeps a long token's total copying linear in its size.
      const next = Buffer.allocUnsafe(Math.max(MIN_CAPACITY, need, this.owned ? this.buf.length * 2 : 0));
      this.buf.copy(next, 0, this.pos, this.end);
      this.buf = next;
      this.owned = true;
    } else if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.end);
    }
    this.base += this.pos;
    this.pos = 0;
    this.end = rem;
    chunk.copy(this.buf, this.end);
    this.end += chunk.length;
  }

  /** No more input: a token cut by the end of the buffer is now an error, not NEED. */
  finish(): void {
    this.final = true;
  }

  /** Unread bytes in the buffer. */
  get available(): number {
    return this.end - this.pos;
  }

  /** Absolute offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  mark(): LexMark {
    return { pos: this.base + this.pos, line: this.line, lineStart: this.lineStart };
  }

  reset(m: LexMark): void {
    this.pos = m.pos - this.base;
    this.line = m.line;
    this.lineStart = m.lineStart;
  }

  /** Line and byte column (1-based) of an absolute offset on the current line or an earlier marked one. */
  where(offset: number): { line: number; column: number } {
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  fail(reason: string, offset = this.tokStart): never {
    throw new JsonSyntaxError(reason, offset, this.line, offset - this.lineStart + 1);
  }

  next(): Tok {
    const buf = this.buf;
    let p = this.pos;
    const end = this.end;
    // Whitespace; strings cannot hold raw newlines, so lines are only counted here.
    while (p < end) {
      const c = buf[p]!;
      if (c === 0x20 || c === 0x09 || c === 0x0d) p++;
      else if (c === 0x0a) {
        p++;
        this.line++;
        this.lineStart = this.base + p;
      } else break;
    }
    this.pos = p;
    this.tokStart = this.base + p;
    if (p === end) return this.final ? Tok.End : Tok.Need;
    const c = buf[p]!;
    switch (c) {
      case 0x7b: this.pos = p + 1; return Tok.LBrace;
      case 0x7d: this.pos = p + 1; return Tok.RBrace;
      case 0x5b: this.pos = p + 1; return Tok.LBracket;
      case 0x5d: this.pos = p + 1; return Tok.RBracket;
      case 0x3a: this.pos = p + 1; return Tok.Colon;
      case 0x2c: this.pos = p + 1; return Tok.Comma;
      case 0x22: return this.string(p);
      case 0x74: return this.literal(p, 'true', Tok.True);
      case 0x66: return this.literal(p, 'false', Tok.False);
      case 0x6e: return this.literal(p, 'null', Tok.Null);
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(p);
        this.fail(c >= 0x21 && c < 0x7f ? `unexpected character '${String.fromCharCode(c)}'` : `unexpected byte 0x${c.toString(16).padStart(2, '0')}`);
    }
  }

  private literal(p: number, word: string, tok: Tok): Tok {
    const n = word.length;
    if (this.end - p < n) {
      if (!this.final && this.buf.toString('latin1', p, this.end) === word.slice(0, this.end - p)) return Tok.Need;
    } else if (this.buf.toString('latin1', p, p + n) === word) {
      this.pos = p + n;
      return tok;
    }
    this.fail(`unexpected character '${String.fromCharCode(this.buf[p]!)}'`);
  }

  private number(p: number): Tok {
    const buf = this.buf;
    const start = p;
    let q = p;
    let simple = true;
    if (buf[q] === 0x2d) q++;
    let v = 0;
    for (; q < this.end; q++) {
      const c = buf[q]!;
      if (c >= 0x30 && c <= 0x39) v = v * 10 + (c - 0x30);
      else if (c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d) simple = false;
      else break;
    }
    if (q === this.end && !this.final) return Tok.Need;
    const digits = q - start - (buf[start] === 0x2d ? 1 : 0);
    const leadingZero = buf[start + (buf[start] === 0x2d ? 1 : 0)] === 0x30 && digits > 1;
    if (simple && digits > 0 && digits <= 15 && !leadingZero) {
      // Short plain integers (e.g. Binary bytes) skip the string round trip.
      this.num = buf[start] === 0x2d ? -v : v;
    } else {
      const text = buf.toString('latin1', start, q);
      if (!NUMBER_SYNTAX.test(text)) this.fail(`malformed number '${text}'`);
      const x = Number(text);
      this.num = simple && !Number.isSafeInteger(x) ? BigInt(text) : x;
    }
    this.pos = q;
    return Tok.Num;
  }

  private string(p: number): Tok {
    const buf = this.buf;
    const end = this.end;
    let q = p + 1;
    let escaped = false;
    let high = false;
    for (;;) {
      if (q >= end) {
        if (this.final) this.fail('unexpected end of file inside a string');
        return Tok.Need;
      }
      const c = buf[q]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        q += 2;
      } else {
        if (c < 0x20) this.fail(`control character 0x${c.toString(16).padStart(2, '0')} inside a string (write it as an escape)`, this.base + q);
        if (c >= 0x80) high = true;
        q++;
      }
    }
    // Escapes are ASCII and never split a multi-byte sequence, so the raw span's validity is the string's.
    if (high && !isUtf8(buf.subarray(p + 1, q))) this.fail('invalid UTF-8 inside a string (JSON files are UTF-8; store bytes as {"Binary": [...]})');
    this.str = escaped ? this.unescape(p + 1, q) : buf.toString('latin1', p + 1, q);
    this.pos = q + 1;
    return Tok.Str;
  }

  /** Decodes escapes between `from` and `to` into a latin1 string of UTF-8 bytes. */
  private unescape(from: number, to: number): string {
    const buf = this.buf;
    const parts: string[] = [];
    let run = from;
    for (let q = from; q < to;) {
      if (buf[q] !== 0x5c) {
        q++;
        continue;
      }
      if (q > run) parts.push(buf.toString('latin1', run, q));
      const e = buf[q + 1]!;
      const at = this.base + q;
      switch (e) {
        case 0x22: parts.push('"'); q += 2; break;
        case 0x5c: parts.push('\\'); q += 2; break;
        case 0x2f: parts.push('/'); q += 2; break;
        case 0x62: parts.push('\b'); q += 2; break;
        case 0x66: parts.push('\f'); q += 2; break;
        case 0x6e: parts.push('\n'); q += 2; break;
        case 0x72: parts.push('\r'); q += 2; break;
        case 0x74: parts.push('\t'); q += 2; break;
        case 0x75: {
          let cp = this.hex4(q + 2, to, at);
          q += 6;
          if (cp >= 0xd800 && cp <= 0xdbff) {
            const lo = buf[q] === 0x5c && buf[q + 1] === 0x75 ? this.hex4(q + 2, to, this.base + q) : -1;
            if (lo < 0xdc00 || lo > 0xdfff) this.fail(`unpaired surrogate \\u${cp.toString(16)} (store bytes that are not UTF-8 as {"Binary": [...]})`, at);
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            q += 6;
          } else if (cp >= 0xdc00 && cp <= 0xdfff) {
            this.fail(`unpaired surrogate \\u${cp.toString(16)} (store bytes that are not UTF-8 as {"Binary": [...]})`, at);
          }
          parts.push(utf8Chars(cp));
          break;
        }
        default:
          this.fail(`invalid escape '\\${e >= 0x20 && e < 0x7f ? String.fromCharCode(e) : `x${e.toString(16)}`}' inside a string`, at);
      }
      run = q;
    }
    if (run < to) parts.push(buf.toString('latin1', run, to));
    return parts.join('');
  }

  private hex4(p: number, to: number, at: number): number {
    if (p + 4 > to) this.fail('truncated \\u escape inside a string', at);
    const text = this.buf.toString('latin1', p, p + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(text)) this.fail(`invalid \\u escape '\\u${text}' inside a string`, at);
    return parseInt(text, 16);
  }
}

/** A code point's UTF-8 encoding as latin1 chars. */
function utf8Chars(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
