// MONITOR output lines, as Redis's replicationFeedMonitors formats them:
// +<sec>.<usec> [<db> <addr>] "arg" "arg" ... with sdscatrepr quoting.

/** Redis's sdscatrepr: a double-quoted, escaped rendering of a byte string. */
export function quoteRepr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 92: out += '\\\\'; break;
      case 34: out += '\\"'; break;
      case 10: out += '\\n'; break;
      case 13: out += '\\r'; break;
      case 9: out += '\\t'; break;
      case 7: out += '\\a'; break;
      case 8: out += '\\b'; break;
      default:
        out += c >= 32 && c <= 126 ? s[i] : '\\x' + c.toString(16).padStart(2, '0');
    }
  }
  return out + '"';
}

export function monitorLine(nowUs: number, dbId: number, source: string, argv: readonly string[]): string {
  const sec = Math.floor(nowUs / 1e6);
  const usec = String(Math.floor(nowUs % 1e6)).padStart(6, '0');
  let line = `+${sec}.${usec} [${dbId} ${source}]`;
  for (const a of argv) line += ' ' + quoteRepr(a);
  return line + '\r\n';
}
