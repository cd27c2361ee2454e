// The list RDB codec: writes QUICKLIST_2 with listpack nodes split as Redis
// 7.0's quicklist splits a list built by tail pushes (list-max-listpack-size
// -2: nodes up to 8 KiB); reads QUICKLIST_2, QUICKLIST (ziplist nodes),
// ZIPLIST and the plain LIST form.

import { ListValue } from '../../types/list-value.js';
import { registerRdbCodec } from './codecs.js';
import { RdbFormatError, RdbType } from './constants.js';
import { decodeListpack, decodeZiplist, encodeListpack, listpackEntryBytes, LISTPACK_EMPTY_BYTES } from './listpack.js';

const NODE_PLAIN = 1;
const NODE_PACKED = 2;
/** list-max-listpack-size's default (-2: 8 KiB nodes); the RDB codec has no config access. */
export let listMaxListpackSize = -2;
export function setListMaxListpackSize(v: number): void {
  listMaxListpackSize = v;
}
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
const SIZE_SAFETY_LIMIT = 8192;
const SIZE_ESTIMATE_OVERHEAD = 8;

/** quicklistNodeLimit: the node byte limit and element count limit of a fill setting. */
function nodeLimits(fill: number): { bytes: number; count: number } {
  if (fill >= 0) return { bytes: SIZE_SAFETY_LIMIT, count: fill === 0 ? 1 : fill };
  return { bytes: OPTIMIZATION_LEVEL[Math.min(-fill, OPTIMIZATION_LEVEL.length) - 1]!, count: Infinity };
}

/** isLargeElement: elements of packed_threshold (1 GiB) or more get a plain node of their own. */
function isLarge(sz: number): boolean {
  return sz >= 1 << 30;
}

/** _quicklistNodeAllowInsert as Redis 7.0.15: an 8-byte overestimate per entry against the node limits. */
function allowInsert(nodeBytes: number, nodeCount: number, sz: number, fill: number): boolean {
  const limits = nodeLimits(fill);
  const newSz = nodeBytes + sz + SIZE_ESTIMATE_OVERHEAD;
  if (newSz > limits.bytes) return false;
  return nodeCount + 1 <= limits.count;
}

registerRdbCodec({
  handles: (value) => value instanceof ListValue,
  typeOf: () => RdbType.LIST_QUICKLIST_2,
  save(w, value) {
    const items = (value as ListValue).toArray();
    const nodes: { plain: boolean; items: string[] }[] = [];
    let cur: string[] | null = null;
    let bytes = 0;
    for (const v of items) {
      if (isLarge(v.length)) {
        nodes.push({ plain: true, items: [v] });
        cur = null;
        continue;
      }
      if (cur === null || !allowInsert(bytes, cur.length, v.length, listMaxListpackSize)) {
        cur = [];
        nodes.push({ plain: false, items: cur });
        bytes = LISTPACK_EMPTY_BYTES;
      }
      cur.push(v);
      bytes += listpackEntryBytes(v);
    }
    w.writeLen(nodes.length);
    for (const node of nodes) {
      w.writeLen(node.plain ? NODE_PLAIN : NODE_PACKED);
      w.writeString(node.plain ? node.items[0]! : encodeListpack(node.items).toString('latin1'));
    }
  },
  loadTypes: [RdbType.LIST, RdbType.LIST_ZIPLIST, RdbType.LIST_QUICKLIST, RdbType.LIST_QUICKLIST_2],
  load(type, r) {
    const list = new ListValue();
    if (type === RdbType.LIST) {
      const n = r.readLen();
      for (let i = 0; i < n; i++) list.pushTail(r.readString());
    } else if (type === RdbType.LIST_ZIPLIST) {
      for (const v of decodeZiplist(Buffer.from(r.readString(), 'latin1'))) list.pushTail(v);
    } else {
      const nodes = r.readLen();
      for (let i = 0; i < nodes; i++) {
        let container = NODE_PACKED;
        if (type === RdbType.LIST_QUICKLIST_2) {
          container = r.readLen();
          if (container !== NODE_PACKED && container !== NODE_PLAIN) throw new RdbFormatError('bad quicklist container');
        }
        const blob = r.readString();
        if (container === NODE_PLAIN) {
          list.pushTail(blob);
          continue;
        }
        const buf = Buffer.from(blob, 'latin1');
        const items = type === RdbType.LIST_QUICKLIST_2 ? decodeListpack(buf) : decodeZiplist(buf);
        // As Redis: an empty node is corrupt for ziplists, skipped for listpacks.
        if (items.length === 0 && type === RdbType.LIST_QUICKLIST) throw new RdbFormatError('empty ziplist node');
        for (const v of items) list.pushTail(v);
      }
    }
    if (list.length === 0) throw new RdbFormatError('empty list');
    return list;
  },
});
