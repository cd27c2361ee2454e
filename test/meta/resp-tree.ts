// A lossless RESP reply tree for meta tests: keeps every header byte so a
// reply can be re-serialized exactly after reordering parts Redis itself
// emits in hash order (subcommands, CONFIG GET pairs).

export interface Node {
  /** The header line without CRLF, e.g. '*10', '$3', '+OK'. */
  head: string;
  /** Bulk payload (for $, =, !). */
  body?: string;
  /** Aggregate children (for *, ~, %, >); a map's children alternate key, value. */
  children?: Node[];
}

export function parseTree(raw: string, pos = 0): [Node, number] {
  const cr = raw.indexOf('\r\n', pos);
  const head = raw.slice(pos, cr);
  let next = cr + 2;
  const type = head[0];
  const n = Number(head.slice(1));
  if ((type === '$' || type === '=' || type === '!') && n >= 0) {
    return [{ head, body: raw.slice(next, next + n) }, next + n + 2];
  }
  if ((type === '*' || type === '~' || type === '%' || type === '>') && n >= 0) {
    const count = type === '%' ? n * 2 : n;
    const children: Node[] = [];
    for (let i = 0; i < count; i++) {
      const [child, end] = parseTree(raw, next);
      children.push(child);
      next = end;
    }
    return [{ head, children }, next];
  }
  return [{ head }, next];
}

export function serialize(node: Node): string {
  let out = node.head + '\r\n';
  if (node.body !== undefined) out += node.body + '\r\n';
  for (const c of node.children ?? []) out += serialize(c);
  return out;
}

/** Sorts an aggregate's children (or key/value pairs when `pairs`) by their serialized form. */
export function sortChildren(node: Node, pairs = false): void {
  const kids = node.children;
  if (!kids) return;
  if (!pairs) {
    kids.sort((a, b) => cmp(serialize(a), serialize(b)));
    return;
  }
  const grouped: Node[][] = [];
  for (let i = 0; i + 1 < kids.length; i += 2) grouped.push([kids[i]!, kids[i + 1]!]);
  grouped.sort((a, b) => cmp(serialize(a[0]!), serialize(b[0]!)));
  node.children = grouped.flat();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** COMMAND INFO reply with every entry's subcommand list sorted (Redis lists them in hash order). */
export function normalizeInfo(raw: string): string {
  const [root] = parseTree(raw);
  for (const entry of root.children ?? []) {
    const subs = entry.children?.[9];
    if (subs) sortChildren(subs);
  }
  return serialize(root);
}

/** COMMAND DOCS reply with every subcommands map sorted by name. */
export function normalizeDocs(raw: string): string {
  const [root] = parseTree(raw);
  const kids = root.children ?? [];
  for (let i = 1; i < kids.length; i += 2) {
    const docs = kids[i]!.children ?? [];
    for (let j = 0; j + 1 < docs.length; j += 2) {
      if (docs[j]!.body === 'subcommands') sortChildren(docs[j + 1]!, true);
    }
  }
  sortChildren(root, true);
  return serialize(root);
}
