// How Redis 7.0 would store a value: string encodings (int/embstr/raw), the
// RDB-serialized length (DEBUG OBJECT serializedlength) and the memory
// accounting of MEMORY USAGE (robj + sds headers in jemalloc size classes).

import { string2ll } from '../../util/int64.js';
import type { RedisValue } from '../../types/value.js';
import { lzfCompress } from '../../persistence/rdb/lzf.js';
import { jemallocSize } from '../../util/jemalloc.js';

/** OBJ_ENCODING_EMBSTR_SIZE_LIMIT */
const EMBSTR_SIZE_LIMIT = 44;
/** sizeof(robj) */
const ROBJ_SIZE = 16;
/** sizeof(dictEntry) */
const DICT_ENTRY_SIZE = 24;

/**
 * The encoding Redis's tryObjectEncoding gives a string value set by SET:
 * int for canonical 64-bit integers (at most 20 chars), embstr up to 44 bytes, raw above.
 * (Strings edited in place by APPEND/SETRANGE/SETBIT/BITFIELD/PFADD are ByteStrings: always raw.)
 */
export function stringEncoding(s: string): 'int' | 'embstr' | 'raw' {
  if (s.length <= 20 && string2ll(s) !== null) return 'int';
  return s.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
}

/** sdsReqType's header size for a string of `len` bytes (type 5 only when allowed and len > 0). */
function sdsHeaderSize(len: number, allowType5: boolean): number {
  if (len < 32 && allowType5 && len > 0) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** sdsZmallocSize of a freshly created sds (sdsnewlen) of `len` bytes. */
function sdsAllocSize(len: number, allowType5: boolean): number {
  return jemallocSize(sdsHeaderSize(len, allowType5) + len + 1);
}

/** objectComputeSize for a string value. */
export function stringObjectSize(s: string): number {
  const enc = stringEncoding(s);
  if (enc === 'int') return ROBJ_SIZE;
  // embstr: robj and sdshdr8 in one allocation
  if (enc === 'embstr') return jemallocSize(ROBJ_SIZE + 3 + s.length + 1);
  return ROBJ_SIZE + sdsAllocSize(s.length, false);
}

/** MEMORY USAGE: value + key sds + dict entry, as Redis's memoryCommand. */
export function keyMemoryUsage(key: string, value: RedisValue): number {
  const valueSize = typeof value === 'string' ? stringObjectSize(value) : value.memoryUsage();
  return valueSize + sdsAllocSize(key.length, true) + DICT_ENTRY_SIZE;
}

/** rdbSaveLen's size: 1, 2, 5 or 9 bytes. */
function rdbLenSize(len: number): number {
  if (len < 1 << 6) return 1;
  if (len < 1 << 14) return 2;
  if (len <= 0xffffffff) return 5;
  return 9;
}

/** rdbEncodeInteger's size for a value, or 0 when it does not fit in 32 bits. */
function rdbIntSize(v: bigint): number {
  if (v >= -128n && v <= 127n) return 2;
  if (v >= -32768n && v <= 32767n) return 3;
  if (v >= -2147483648n && v <= 2147483647n) return 5;
  return 0;
}

/** rdbSaveRawString's output length for `s` (rdbcompression on or off). */
export function rdbStringLength(s: string, compression: boolean): number {
  const len = s.length;
  if (len <= 11) {
    // rdbTryIntegerEncoding: the string must be the exact decimal form of the integer.
    const v = string2ll(s);
    if (v !== null) {
      const n = rdbIntSize(v);
      if (n > 0) return n;
    }
  }
  if (compression && len > 20) {
    const comprlen = lzfCompress(Buffer.from(s, 'latin1'), len - 4)?.length ?? 0;
    if (comprlen > 0) return 1 + rdbLenSize(comprlen) + rdbLenSize(len) + comprlen;
  }
  return rdbLenSize(len) + len;
}

/** rdbSavedObjectLen for a string value (an int-encoded one is saved as its integer). */
export function rdbStringObjectLength(s: string, compression: boolean): number {
  if (stringEncoding(s) === 'int') {
    const n = rdbIntSize(string2ll(s)!);
    if (n > 0) return n;
  }
  return rdbStringLength(s, compression);
}
