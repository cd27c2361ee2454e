// Redis's glob-style matcher (util.c stringmatchlen) for CONFIG GET and
// COMMAND LIST FILTERBY PATTERN: *, ?, [abc], [^a-z], backslash escapes.

/** Whether `s` matches the glob `pattern`; `nocase` folds ASCII case. */
export function stringMatch(pattern: string, s: string, nocase = false): boolean {
  return matchAt(pattern, 0, s, 0, nocase, 0);
}

function fold(c: string, nocase: boolean): string {
  return nocase ? c.toLowerCase() : c;
}

function matchAt(p: string, pi: number, s: string, si: number, nocase: boolean, depth: number): boolean {
  // Redis caps recursion the same way (nesting of '*').
  if (depth > 1000) return false;
  while (pi < p.length) {
    const pc = p[pi]!;
    switch (pc) {
      case '*': {
        while (p[pi + 1] === '*') pi++;
        if (pi + 1 === p.length) return true;
        for (let k = si; k <= s.length; k++) {
          if (matchAt(p, pi + 1, s, k, nocase, depth + 1)) return true;
        }
        return false;
      }
      case '?':
        if (si >= s.length) return false;
        si++;
        break;
      case '[': {
        if (si >= s.length) return false;
        pi++;
        const not = p[pi] === '^';
        if (not) pi++;
        let matched = false;
        const c = fold(s[si]!, nocase);
        for (;;) {
          if (pi >= p.length) {
            pi--;
            break;
          }
          if (p[pi] === '\\' && pi + 2 < p.length) {
            pi++;
            if (fold(p[pi]!, nocase) === c) matched = true;
          } else if (p[pi] === ']') {
            break;
          } else if (p[pi + 1] === '-' && pi + 2 < p.length) {
            let lo = fold(p[pi]!, nocase);
            let hi = fold(p[pi + 2]!, nocase);
            if (lo > hi) [lo, hi] = [hi, lo];
            pi += 2;
            if (c >= lo && c <= hi) matched = true;
          } else if (fold(p[pi]!, nocase) === c) {
            matched = true;
          }
          pi++;
        }
        if (not) matched = !matched;
        if (!matched) return false;
        si++;
        break;
      }
      default:
        // A backslash makes the next character match literally.
        if (pc === '\\' && pi + 1 < p.length) pi++;
        if (si >= s.length || fold(p[pi]!, nocase) !== fold(s[si]!, nocase)) return false;
        si++;
        break;
    }
    pi++;
    if (si >= s.length) {
      while (p[pi] === '*') pi++;
      break;
    }
  }
  return pi >= p.length && si >= s.length;
}
