// The per-type RDB serializer registry: each value type registers how it is
// written (type byte + body) and which RDB object types it loads. Strings are
// registered here; lists, hashes, sets, sorted sets and streams add their
// codecs beside it as they come. Used by DUMP/RESTORE now, the RDB file
// reader/writer later.

import { isStringValue, typeOf, type RedisValue, type StringValue } from '../../types/value.js';
import { RdbFormatError, RdbType } from './constants.js';
import type { RdbReader } from './reader.js';
import type { RdbWriter } from './writer.js';

export interface RdbCodec {
  /** Whether this codec writes `value`. */
  handles(value: RedisValue): boolean;
  /** The RDB object type byte for `value` (it may depend on the encoding). */
  typeOf(value: RedisValue): number;
  /** rdbSaveObject: the body after the type byte. */
  save(w: RdbWriter, value: RedisValue): void;
  /** The RDB object types this codec reads. */
  readonly loadTypes: readonly number[];
  /** rdbLoadObject: reads a body of object type `type`; throws RdbFormatError when corrupt. */
  load(type: number, r: RdbReader): RedisValue;
}

const codecs: RdbCodec[] = [];
const loaders = new Map<number, RdbCodec>();

export function registerRdbCodec(codec: RdbCodec): void {
  codecs.push(codec);
  for (const t of codec.loadTypes) loaders.set(t, codec);
}

function codecFor(value: RedisValue): RdbCodec {
  for (const c of codecs) if (c.handles(value)) return c;
  throw new Error(`no RDB codec for a value of type ${typeOf(value)}`);
}

/** rdbSaveObjectType + rdbSaveObject. */
export function saveObject(w: RdbWriter, value: RedisValue): void {
  const codec = codecFor(value);
  w.writeByte(codec.typeOf(value));
  codec.save(w, value);
}

/** rdbLoadObject for an already-read type byte; throws RdbFormatError for unknown or unsupported types. */
export function loadObject(type: number, r: RdbReader): RedisValue {
  const codec = loaders.get(type);
  if (codec === undefined) throw new RdbFormatError(`unsupported RDB object type ${type}`);
  return codec.load(type, r);
}

/**
 * rdbSaveStringObject for either string form. A ByteString is written from
 * its bytes (no latin1 copy of a large bitmap); short ones may be integers,
 * which writeString's rdbTryIntegerEncoding handles.
 */
export function writeStringValue(w: RdbWriter, value: StringValue): void {
  if (typeof value === 'string' || value.len <= 11) {
    w.writeString(typeof value === 'string' ? value : value.toLatin1());
    return;
  }
  w.writeStringBytes(value.view());
}

registerRdbCodec({
  handles: isStringValue,
  typeOf: () => RdbType.STRING,
  save: (w, value) => writeStringValue(w, value as StringValue),
  loadTypes: [RdbType.STRING],
  load: (_type, r) => r.readString(),
});
