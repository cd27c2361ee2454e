// The set RDB codec: SET_INTSET (11) for intsets (Redis's intset blob:
// encoding, length, little-endian sorted integers) and SET (2) for
// hashtables, as Redis 7.0 writes them. Loading validates intsets (sorted,
// distinct, sized), rejects empty sets and duplicates, and converts as Redis
// does with the default set-max-intset-entries.

import { SetValue } from '../../types/set-value.js';
import { registerRdbCodec } from './codecs.js';
import { RdbFormatError, RdbType } from './constants.js';

export const setLoadLimits = { intsetEntries: 512 };

function encodeIntset(set: SetValue): Buffer {
  const is = set.is!;
  const width = is.width();
  const buf = Buffer.alloc(8 + is.length * width);
  buf.writeUInt32LE(width, 0);
  buf.writeUInt32LE(is.length, 4);
  for (let i = 0; i < is.length; i++) {
    const v = is.get(i);
    const at = 8 + i * width;
    if (width === 2) buf.writeInt16LE(Number(v), at);
    else if (width === 4) buf.writeInt32LE(Number(v), at);
    else buf.writeBigInt64LE(v, at);
  }
  return buf;
}

function decodeIntset(buf: Buffer): SetValue {
  if (buf.length < 8) throw new RdbFormatError('bad intset');
  const width = buf.readUInt32LE(0);
  const len = buf.readUInt32LE(4);
  if ((width !== 2 && width !== 4 && width !== 8) || buf.length !== 8 + len * width || len === 0) {
    throw new RdbFormatError('bad intset');
  }
  const set = new SetValue(true);
  let prev: bigint | null = null;
  for (let i = 0; i < len; i++) {
    const at = 8 + i * width;
    const v = width === 2 ? BigInt(buf.readInt16LE(at)) : width === 4 ? BigInt(buf.readInt32LE(at)) : buf.readBigInt64LE(at);
    if (prev !== null && v <= prev) throw new RdbFormatError('intset not sorted');
    prev = v;
    set.is!.add(v);
  }
  if (set.size > setLoadLimits.intsetEntries) set.convert();
  return set;
}

registerRdbCodec({
  handles: (value) => value instanceof SetValue,
  typeOf: (value) => ((value as SetValue).is !== null ? RdbType.SET_INTSET : RdbType.SET),
  save(w, value) {
    const set = value as SetValue;
    if (set.is !== null) {
      w.writeString(encodeIntset(set).toString('latin1'));
      return;
    }
    w.writeLen(set.size);
    set.forEach((m) => w.writeString(m));
  },
  loadTypes: [RdbType.SET, RdbType.SET_INTSET],
  load(type, r) {
    if (type === RdbType.SET_INTSET) return decodeIntset(Buffer.from(r.readString(), 'latin1'));
    const n = r.readLen();
    if (n === 0) throw new RdbFormatError('empty set');
    let set: SetValue | null = null;
    for (let i = 0; i < n; i++) {
      const m = r.readString();
      // rdbLoadObject: an intset only when the announced size fits one.
      if (set === null) set = n <= setLoadLimits.intsetEntries ? SetValue.forMember(m) : new SetValue(false);
      if (!set.add(m, setLoadLimits.intsetEntries)) throw new RdbFormatError('duplicate set member');
    }
    return set!;
  },
});
