// The parts of Redis 7.0's function machinery that need no engine: library
// metadata parsing (functionExtractLibMetaData + sdssplitargs), library name
// rules, and FUNCTION DUMP/RESTORE payloads (RDB strings, LZF, CRC64 footer).

import { crc64 } from '../../util/crc64.js';

/** RDB_VERSION of Redis 7.0: payload footers carry it. */
export const RDB_VERSION = 10;
/** RDB_OPCODE_FUNCTION2 and the pre-release RDB_OPCODE_FUNCTION. */
const OPCODE_FUNCTION2 = 245;
const OPCODE_FUNCTION = 246;

/** A failure with Redis's reason text (the caller prefixes ERR). */
export class FunctionError extends Error {}

const hexValue = (c: string) => Number.parseInt(c, 16);
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /^[ \n\r\t\v\f]$/.test(c);

/** Redis's sdssplitargs: words, "double quoted" with escapes, 'single quoted'; null when unbalanced. */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let p = 0;
  for (;;) {
    while (isSpace(line[p])) p++;
    if (p >= line.length) return out;
    let cur = '';
    let inq = false;
    let insq = false;
    for (;;) {
      const c = line[p];
      if (inq) {
        if (c === undefined) return null;
        if (c === '\\' && line[p + 1] === 'x' && isHex(line[p + 2]) && isHex(line[p + 3])) {
          cur += String.fromCharCode(hexValue(line[p + 2]!) * 16 + hexValue(line[p + 3]!));
          p += 3;
        } else if (c === '\\' && line[p + 1] !== undefined) {
          p++;
          const e = line[p]!;
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          // The closing quote must be followed by a space or the end.
          if (line[p + 1] !== undefined && !isSpace(line[p + 1])) return null;
          p++;
          break;
        } else {
          cur += c;
        }
      } else if (insq) {
        if (c === undefined) return null;
        if (c === '\\' && line[p + 1] === "'") {
          p++;
          cur += "'";
        } else if (c === "'") {
          if (line[p + 1] !== undefined && !isSpace(line[p + 1])) return null;
          p++;
          break;
        } else {
          cur += c;
        }
      } else if (c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\0') {
        break;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        cur += c;
      }
      p++;
    }
    out.push(cur);
  }
}

export interface LibraryMetadata {
  engine: string;
  name: string;
  code: string;
}

/** Redis's functionExtractLibMetaData: "#!<engine> name=<name>" on the first line. */
export function extractLibraryMetadata(payload: string): LibraryMetadata {
  if (!payload.startsWith('#!')) throw new FunctionError('Missing library metadata');
  const eol = payload.indexOf('\n');
  if (eol === -1) throw new FunctionError('Invalid library metadata');
  const parts = splitArgs(payload.slice(0, eol));
  if (parts === null || parts.length === 0) throw new FunctionError('Invalid library metadata');
  const engine = parts[0]!.slice(2);
  let name: string | null = null;
  for (const part of parts.slice(1)) {
    if (part.slice(0, 5).toLowerCase() === 'name=') {
      if (name !== null) throw new FunctionError('Invalid metadata value, name argument was given multiple times');
      name = part.slice(5);
      continue;
    }
    throw new FunctionError(`Invalid metadata value given: ${part}`);
  }
  if (name === null) throw new FunctionError('Library name was not given');
  return { engine, name, code: payload.slice(eol + 1) };
}

/** Redis's functionsVerifyName: letters, digits and underscores, at least one. */
export function validLibraryName(name: string): boolean {
  return /^[A-Za-z0-9_]+$/.test(name);
}

/** The payload FUNCTION DUMP returns for the given RDB body: body, version (LE), CRC64 (LE). */
export function dumpPayload(body: Uint8Array): Buffer {
  const out = Buffer.alloc(body.length + 10);
  out.set(body, 0);
  out.writeUInt16LE(RDB_VERSION, body.length);
  out.writeBigUInt64LE(crc64(out, 0, body.length + 2), body.length + 2);
  return out;
}

/** Redis's verifyDumpPayload: version not newer than ours, CRC64 matching. */
export function verifyDumpPayload(p: Buffer): boolean {
  if (p.length < 10) return false;
  const version = p.readUInt16LE(p.length - 10);
  if (version > RDB_VERSION) return false;
  return crc64(p, 0, p.length - 8) === p.readBigUInt64LE(p.length - 8);
}

/** liblzf's lzf_decompress; null on corrupt input. */
function lzfDecompress(src: Buffer, outLen: number): Buffer | null {
  const out = Buffer.alloc(outLen);
  let ip = 0;
  let op = 0;
  while (ip < src.length) {
    let ctrl = src[ip++]!;
    if (ctrl < 32) {
      ctrl++;
      if (op + ctrl > outLen || ip + ctrl > src.length) return null;
      src.copy(out, op, ip, ip + ctrl);
      op += ctrl;
      ip += ctrl;
    } else {
      let len = ctrl >> 5;
      let ref = op - ((ctrl & 0x1f) << 8) - 1;
      if (len === 7) {
        if (ip >= src.length) return null;
        len += src[ip++]!;
      }
      if (ip >= src.length) return null;
      ref -= src[ip++]!;
      len += 2;
      if (op + len > outLen || ref < 0) return null;
      for (let i = 0; i < len; i++) out[op++] = out[ref++]!;
    }
  }
  return op === outLen ? out : null;
}

/** Reads RDB values from a payload body. */
class RdbReader {
  pos = 0;
  constructor(private readonly buf: Buffer, private readonly end: number) {}

  byte(): number {
    if (this.pos >= this.end) throw new FunctionError('can not read data type');
    return this.buf[this.pos++]!;
  }

  /** rdbLoadLen: [length, isEncoded]. */
  private len(): [number, boolean] {
    const first = this.byte();
    const type = first >> 6;
    if (type === 3) return [first & 0x3f, true];
    if (type === 0) return [first & 0x3f, false];
    if (type === 1) return [((first & 0x3f) << 8) | this.byte(), false];
    if (first === 0x80) return [this.take(4).readUInt32BE(0), false];
    if (first === 0x81) return [Number(this.take(8).readBigUInt64BE(0)), false];
    throw new FunctionError('Failed loading library payload');
  }

  private take(n: number): Buffer {
    if (this.pos + n > this.end) throw new FunctionError('Failed loading library payload');
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  /** rdbGenericLoadStringObject: plain, integer-encoded or LZF-compressed. */
  string(): string {
    const [len, encoded] = this.len();
    if (!encoded) return this.take(len).toString('latin1');
    if (len === 0) return String(this.take(1).readInt8(0));
    if (len === 1) return String(this.take(2).readInt16LE(0));
    if (len === 2) return String(this.take(4).readInt32LE(0));
    if (len === 3) {
      const [clen] = this.len();
      const [ulen] = this.len();
      const out = lzfDecompress(this.take(clen), ulen);
      if (out === null) throw new FunctionError('Failed loading library payload');
      return out.toString('latin1');
    }
    throw new FunctionError('Failed loading library payload');
  }
}

/**
 * The library codes in a verified FUNCTION DUMP payload, in order, as
 * functionRestoreCommand reads them (errors carry Redis's texts).
 */
export function payloadLibraries(p: Buffer): string[] {
  const reader = new RdbReader(p, p.length - 10);
  const codes: string[] = [];
  while (p.length - reader.pos > 10) {
    const type = reader.byte();
    if (type !== OPCODE_FUNCTION2 && type !== OPCODE_FUNCTION) throw new FunctionError('given type is not a function');
    // The pre-release FUNCTION opcode stored name/engine/description first; 7.0 GA refuses it too.
    if (type === OPCODE_FUNCTION) throw new FunctionError('Pre-GA function format not supported');
    codes.push(reader.string());
  }
  return codes;
}
