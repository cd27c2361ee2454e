// Redis's glob-style matcher (util.c stringmatchlen), byte for byte: `*`, `?`,
// `[abc]`, `[^a]`, `[a-z]`, `\` escapes, with the same quirks (an unclosed `[`
// is a set, ranges compare bytes as signed chars, `*` never matches an empty
// subject). Pure: depends on nothing. Strings are latin1 (one char per byte).

/** As Redis 7.0: recursion through `*` deeper than this fails the match (abusive patterns). */
const MAX_NESTING = 1000;

const STAR = 42;
const QUESTION = 63;
const OPEN = 91;
const CLOSE = 93;
const CARET = 94;
const BACKSLASH = 92;
const DASH = 45;

/** Redis's `char` is signed on x86: bytes >= 0x80 compare as negative in ranges. */
function signed(c: number): number {
  return (c << 24) >> 24;
}

/** C-locale tolower (only A-Z change), on signed chars as Redis passes them. */
function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Sentinel shared across one top-level match: Redis's skipLongerMatches. */
interface MatchState {
  skipLonger: boolean;
}

function matchImpl(
  p: string, pi: number, pEnd: number,
  s: string, si: number, sEnd: number,
  nocase: boolean, state: MatchState, nesting: number,
): boolean {
  if (nesting > MAX_NESTING) return false;
  // pattern.charCodeAt(pEnd) is NaN, like reading Redis's terminating NUL: never a special char.
  while (pi < pEnd && si < sEnd) {
    const pc = p.charCodeAt(pi);
    switch (pc) {
      case STAR: {
        while (pi + 1 < pEnd && p.charCodeAt(pi + 1) === STAR) pi++;
        if (pi + 1 === pEnd) return true;
        while (si < sEnd) {
          if (matchImpl(p, pi + 1, pEnd, s, si, sEnd, nocase, state, nesting + 1)) return true;
          if (state.skipLonger) return false;
          si++;
        }
        // No match for the rest of the pattern from anywhere in the rest of the
        // subject: earlier stars cannot do better with longer matches either.
        state.skipLonger = true;
        return false;
      }
      case QUESTION:
        si++;
        break;
      case OPEN: {
        pi++;
        const not = p.charCodeAt(pi) === CARET && pi < pEnd;
        if (not) pi++;
        let match = false;
        const sc = s.charCodeAt(si);
        for (;;) {
          const c = p.charCodeAt(pi);
          if (c === BACKSLASH && pEnd - pi >= 2) {
            pi++;
            if (p.charCodeAt(pi) === sc) match = true;
          } else if (c === CLOSE && pi < pEnd) {
            break;
          } else if (pi >= pEnd) {
            // Unclosed set: step back so the increment below lands on the end.
            pi--;
            break;
          } else if (pEnd - pi >= 3 && p.charCodeAt(pi + 1) === DASH) {
            let start = signed(c);
            let end = signed(p.charCodeAt(pi + 2));
            let x = signed(sc);
            if (start > end) {
              const t = start;
              start = end;
              end = t;
            }
            if (nocase) {
              start = lower(start);
              end = lower(end);
              x = lower(x);
            }
            pi += 2;
            if (x >= start && x <= end) match = true;
          } else if (nocase ? lower(c) === lower(sc) : c === sc) {
            match = true;
          }
          pi++;
        }
        if (not) match = !match;
        if (!match) return false;
        si++;
        break;
      }
      default: {
        // An escaped char compares literally; a trailing backslash is itself.
        if (pc === BACKSLASH && pEnd - pi >= 2) pi++;
        const c = p.charCodeAt(pi);
        const sc = s.charCodeAt(si);
        if (nocase ? lower(c) !== lower(sc) : c !== sc) return false;
        si++;
        break;
      }
    }
    pi++;
    if (si === sEnd) {
      while (pi < pEnd && p.charCodeAt(pi) === STAR) pi++;
      break;
    }
  }
  return pi === pEnd && si === sEnd;
}

/** Redis's stringmatchlen(pattern, subject, nocase). */
export function stringMatch(pattern: string, subject: string, nocase = false): boolean {
  return matchImpl(pattern, 0, pattern.length, subject, 0, subject.length, nocase, { skipLonger: false }, 0);
}

export type Matcher = (subject: string) => boolean;

function hasSpecial(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === STAR || c === QUESTION || c === OPEN || c === BACKSLASH) return true;
  }
  return false;
}

/**
 * A case-sensitive matcher for `pattern` with fast paths for literal
 * patterns and literal prefixes followed by stars (`user:*`). Note that a
 * bare `*` here is stringmatchlen's `*`, which does not match ""; KEYS and
 * SCAN special-case the pattern "*" themselves, as Redis does.
 */
export function compileGlob(pattern: string): Matcher {
  let end = pattern.length;
  while (end > 0 && pattern.charCodeAt(end - 1) === STAR) end--;
  if (!hasSpecial(pattern, 0, end)) {
    if (end === pattern.length) return (s) => s === pattern;
    // A literal prefix and trailing stars. With an empty prefix the subject must be non-empty.
    const prefix = pattern.slice(0, end);
    if (prefix.length === 0) return (s) => s.length > 0;
    return (s) => s.startsWith(prefix);
  }
  return (s) => stringMatch(pattern, s);
}

/** The literal text of `pattern` if it contains no glob syntax, else null. */
export function literalPattern(pattern: string): string | null {
  return hasSpecial(pattern, 0, pattern.length) ? null : pattern;
}
