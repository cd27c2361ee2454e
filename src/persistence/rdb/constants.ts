// RDB format constants as Redis 7.0 writes them (rdb.h): the version, object
// type bytes, length and string encodings. Shared by DUMP/RESTORE and, later,
// the RDB file reader and writer.

/** RDB format version of Redis 7.0 (DUMP payload footers and RDB file headers). */
export const RDB_VERSION = 10;

/** Object types (the first byte of a DUMP payload; the value type of an RDB entry). */
export const RdbType = {
  STRING: 0,
  LIST: 1,
  SET: 2,
  ZSET: 3,
  HASH: 4,
  ZSET_2: 5,
  MODULE_PRE_GA: 6,
  MODULE_2: 7,
  HASH_ZIPMAP: 9,
  LIST_ZIPLIST: 10,
  SET_INTSET: 11,
  ZSET_ZIPLIST: 12,
  HASH_ZIPLIST: 13,
  LIST_QUICKLIST: 14,
  STREAM_LISTPACKS: 15,
  HASH_LISTPACK: 16,
  ZSET_LISTPACK: 17,
  LIST_QUICKLIST_2: 18,
  STREAM_LISTPACKS_2: 19,
} as const;

/** rdbIsObjectType in Redis 7.0. */
export function isObjectType(t: number): boolean {
  return (t >= 0 && t <= 7) || (t >= 9 && t <= 19);
}

/** Length encodings: the top two bits of the first byte. */
export const RDB_6BITLEN = 0;
export const RDB_14BITLEN = 1;
export const RDB_32BITLEN = 0x80;
export const RDB_64BITLEN = 0x81;
export const RDB_ENCVAL = 3;

/** Special string encodings (RDB_ENCVAL followed by one of these in the low 6 bits). */
export const RDB_ENC_INT8 = 0;
export const RDB_ENC_INT16 = 1;
export const RDB_ENC_INT32 = 2;
export const RDB_ENC_LZF = 3;

/** Corrupt or unsupported RDB data (RESTORE answers "ERR Bad data format"). */
export class RdbFormatError extends Error {}
