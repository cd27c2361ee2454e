// The multi-part AOF manifest of Redis 7 (`<appendfilename>.manifest` in
// `appenddirname`): one BASE file (RDB or RESP), HISTORY files awaiting
// deletion, and the ordered INCR files, each line
// `file <name> seq <n> type <b|h|i>`. Parsing follows Redis's
// aofLoadManifestFromFile rules and errors; writing is atomic (temp file,
// fsync, rename, directory fsync) so a crash leaves the old or the new one.

import { readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitInlineArgs } from '../../protocol/inline-parser.js';
import { fsyncPath, writeFileDurably } from '../durable-file.js';

export type AofFileType = 'b' | 'h' | 'i';

export interface AofFileInfo {
  name: string;
  seq: number;
  type: AofFileType;
}

export class ManifestError extends Error {
  constructor(readonly line: number, readonly text: string | null, reason: string) {
    super(reason);
  }
}

/** Redis's MANIFEST_MAX_LINE */
const MAX_LINE = 1024;

export class AofManifest {
  base: AofFileInfo | null = null;
  history: AofFileInfo[] = [];
  incr: AofFileInfo[] = [];
  currBaseSeq = 0;
  currIncrSeq = 0;

  constructor(readonly fileName: string) {}

  clone(): AofManifest {
    const m = new AofManifest(this.fileName);
    m.base = this.base && { ...this.base };
    m.history = this.history.map((f) => ({ ...f }));
    m.incr = this.incr.map((f) => ({ ...f }));
    m.currBaseSeq = this.currBaseSeq;
    m.currIncrSeq = this.currIncrSeq;
    return m;
  }

  get isEmpty(): boolean {
    return this.base === null && this.incr.length === 0;
  }

  /** Base then incr files, the order in which they are loaded. */
  get loadOrder(): AofFileInfo[] {
    return this.base === null ? [...this.incr] : [this.base, ...this.incr];
  }

  /** getNewBaseFileNameAndMarkPreAsHistory */
  newBase(rdbPreamble: boolean): AofFileInfo {
    if (this.base !== null) this.history.unshift({ ...this.base, type: 'h' });
    const seq = ++this.currBaseSeq;
    this.base = { name: `${this.fileName}.${seq}.base.${rdbPreamble ? 'rdb' : 'aof'}`, seq, type: 'b' };
    return this.base;
  }

  /** getNewIncrAofName */
  newIncr(): AofFileInfo {
    const seq = ++this.currIncrSeq;
    const info: AofFileInfo = { name: `${this.fileName}.${seq}.incr.aof`, seq, type: 'i' };
    this.incr.push(info);
    return info;
  }

  /** The last INCR file, created if there is none (getLastIncrAofName). */
  lastIncr(): AofFileInfo {
    return this.incr.length === 0 ? this.newIncr() : this.incr[this.incr.length - 1]!;
  }

  /** markRewrittenIncrAofAsHistory: every INCR file but the one being written (`keepLast`) becomes history. */
  markIncrAsHistory(keepLast: boolean): void {
    const kept = keepLast && this.incr.length > 0 ? [this.incr[this.incr.length - 1]!] : [];
    const rewritten = this.incr.slice(0, this.incr.length - kept.length);
    for (let i = rewritten.length - 1; i >= 0; i--) this.history.unshift({ ...rewritten[i]!, type: 'h' });
    this.incr = kept;
  }

  /** getAofManifestAsString */
  format(): string {
    let out = '';
    for (const f of [...(this.base ? [this.base] : []), ...this.history, ...this.incr]) {
      out += `file ${quoteIfNeeded(f.name)} seq ${f.seq} type ${f.type}\n`;
    }
    return out;
  }

  static parse(text: string, fileName: string): AofManifest {
    const m = new AofManifest(fileName);
    const lines = text.split('\n');
    // A trailing newline leaves one empty string, which is not a line.
    if (lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) throw new ManifestError(0, null, 'Found an empty AOF manifest');
    let maxSeq = 0;
    lines.forEach((raw, i) => {
      const lineNo = i + 1;
      if (raw.startsWith('#')) return;
      if (raw.length > MAX_LINE) throw new ManifestError(lineNo, null, 'The AOF manifest file contains too long line');
      const line = raw.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
      if (line === '') throw new ManifestError(lineNo, line, 'Invalid AOF manifest file format');
      const argv = splitInlineArgs(line);
      // Fewer than 6 fields or an odd count is invalid; more pairs are allowed for forward compatibility.
      if (argv === null || argv.length < 6 || argv.length % 2 !== 0) {
        throw new ManifestError(lineNo, line, 'Invalid AOF manifest file format');
      }
      let name: string | null = null;
      let seq = 0;
      let type = '';
      for (let j = 0; j < argv.length; j += 2) {
        const k = argv[j]!.toLowerCase();
        const v = argv[j + 1]!;
        if (k === 'file') {
          name = v;
          if (basename(v) !== v) throw new ManifestError(lineNo, line, "File can't be a path, just a filename");
        } else if (k === 'seq') {
          seq = atoll(v);
        } else if (k === 'type') {
          type = v.charAt(0);
        }
      }
      if (name === null || name === '' || seq === 0 || type === '') {
        throw new ManifestError(lineNo, line, 'Invalid AOF manifest file format');
      }
      const info = { name, seq, type } as AofFileInfo;
      if (type === 'b') {
        if (m.base !== null) throw new ManifestError(lineNo, line, 'Found duplicate base file information');
        m.base = info;
        m.currBaseSeq = seq;
      } else if (type === 'h') {
        m.history.push(info);
      } else if (type === 'i') {
        if (seq <= maxSeq) throw new ManifestError(lineNo, line, 'Found a non-monotonic sequence number');
        m.incr.push(info);
        m.currIncrSeq = seq;
        maxSeq = seq;
      } else {
        throw new ManifestError(lineNo, line, 'Unknown AOF file type');
      }
    });
    return m;
  }

  static read(path: string, fileName: string): AofManifest {
    return AofManifest.parse(readFileSync(path, 'latin1'), fileName);
  }

  /** Writes `dir/<fileName>.manifest` atomically. */
  persist(dir: string): void {
    const final = join(dir, `${this.fileName}.manifest`);
    const tmp = join(dir, `temp-${this.fileName}.manifest`);
    writeFileDurably(tmp, Buffer.from(this.format(), 'latin1'));
    renameSync(tmp, final);
    fsyncPath(dir);
  }
}

/** C atoll: leading digits (with optional sign), 0 when there are none. */
function atoll(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number(m[1]);
}

/** Redis writes names that need it with sdscatrepr (quoted, escaped). */
function quoteIfNeeded(name: string): string {
  if (!/[\s"'\\]|[^\x21-\x7e]/.test(name)) return name;
  let out = '"';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ch = name[i]!;
    if (ch === '\\' || ch === '"') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + '"';
}
