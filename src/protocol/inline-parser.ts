// Splits an inline (telnet) command line into arguments with the rules of
// Redis's sdssplitargs: "double quotes" take \n \r \t \b \a \\ \" and \xHH
// escapes, 'single quotes' take only \', and a closing quote must be followed
// by a space or the end of the line. Returns null on unbalanced quotes.

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function splitInlineArgs(line: string): string[] | null {
  const args: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    while (i < n && isSpace(line.charCodeAt(i))) i++;
    if (i >= n) return args;
    let current = '';
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      if (inDouble) {
        if (i >= n) return null;
        const c = line.charCodeAt(i);
        if (c === 92 /* \ */ && line.charCodeAt(i + 1) === 120 /* x */ &&
            hexValue(line.charCodeAt(i + 2)) >= 0 && hexValue(line.charCodeAt(i + 3)) >= 0) {
          current += String.fromCharCode(hexValue(line.charCodeAt(i + 2)) * 16 + hexValue(line.charCodeAt(i + 3)));
          i += 3;
        } else if (c === 92 && i + 1 < n) {
          i++;
          const e = line[i]!;
          current += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === 34 /* " */) {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else {
          current += line[i];
        }
      } else if (inSingle) {
        if (i >= n) return null;
        const c = line.charCodeAt(i);
        if (c === 92 && line.charCodeAt(i + 1) === 39 /* ' */) {
          i++;
          current += "'";
        } else if (c === 39) {
          if (i + 1 < n && !isSpace(line.charCodeAt(i + 1))) return null;
          done = true;
        } else {
          current += line[i];
        }
      } else if (i >= n) {
        done = true;
      } else {
        const c = line.charCodeAt(i);
        if (isSpace(c)) done = true;
        else if (c === 34) inDouble = true;
        else if (c === 39) inSingle = true;
        else current += line[i];
      }
      if (i < n) i++;
    }
    args.push(current);
  }
}
