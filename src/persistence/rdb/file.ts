// Whole RDB files as Redis 7.0 writes and reads them (rdbSaveRio/rdbLoadRio):
// "REDIS0010", AUX fields, per database SELECTDB + RESIZEDB and the keys
// (with EXPIRETIME_MS / IDLE), EOF, then a CRC64 of everything before it.

import { crc64Update } from '../../util/crc64.js';
import type { Keyspace } from '../../keyspace/keyspace.js';
import { loadObject, saveObject } from './codecs.js';
import type { RedisValue } from '../../types/value.js';
import { isObjectType, RDB_VERSION, RdbFormatError, RdbType } from './constants.js';
import { RdbReader } from './reader.js';
import { RdbWriter } from './writer.js';

/** Opcodes (rdb.h, Redis 7.0). */
export const RdbOpcode = {
  FUNCTION2: 245,
  FUNCTION_PRE_GA: 246,
  MODULE_AUX: 247,
  IDLE: 248,
  FREQ: 249,
  AUX: 250,
  RESIZEDB: 251,
  EXPIRETIME_MS: 252,
  EXPIRETIME: 253,
  SELECTDB: 254,
  EOF: 255,
} as const;

export interface RdbSaveOptions {
  /** rdbcompression */
  compress: boolean;
  /** rdbchecksum: without it the trailer is 8 zero bytes. */
  checksum: boolean;
  /** ctime AUX field, ms. */
  nowMs: number;
  /** used-mem AUX field. */
  usedMem: number;
  /** redis-ver AUX field. */
  redisVersion: string;
  /** Write IDLE opcodes (maxmemory-policy is an LRU one), as Redis. */
  saveIdle: boolean;
  /** aof-base AUX field: the file is an AOF BASE (RDB preamble). */
  aofBase?: boolean;
}

/** The magic and the AUX fields that open every file. */
export function writeRdbPreamble(w: RdbWriter, o: RdbSaveOptions): void {
  w.writeLatin1(`REDIS${String(RDB_VERSION).padStart(4, '0')}`);
  const aux = (k: string, v: string): void => {
    w.writeByte(RdbOpcode.AUX);
    w.writeString(k);
    w.writeString(v);
  };
  aux('redis-ver', o.redisVersion);
  aux('redis-bits', '64');
  aux('ctime', String(Math.floor(o.nowMs / 1000)));
  aux('used-mem', String(o.usedMem));
  aux('aof-base', o.aofBase === true ? '1' : '0');
}

/** SELECTDB + RESIZEDB (the sizes are a hint for the loader). */
export function writeDbHeader(w: RdbWriter, id: number, keys: number, expires: number): void {
  w.writeByte(RdbOpcode.SELECTDB);
  w.writeLen(id);
  w.writeByte(RdbOpcode.RESIZEDB);
  w.writeLen(keys);
  w.writeLen(expires);
}

const scratch: [RdbWriter | null, RdbWriter | null] = [null, null];

/**
 * One key record: [EXPIRETIME_MS at] [IDLE idle] type key body.
 * `expireAt` -1 and `idle` -1 leave those out.
 */
export function writeKeyRecord(w: RdbWriter, key: string, value: RedisValue, expireAt: number, idle: number): void {
  if (expireAt !== -1) {
    w.writeByte(RdbOpcode.EXPIRETIME_MS);
    w.writeInt64LE(expireAt);
  }
  if (idle !== -1) {
    w.writeByte(RdbOpcode.IDLE);
    w.writeLen(idle);
  }
  if (typeof value === 'string') {
    w.writeByte(RdbType.STRING);
    w.writeString(key);
    w.writeString(value);
    return;
  }
  // saveObject writes the type byte, then the key goes between it and the body.
  const i = w.compress ? 1 : 0;
  const body = scratch[i] ?? (scratch[i] = new RdbWriter(256, w.compress));
  body.reset();
  saveObject(body, value);
  const bytes = body.bytes();
  w.writeByte(bytes[0]!);
  w.writeString(key);
  w.writeBytes(bytes.subarray(1));
}

/** Serializes every database into one RDB file image (SAVE, DEBUG RELOAD; BGSAVE streams, see rdb-snapshot.ts). */
export function serializeRdb(keyspace: Keyspace, o: RdbSaveOptions): Buffer {
  const w = new RdbWriter(1 << 16, o.compress);
  writeRdbPreamble(w, o);
  const lruClock = keyspace.lruClock;
  for (const db of keyspace.dbs) {
    if (db.dict.size === 0) continue;
    writeDbHeader(w, db.id, db.dict.size, db.expires.size);
    const dict = db.dict;
    const expires = db.expires;
    dict.forEach((e) => {
      const key = dict.keyAt(e);
      const value = dict.valueAt(e);
      if (value === undefined) return;
      const at = expires.size !== 0 ? expires.get(key) ?? -1 : -1;
      writeKeyRecord(w, key, value, at, o.saveIdle ? Math.max(0, lruClock - dict.lruAt(e)) : -1);
    });
  }
  w.writeByte(RdbOpcode.EOF);
  const crcAt = w.length;
  w.writeBytes(new Uint8Array(8));
  const out = Buffer.from(w.bytes());
  if (o.checksum) {
    const s = crc64Update({ hi: 0, lo: 0 }, out, 0, crcAt);
    out.writeUInt32LE(s.lo, crcAt);
    out.writeUInt32LE(s.hi, crcAt + 4);
  }
  return out;
}

/** A file that cannot be loaded; the message names the file and the offset. */
export class RdbLoadError extends Error {}

export interface RdbLoadOptions {
  /** The file name, for messages. */
  file: string;
  /** Keys whose expiry has passed are skipped (Redis on a master). */
  nowMs: number;
  /** rdbchecksum: verify the trailer (a zero trailer means "saved without checksum"). */
  verifyChecksum: boolean;
  /** DEBUG RELOAD MERGE: a key already present is replaced (else a duplicate is corrupt data). */
  allowDuplicates?: boolean;
  /** Notice-level log lines (RDB version, age...). */
  log?: (line: string) => void;
}

export interface RdbLoadResult {
  keysLoaded: number;
  keysExpired: number;
  /** The AUX fields met, name → value. */
  aux: Map<string, string>;
  /** Offset just past the RDB (an old-style AOF continues with commands there). */
  endOffset: number;
}

const MODULE_CHARSET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** moduleTypeNameByID: the 9-character module type name packed in a module id. */
function moduleNameOf(id: bigint): string {
  let name = '';
  for (let j = 0; j < 9; j++) name += MODULE_CHARSET[Number((id >> BigInt(64 - 6 * (j + 1))) & 63n)];
  return name;
}

/**
 * Loads an RDB file image into `keyspace` (which the caller has emptied).
 * Throws RdbLoadError naming the file and offset on any corruption or on
 * content respite cannot hold (modules, functions).
 */
export function loadRdb(buf: Buffer, keyspace: Keyspace, o: RdbLoadOptions): RdbLoadResult {
  const steps = loadRdbSteps(buf, keyspace, o);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Where a stepwise load has got to. */
export interface RdbLoadStep {
  /** Bytes of the file read. */
  offset: number;
  /** Keys read (loaded or skipped as expired). */
  keys: number;
}

/**
 * loadRdb as steps: yields its progress every 1024 keys, so a caller can
 * let the event loop run between steps (start-up loading).
 */
export function* loadRdbSteps(buf: Buffer, keyspace: Keyspace, o: RdbLoadOptions): Generator<RdbLoadStep, RdbLoadResult> {
  const r = new RdbReader(buf);
  const fail = (msg: string, at = r.pos): never => {
    throw new RdbLoadError(`${msg} (file '${o.file}', offset ${at})`);
  };
  try {
    return yield* loadBody(buf, r, keyspace, o, fail);
  } catch (err) {
    if (err instanceof RdbFormatError) fail(`Short read or corrupt RDB data: ${err.message}`);
    throw err;
  }
}

function* loadBody(
  buf: Buffer, r: RdbReader, keyspace: Keyspace, o: RdbLoadOptions, fail: (msg: string, at?: number) => never,
): Generator<RdbLoadStep, RdbLoadResult> {
  if (buf.length < 9 || buf.toString('latin1', 0, 5) !== 'REDIS') fail('Wrong signature trying to load DB from file', 0);
  const verText = buf.toString('latin1', 5, 9);
  const rdbver = /^\d{4}$/.test(verText) ? Number(verText) : -1;
  if (rdbver < 1 || rdbver > RDB_VERSION) fail(`Can't handle RDB format version ${verText}`, 5);
  r.pos = 9;
  const result: RdbLoadResult = { keysLoaded: 0, keysExpired: 0, aux: new Map(), endOffset: 0 };
  let db = keyspace.dbs[0]!;
  let expireAt = -1;
  let idle = -1;
  for (;;) {
    const opAt = r.pos;
    const type = r.readByte();
    if (type === RdbOpcode.EXPIRETIME) {
      if (r.remaining < 4) fail('Short read loading expire time');
      expireAt = buf.readInt32LE(r.pos) * 1000;
      r.pos += 4;
      continue;
    }
    if (type === RdbOpcode.EXPIRETIME_MS) {
      if (r.remaining < 8) fail('Short read loading expire time');
      expireAt = Number(buf.readBigInt64LE(r.pos));
      r.pos += 8;
      continue;
    }
    if (type === RdbOpcode.FREQ) {
      r.readByte(); // LFU counter: respite keeps no access frequencies.
      continue;
    }
    if (type === RdbOpcode.IDLE) {
      idle = r.readLen();
      continue;
    }
    if (type === RdbOpcode.EOF) break;
    if (type === RdbOpcode.SELECTDB) {
      const id = r.readLen();
      if (id >= keyspace.dbs.length) {
        fail(`Data file was created with a Redis server configured to handle more than ${keyspace.dbs.length} databases`, opAt);
      }
      db = keyspace.dbs[id]!;
      continue;
    }
    if (type === RdbOpcode.RESIZEDB) {
      r.readLen();
      r.readLen();
      continue;
    }
    if (type === RdbOpcode.AUX) {
      const k = r.readString();
      const v = r.readString();
      result.aux.set(k, v);
      if (k === 'redis-ver') o.log?.(`Loading RDB produced by version ${v}`);
      else if (k === 'ctime') o.log?.(`RDB age ${Math.max(0, Math.floor(o.nowMs / 1000) - Number(v))} seconds`);
      else if (k === 'used-mem') o.log?.(`RDB memory usage when created ${(Number(v) / (1024 * 1024)).toFixed(2)} Mb`);
      continue;
    }
    if (type === RdbOpcode.MODULE_AUX) {
      if (r.remaining < 8) fail('Short read loading module id');
      const id = buf.readBigUInt64BE(r.pos);
      fail(`The RDB file contains AUX module data I can't load: no matching module '${moduleNameOf(id)}'`, opAt);
    }
    if (type === RdbOpcode.FUNCTION2 || type === RdbOpcode.FUNCTION_PRE_GA) {
      fail('The RDB file contains function libraries (FUNCTION LOAD), which respite cannot load: scripting is not supported', opAt);
    }
    if (!isObjectType(type)) fail(`Unknown RDB opcode or object type ${type}`, opAt);
    if (type === 6 || type === 7) fail('The RDB file contains module data types, which respite cannot load', opAt);
    const key = r.readString();
    const value = loadObject(type, r);
    // As Redis on a master: keys already expired are not loaded.
    if (expireAt !== -1 && expireAt < o.nowMs) {
      result.keysExpired++;
    } else {
      if (db.dict.has(key)) {
        if (!o.allowDuplicates) fail(`RDB has duplicated key '${key}' in DB ${db.id}`, opAt);
        db.delete(key);
      }
      const e = db.dict.insertNew(key, value);
      db.dict.setLruAt(e, idle >= 0 ? Math.max(0, keyspace.lruClock - idle) : keyspace.lruClock);
      if (expireAt !== -1) db.setExpire(key, expireAt);
      result.keysLoaded++;
    }
    expireAt = -1;
    idle = -1;
    const read = result.keysLoaded + result.keysExpired;
    if ((read & 1023) === 0) yield { offset: r.pos, keys: read };
  }
  if (rdbver >= 5) {
    const at = r.pos;
    if (r.remaining < 8) fail('Short read loading the RDB checksum', at);
    const lo = buf.readUInt32LE(at);
    const hi = buf.readUInt32LE(at + 4);
    r.pos += 8;
    if (o.verifyChecksum) {
      if (lo === 0 && hi === 0) {
        o.log?.('RDB file was saved with checksum disabled: no check performed.');
      } else {
        const s = crc64Update({ hi: 0, lo: 0 }, buf, 0, at);
        if (s.lo !== lo || s.hi !== hi) {
          const hex = (h: number, l: number): string => ((BigInt(h) << 32n) | BigInt(l)).toString(16);
          fail(`Wrong RDB checksum expected: (${hex(hi, lo)}) got (${hex(s.hi, s.lo)})`, at);
        }
      }
    }
  }
  result.endOffset = r.pos;
  return result;
}
