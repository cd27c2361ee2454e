// DUMP / RESTORE payloads (Redis's createDumpPayload / verifyDumpPayload):
// RDB type byte + serialized value + 2-byte RDB version + 8-byte CRC64, both
// little endian, the CRC covering everything before it.

import { isStringValue, stringBytesLength, type RedisValue } from '../../types/value.js';
import { crc64Update, writeCrc64LE } from '../../util/crc64.js';
import { isObjectType, RDB_VERSION, RdbFormatError } from './constants.js';
import { loadObject, saveObject } from './codecs.js';
import { RdbReader } from './reader.js';
import { RdbWriter } from './writer.js';

/** The serialized form of `value`, as DUMP replies it. */
export function createDumpPayload(value: RedisValue, compress = true): Buffer {
  const size = isStringValue(value) ? stringBytesLength(value) + 24 : 256;
  const w = new RdbWriter(size, compress);
  saveObject(w, value);
  w.writeByte(RDB_VERSION & 0xff);
  w.writeByte((RDB_VERSION >> 8) & 0xff);
  const body = w.bytes();
  const crcAt = body.length;
  w.writeBytes(new Uint8Array(8));
  const out = w.bytes();
  writeCrc64LE(out, 0, crcAt, out, crcAt);
  return Buffer.from(out);
}

/** Whether the footer's RDB version is one we read and the checksum matches. */
export function verifyDumpPayload(p: Buffer): boolean {
  if (p.length < 10) return false;
  const footer = p.length - 10;
  const version = p[footer]! | (p[footer + 1]! << 8);
  if (version > RDB_VERSION) return false;
  const crc = crc64Update({ hi: 0, lo: 0 }, p, 0, p.length - 8);
  return p.readUInt32LE(p.length - 8) === crc.lo && p.readUInt32LE(p.length - 4) === crc.hi;
}

/**
 * The value inside a verified payload. Throws RdbFormatError for corrupt
 * data or value types not supported yet. As Redis 7.0's RESTORE, the reader
 * spans the whole payload (a value may run into the footer's bytes) and
 * bytes left over after the value are not checked.
 */
export function loadDumpPayload(p: Buffer): RedisValue {
  const r = new RdbReader(p, 0, p.length);
  const type = r.readByte();
  if (!isObjectType(type)) throw new RdbFormatError(`invalid RDB object type ${type}`);
  return loadObject(type, r);
}

/**
 * A deep copy of `value` through its RDB codec (save, then load): COPY's
 * fallback for collection types that offer no clone() of their own.
 * Throws when the value's type has no codec.
 */
export function duplicateViaRdb(value: RedisValue): RedisValue {
  const w = new RdbWriter(256, false);
  saveObject(w, value);
  const r = new RdbReader(Buffer.from(w.bytes()));
  return loadObject(r.readByte(), r);
}
