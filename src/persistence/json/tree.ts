// One JSON value read from the lexer into a small tree: the import builds one
// key's entry at a time this way. Objects keep their members in order
// (duplicates included, later ones win when applied); arrays whose elements
// are all integers 0-255 (Binary bytes) are kept compactly as a Uint8Array.

import { bytesToUtf8 } from '../../embedded/typed-values.js';
import { JsonLexer, Tok, tokName } from './lexer.js';

export class JObj {
  readonly names: string[] = [];
  readonly values: JVal[] = [];
}

export type JVal = string | number | bigint | boolean | null | JObj | JVal[] | Uint8Array;

/** Thrown (as one shared object) when the buffered bytes end inside the value. */
export const NEED_MORE = { need: true } as const;

const MAX_DEPTH = 64;

/** Reads the next token; throws NEED_MORE when the buffer runs out. */
export function take(lx: JsonLexer): Tok {
  const t = lx.next();
  if (t === Tok.Need) throw NEED_MORE;
  return t;
}

export function expect(lx: JsonLexer, want: Tok, context: string): void {
  const t = take(lx);
  if (t !== want) unexpected(lx, t, `${tokName(want)} ${context}`);
}

export function unexpected(lx: JsonLexer, t: Tok, wanted: string): never {
  if (t === Tok.End) lx.fail(`unexpected end of file (the file is truncated?): expected ${wanted}`);
  lx.fail(`expected ${wanted}, got ${tokName(t)}`);
}

/** Reads a whole value whose first token `t` has just been read. */
export function readValue(lx: JsonLexer, t: Tok, depth = 0): JVal {
  switch (t) {
    case Tok.Str: return lx.str;
    case Tok.Num: return lx.num;
    case Tok.True: return true;
    case Tok.False: return false;
    case Tok.Null: return null;
    case Tok.LBrace: return readObject(lx, depth + 1);
    case Tok.LBracket: return readArray(lx, depth + 1);
    default: unexpected(lx, t, 'a value');
  }
}

function readObject(lx: JsonLexer, depth: number): JObj {
  if (depth > MAX_DEPTH) lx.fail(`values nested deeper than ${MAX_DEPTH} levels`);
  const obj = new JObj();
  let t = take(lx);
  if (t === Tok.RBrace) return obj;
  for (;;) {
    if (t !== Tok.Str) unexpected(lx, t, 'a member name (a string)');
    obj.names.push(lx.str);
    expect(lx, Tok.Colon, 'after a member name');
    obj.values.push(readValue(lx, take(lx), depth));
    t = take(lx);
    if (t === Tok.RBrace) return obj;
    if (t !== Tok.Comma) unexpected(lx, t, "',' or '}' after an object member");
    t = take(lx);
  }
}

/** Shared scratch for byte arrays: only numbers go in it, so no nested array can be using it meanwhile. */
let scratch = new Uint8Array(1024);

function isByte(t: Tok, v: number | bigint): v is number {
  return t === Tok.Num && typeof v === 'number' && (v & 0xff) === v && !Object.is(v, -0);
}

function readArray(lx: JsonLexer, depth: number): JVal[] | Uint8Array {
  if (depth > MAX_DEPTH) lx.fail(`values nested deeper than ${MAX_DEPTH} levels`);
  let t = take(lx);
  if (t === Tok.RBracket) return [];
  let items: JVal[] | null = null;
  let n = 0;
  for (;;) {
    if (items === null) {
      const v = lx.num;
      if (isByte(t, v)) {
        if (n === scratch.length) {
          const grown = new Uint8Array(n * 2);
          grown.set(scratch);
          scratch = grown;
        }
        scratch[n++] = v;
      } else {
        items = n === 0 ? [] : Array.from(scratch.subarray(0, n));
        items.push(readValue(lx, t, depth));
      }
    } else {
      items.push(readValue(lx, t, depth));
    }
    t = take(lx);
    if (t === Tok.RBracket) return items !== null ? items : scratch.slice(0, n);
    if (t !== Tok.Comma) unexpected(lx, t, "',' or ']' after an array element");
    t = take(lx);
  }
}

/** How a value is named in shape errors. */
export function describeValue(v: JVal): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JObj) return v.names.length === 0 ? 'an empty object' : `an object with ${v.names.map((n) => JSON.stringify(bytesToUtf8(n))).join(', ')}`;
  return 'an array';
}
