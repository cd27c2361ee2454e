// The sorted-set RDB codec, as Redis 7.0 writes it: ZSET_LISTPACK (17) for
// listpack-encoded sets (member, d2string score pairs), ZSET_2 (5) for
// skiplists (tail to head, scores as 8-byte little-endian doubles). Also
// reads ZSET (3, text scores) and ZSET_ZIPLIST (12). Loading applies the
// default zset-max-listpack-* limits (the codec has no config access).

import { parseDouble } from '../../util/float-parse.js';
import { formatG } from '../../util/float-format.js';
import { ZAddResult, ZSetValue } from '../../types/zset-value.js';
import { registerRdbCodec } from './codecs.js';
import { RdbFormatError, RdbType } from './constants.js';
import type { RdbReader } from './reader.js';
import { decodeListpack, decodeZiplist, encodeListpack } from './listpack.js';

/** zset-max-listpack-entries / -value used when loading. */
export const zsetLoadLimits = { entries: 128, value: 64 };

function add(z: ZSetValue, member: string, score: number): void {
  if (Number.isNaN(score)) throw new RdbFormatError('zset score is NaN');
  if (z.set(member, score, zsetLoadLimits) !== ZAddResult.Added) throw new RdbFormatError('duplicate zset member');
}

function fromPacked(items: string[]): ZSetValue {
  if (items.length === 0 || items.length % 2 !== 0) throw new RdbFormatError('bad zset listpack');
  const z = new ZSetValue();
  // A listpack stays one up to the entry limit, whatever its member lengths (as Redis's loader).
  const limits = { entries: zsetLoadLimits.entries, value: Number.MAX_SAFE_INTEGER };
  for (let i = 0; i < items.length; i += 2) {
    const score = parseDouble(items[i + 1]!);
    if (score === null) throw new RdbFormatError('bad zset score');
    if (z.set(items[i]!, score, limits) !== ZAddResult.Added) throw new RdbFormatError('duplicate zset member');
  }
  return z;
}

/** rdbLoadDoubleValue: a length byte then ASCII, 253/254/255 for nan/+inf/-inf. */
function readTextDouble(r: RdbReader): number {
  const len = r.readByte();
  if (len === 253) return NaN;
  if (len === 254) return Infinity;
  if (len === 255) return -Infinity;
  const v = parseDouble(r.readLatin1(len));
  if (v === null) throw new RdbFormatError('bad zset score');
  return v;
}

registerRdbCodec({
  handles: (value) => value instanceof ZSetValue,
  typeOf: (value) => ((value as ZSetValue).isListpack ? RdbType.ZSET_LISTPACK : RdbType.ZSET_2),
  save(w, value) {
    const z = value as ZSetValue;
    if (z.isListpack) {
      const items: string[] = [];
      z.forEach((m, s) => { items.push(m, formatG(s)); });
      w.writeString(encodeListpack(items).toString('latin1'));
      return;
    }
    w.writeLen(z.size);
    // Tail to head, as Redis, so its loader inserts at the head of the skiplist.
    const scoreBuf = Buffer.alloc(8);
    z.rangeByRank(0, z.size - 1, true, (m, s) => {
      w.writeString(m);
      scoreBuf.writeDoubleLE(s, 0);
      w.writeBytes(scoreBuf);
    });
  },
  loadTypes: [RdbType.ZSET, RdbType.ZSET_2, RdbType.ZSET_ZIPLIST, RdbType.ZSET_LISTPACK],
  load(type, r) {
    if (type === RdbType.ZSET_LISTPACK) return fromPacked(decodeListpack(Buffer.from(r.readString(), 'latin1')));
    if (type === RdbType.ZSET_ZIPLIST) return fromPacked(decodeZiplist(Buffer.from(r.readString(), 'latin1')));
    const n = r.readLen();
    if (n === 0) throw new RdbFormatError('empty zset');
    const z = new ZSetValue();
    for (let i = 0; i < n; i++) {
      const member = r.readString();
      let score: number;
      if (type === RdbType.ZSET_2) {
        score = Buffer.from(r.readLatin1(8), 'latin1').readDoubleLE(0);
      } else {
        score = readTextDouble(r);
      }
      add(z, member, score);
    }
    return z;
  },
});
