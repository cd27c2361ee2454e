// Converts the ValueSink's reply values for embedded callers: bulk strings
// become UTF-8 JS strings (command()) or stay Buffers (commandBuffer()).

import type { ReplyValue } from '../protocol/value-sink.js';
import { RedisError } from '../errors.js';
import { bytesToUtf8 } from './typed-values.js';

/** A reply with bulk strings decoded as UTF-8. */
export type Reply =
  | null | string | number | bigint | boolean | RedisError
  | Reply[] | Map<string | number | bigint | boolean | null, Reply>;

/** A reply with bulk strings as Buffers (map keys too). */
export type BufferReply =
  | null | string | Buffer | number | bigint | boolean | RedisError
  | BufferReply[] | Map<Buffer | string | number | bigint | boolean | null, BufferReply>;

/** Bulk → UTF-8 string; simple/verbatim text (latin1 bytes) → UTF-8 string. */
export function toStringReply(v: ReplyValue): Reply {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? bytesToUtf8(v) : v;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (v instanceof RedisError) return v;
  if (Array.isArray(v)) return v.map(toStringReply);
  const out = new Map<string | number | bigint | boolean | null, Reply>();
  for (const [k, x] of v) out.set(typeof k === 'string' ? bytesToUtf8(k) : (toStringReply(k) as string), toStringReply(x));
  return out;
}

/** Bulk strings stay Buffers; map keys (latin1 strings in the sink) become Buffers. */
export function toBufferReply(v: ReplyValue): BufferReply {
  if (v === null || typeof v !== 'object' || Buffer.isBuffer(v) || v instanceof RedisError) return v;
  if (Array.isArray(v)) return v.map(toBufferReply);
  const out = new Map<Buffer | string | number | bigint | boolean | null, BufferReply>();
  for (const [k, x] of v) out.set(typeof k === 'string' ? Buffer.from(k, 'latin1') : (toBufferReply(k) as Buffer), toBufferReply(x));
  return out;
}
