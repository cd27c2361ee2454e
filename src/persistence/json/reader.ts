// The file's outer structure, read in atomic steps over a JsonLexer: either
// the seed's plain object of key → entry (database 0), or the wrapper
// {"respite-json": 1, "databases": {"0": {...}, "3": {...}}}. A step that runs
// out of bytes is rolled back and retried once more are fed, so each entry is
// handed over whole and exactly once.

import { JsonLexer, JsonSyntaxError, Tok } from './lexer.js';
import { expect, NEED_MORE, readValue, take, unexpected, type JVal } from './tree.js';

/** The member that marks the wrapper form; it must come first. */
export const WRAPPER_MARK = 'respite-json';
export const FORMAT_VERSION = 1;

/** Where an entry's key starts in the file. */
export interface EntryPos {
  offset: number;
  line: number;
  column: number;
}

export type EntrySink = (db: number, key: string, entry: JVal, pos: EntryPos) => void;

const S = {
  Root: 0, RootFirst: 1, Entry: 2, EntriesNext: 3, WrapNext: 4, WrapKey: 5,
  DbsFirst: 6, DbKey: 7, DbEntriesFirst: 8, DbsNext: 9, WrapEnd: 10, AfterRoot: 11, Done: 12,
} as const;
type S = (typeof S)[keyof typeof S];

export class FormatReader {
  private state: S = S.Root;
  private wrapped = false;
  private db = 0;

  constructor(private readonly lx: JsonLexer, private readonly onEntry: EntrySink, private readonly dbCount: number) {}

  get done(): boolean {
    return this.state === S.Done;
  }

  /** Reads as far as the buffered bytes go: true once the whole file has been read. */
  run(): boolean {
    const lx = this.lx;
    while (this.state !== S.Done) {
      const m = lx.mark();
      try {
        this.step();
      } catch (err) {
        if (err !== NEED_MORE) throw err;
        lx.reset(m);
        return false;
      }
    }
    return true;
  }

  /** Reads `"key": value` given the key token, and hands the entry over. */
  private entry(): void {
    const lx = this.lx;
    const key = lx.str;
    const pos = { offset: lx.tokStart, ...lx.where(lx.tokStart) };
    expect(lx, Tok.Colon, 'after a key');
    const value = readValue(lx, take(lx));
    this.onEntry(this.db, key, value, pos);
  }

  /** `"3": {` given its first token. */
  private dbHeader(t: Tok): void {
    const lx = this.lx;
    if (t !== Tok.Str) unexpected(lx, t, 'a database number (a string such as "0")');
    const name = lx.str;
    if (!/^(0|[1-9]\d{0,8})$/.test(name) || Number(name) >= this.dbCount) {
      lx.fail(`database ${JSON.stringify(name)} does not exist (databases are numbered 0 to ${this.dbCount - 1}; see the databases config)`);
    }
    this.db = Number(name);
    expect(lx, Tok.Colon, 'after a database number');
    expect(lx, Tok.LBrace, 'to open the keys of a database');
    this.state = S.DbEntriesFirst;
  }

  private step(): void {
    const lx = this.lx;
    let t: Tok;
    try {
      t = take(lx);
    } catch (err) {
      if (this.state === S.AfterRoot && err instanceof JsonSyntaxError) lx.fail('unexpected data after the top-level object');
      throw err;
    }
    switch (this.state) {
      case S.Root:
        if (t !== Tok.LBrace) unexpected(lx, t, "'{': the file must hold one JSON object");
        this.state = S.RootFirst;
        return;
      case S.RootFirst:
        if (t === Tok.RBrace) {
          this.state = S.AfterRoot;
          return;
        }
        if (t !== Tok.Str) unexpected(lx, t, "a key (a string) or '}'");
        if (lx.str === WRAPPER_MARK) {
          const pos = { offset: lx.tokStart, ...lx.where(lx.tokStart) };
          expect(lx, Tok.Colon, 'after a key');
          const v = take(lx);
          if (v === Tok.Num) {
            if (lx.num !== FORMAT_VERSION) lx.fail(`unsupported respite-json version ${String(lx.num)} (this respite reads version ${FORMAT_VERSION})`);
            this.wrapped = true;
            this.state = S.WrapNext;
            return;
          }
          // An ordinary key that happens to be named respite-json.
          this.onEntry(0, WRAPPER_MARK, readValue(lx, v), pos);
          this.state = S.EntriesNext;
          return;
        }
        this.entry();
        this.state = S.EntriesNext;
        return;
      case S.Entry:
        if (t !== Tok.Str) unexpected(lx, t, 'a key (a string)');
        this.entry();
        this.state = S.EntriesNext;
        return;
      case S.EntriesNext:
        if (t === Tok.Comma) this.state = S.Entry;
        else if (t === Tok.RBrace) this.state = this.wrapped ? S.DbsNext : S.AfterRoot;
        else unexpected(lx, t, "',' or '}' after a key's value");
        return;
      case S.WrapNext:
        if (t === Tok.Comma) this.state = S.WrapKey;
        else if (t === Tok.RBrace) this.state = S.AfterRoot;
        else unexpected(lx, t, `',' or '}' after "${WRAPPER_MARK}"`);
        return;
      case S.WrapKey:
        if (t !== Tok.Str) unexpected(lx, t, '"databases"');
        if (lx.str !== 'databases') lx.fail(`unknown member ${JSON.stringify(lx.str)} in a ${WRAPPER_MARK} file (expected "databases")`);
        expect(lx, Tok.Colon, 'after "databases"');
        expect(lx, Tok.LBrace, 'to open "databases"');
        this.state = S.DbsFirst;
        return;
      case S.DbsFirst:
        if (t === Tok.RBrace) {
          this.state = S.WrapEnd;
          return;
        }
        this.dbHeader(t);
        return;
      case S.DbKey:
        this.dbHeader(t);
        return;
      case S.DbEntriesFirst:
        if (t === Tok.RBrace) {
          this.state = S.DbsNext;
          return;
        }
        if (t !== Tok.Str) unexpected(lx, t, "a key (a string) or '}'");
        this.entry();
        this.state = S.EntriesNext;
        return;
      case S.DbsNext:
        if (t === Tok.Comma) this.state = S.DbKey;
        else if (t === Tok.RBrace) this.state = S.WrapEnd;
        else unexpected(lx, t, "',' or '}' after a database");
        return;
      case S.WrapEnd:
        if (t !== Tok.RBrace) unexpected(lx, t, `'}' to close the ${WRAPPER_MARK} object`);
        this.state = S.AfterRoot;
        return;
      case S.AfterRoot:
        if (t !== Tok.End) lx.fail('unexpected data after the top-level object');
        this.state = S.Done;
        return;
    }
  }
}
