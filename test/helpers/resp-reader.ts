// Test-side RESP reader: finds where one complete reply ends in a buffer, so
// tests can compare raw reply bytes exactly, and decodes replies to values.

/** Index just past the reply starting at `pos`, or -1 if incomplete. */
export function replyEnd(buf: Buffer, pos: number): number {
  if (pos >= buf.length) return -1;
  const type = String.fromCharCode(buf[pos]!);
  const cr = buf.indexOf(13, pos);
  if (cr === -1 || cr + 1 >= buf.length) return -1;
  const line = buf.toString('latin1', pos + 1, cr);
  let next = cr + 2;
  switch (type) {
    case '+': case '-': case ':': case '_': case ',': case '#': case '(':
      return next;
    case '$': case '=': case '!': {
      const n = Number(line);
      if (n < 0) return next;
      return next + n + 2 <= buf.length ? next + n + 2 : -1;
    }
    case '*': case '~': case '>': case '%': case '|': {
      let n = Number(line);
      if (n < 0) return next;
      if (type === '%' || type === '|') n *= 2;
      for (let i = 0; i < n; i++) {
        next = replyEnd(buf, next);
        if (next === -1) return -1;
      }
      // An attribute is followed by the reply it annotates.
      return type === '|' ? replyEnd(buf, next) : next;
    }
    default:
      throw new Error(`unexpected reply type byte ${JSON.stringify(type)} at ${pos}: ${buf.toString('latin1', pos, pos + 40)}`);
  }
}

export type Decoded = null | string | number | bigint | boolean | { error: string } | Decoded[] | { map: [Decoded, Decoded][] };

/** Decodes one reply starting at `pos`; returns [value, end]. */
export function decodeReply(buf: Buffer, pos = 0): [Decoded, number] {
  const type = String.fromCharCode(buf[pos]!);
  const cr = buf.indexOf(13, pos);
  const line = buf.toString('latin1', pos + 1, cr);
  let next = cr + 2;
  switch (type) {
    case '+': return [line, next];
    case '-': return [{ error: line }, next];
    case ':': return [Number(line), next];
    case '_': return [null, next];
    case ',': return [Number(line.replace('inf', 'Infinity')), next];
    case '#': return [line === 't', next];
    case '(': return [BigInt(line), next];
    case '$': case '=': {
      const n = Number(line);
      if (n < 0) return [null, next];
      return [buf.toString('latin1', next, next + n), next + n + 2];
    }
    case '*': case '~': case '>': {
      const n = Number(line);
      if (n < 0) return [null, next];
      const items: Decoded[] = [];
      for (let i = 0; i < n; i++) {
        const [v, e] = decodeReply(buf, next);
        items.push(v);
        next = e;
      }
      return [items, next];
    }
    case '%': {
      const n = Number(line);
      const pairs: [Decoded, Decoded][] = [];
      for (let i = 0; i < n; i++) {
        const [k, e1] = decodeReply(buf, next);
        const [v, e2] = decodeReply(buf, e1);
        pairs.push([k, v]);
        next = e2;
      }
      return [{ map: pairs }, next];
    }
    default:
      throw new Error(`cannot decode reply type ${type}`);
  }
}
