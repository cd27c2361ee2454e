// The semantic reply interface handlers write to. Whether a reply is RESP2 or
// RESP3 is decided by the sink behind it (resp-encoder.ts for sockets,
// value-sink.ts for in-process callers), never by the handler.

/** A byte string: latin1 JS string (one char per byte) or a Buffer. */
export type Bytes = string | Buffer;

/** A length announced before it is known: call `set(n)` once the items are written. */
export interface DeferredLength {
  set(count: number): void;
}

export interface ReplyWriter {
  /** 2 or 3: only for the rare replies whose shape differs by protocol. */
  readonly resp: 2 | 3;
  ok(): void;
  simple(text: string): void;
  /** `message` is the whole error line, e.g. "ERR syntax error". */
  error(message: string): void;
  integer(n: number | bigint): void;
  bulk(value: Bytes): void;
  /** Null bulk string: `$-1` in RESP2, `_` in RESP3. */
  null(): void;
  /** Null array: `*-1` in RESP2, `_` in RESP3. */
  nullArray(): void;
  array(length: number): void;
  /** RESP3 map of `pairs` key/value pairs; a flat array of 2*pairs in RESP2. */
  map(pairs: number): void;
  /** RESP3 set; an array in RESP2. */
  set(length: number): void;
  /** RESP3 double; a bulk string formatted as Redis does in RESP2. */
  double(value: number): void;
  /** A double whose text the command formats itself (GEOPOS's %.17Lf "human" form): `,text` in RESP3, a bulk string in RESP2. */
  doubleText(text: string): void;
  /** RESP3 boolean; integer 1/0 in RESP2. */
  bool(value: boolean): void;
  /** RESP3 verbatim string (`=len\r\ntxt:...`); a bulk string in RESP2. */
  verbatim(text: string, format?: string): void;
  bigNumber(digits: string): void;
  /** RESP3 push frame; an array in RESP2. */
  push(length: number): void;
  deferredArray(): DeferredLength;
  deferredMap(): DeferredLength;
  deferredSet(): DeferredLength;
  /** Convenience: an array of bulk strings. */
  bulkArray(values: readonly Bytes[]): void;
}
