// The hash RDB codec: HASH_LISTPACK (16) for listpack-encoded hashes, HASH (4)
// for hashtables, as Redis 7.0 writes them; also reads HASH_ZIPLIST (13).
// Loading applies Redis's conversion rules with the default limits (the
// codec has no config access), and rejects empty hashes and duplicate fields.

import { HashValue } from '../../types/hash-value.js';
import { registerRdbCodec } from './codecs.js';
import { RdbFormatError, RdbType } from './constants.js';
import { decodeListpack, decodeZiplist, encodeListpack } from './listpack.js';

/** hash-max-listpack-entries / -value used when loading. */
export const hashLoadLimits = { entries: 512, value: 64 };

function fromPacked(items: string[]): HashValue {
  if (items.length === 0 || items.length % 2 !== 0) throw new RdbFormatError('bad hash listpack');
  const seen = new Set<string>();
  let tooLong = false;
  for (let i = 0; i < items.length; i += 2) {
    if (seen.has(items[i]!)) throw new RdbFormatError('duplicate hash field');
    seen.add(items[i]!);
    if (items[i]!.length > hashLoadLimits.value || items[i + 1]!.length > hashLoadLimits.value) tooLong = true;
  }
  const h = HashValue.fromEntries(items);
  if (tooLong || h.size > hashLoadLimits.entries) h.convert();
  return h;
}

registerRdbCodec({
  handles: (value) => value instanceof HashValue,
  typeOf: (value) => ((value as HashValue).lp !== null ? RdbType.HASH_LISTPACK : RdbType.HASH),
  save(w, value) {
    const h = value as HashValue;
    if (h.lp !== null) {
      w.writeString(encodeListpack(h.entries()).toString('latin1'));
      return;
    }
    w.writeLen(h.size);
    h.forEach((f, v) => {
      w.writeString(f);
      w.writeString(v);
    });
  },
  loadTypes: [RdbType.HASH, RdbType.HASH_ZIPLIST, RdbType.HASH_LISTPACK],
  load(type, r) {
    if (type === RdbType.HASH_LISTPACK) return fromPacked(decodeListpack(Buffer.from(r.readString(), 'latin1')));
    if (type === RdbType.HASH_ZIPLIST) return fromPacked(decodeZiplist(Buffer.from(r.readString(), 'latin1')));
    const n = r.readLen();
    if (n === 0) throw new RdbFormatError('empty hash');
    const items: string[] = [];
    for (let i = 0; i < n; i++) items.push(r.readString(), r.readString());
    return fromPacked(items);
  },
});
