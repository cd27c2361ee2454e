// Glob matching: a table of (pattern, subject) verdicts recorded from a real
// redis-server 7.0 (KEYS against a one-key database), the fast paths agreeing
// with the general matcher, and the bound on abusive patterns.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileGlob, literalPattern, stringMatch } from '../../../src/util/glob.js';
import { SeededRandom } from '../../helpers/seeded-random.js';

/** Recorded from redis-server 7.0.15: KEYS <pattern> on a database holding only <subject>. */
const REDIS_VERDICTS: readonly (readonly [string, string, boolean])[] = [
  ["*", "abc", true],
  ["**", "", false],
  ["*", "", true],
  ["", "", true],
  ["", "a", false],
  ["a*", "a", true],
  ["a*", "ab", true],
  ["a*", "ba", false],
  ["h?llo", "hello", true],
  ["h?llo", "hllo", false],
  ["h*llo", "heeeello", true],
  ["h[ae]llo", "hallo", true],
  ["h[ae]llo", "hillo", false],
  ["h[^e]llo", "hallo", true],
  ["h[^e]llo", "hello", false],
  ["h[a-b]llo", "hbllo", true],
  ["h[b-a]llo", "hallo", true],
  ["h[a-b]llo", "hcllo", false],
  ["h\\*llo", "h*llo", true],
  ["h\\*llo", "hello", false],
  ["\\", "\\", true],
  ["a\\", "a\\", true],
  ["[abc", "a", true],
  ["[abc", "d", false],
  ["[", "[", false],
  ["[]", "]", false],
  ["[]a]", "a", false],
  ["[a-]", "-", false],
  ["[a-]", "b", false],
  ["[a-]", "]", true],
  ["[\\]]", "]", true],
  ["[\\", "\\", true],
  ["[^", "a", true],
  ["[^]", "a", true],
  ["a[", "a", false],
  ["*a*b*c*", "xaybzc", true],
  ["*a*b*c*", "xaybz", false],
  ["?", "", false],
  ["??", "a", false],
  ["[a-\xff]", "b", false],
  ["[a-\xff]", "0", true],
  ["[a-\xff]", "\x80", false],
  ["[\x80-\xff]", "\x90", true],
  ["[\x01-\xff]", "A", false],
  ["*\\", "a\\", true],
  ["a**", "a", true],
  ["*?", "", false],
  ["*?", "x", true],
  ["[!a]", "b", false],
  ["x*", "", false],
  ["\\a", "a", true],
  ["[a-c-e]", "d", false],
  ["[a-c-e]", "-", true],
  ["A*", "a", false],
  ["*[0-9]", "key9", true],
  ["user:*:name", "user:42:name", true],
  ["user:*:name", "user:42:age", false],
];

describe('glob', () => {
  it('agrees with Redis on every recorded case', () => {
    for (const [pattern, subject, expected] of REDIS_VERDICTS) {
      // KEYS special-cases the exact pattern "*" (all keys, even ""); stringmatchlen's "*" needs one byte.
      const viaKeys = pattern === '*' ? true : stringMatch(pattern, subject);
      assert.equal(viaKeys, expected, `${JSON.stringify(pattern)} vs ${JSON.stringify(subject)}`);
    }
  });

  it('"*" alone does not match the empty string in stringmatchlen', () => {
    assert.equal(stringMatch('*', ''), false);
    assert.equal(stringMatch('*', 'x'), true);
  });

  it('compiled fast paths agree with the general matcher', () => {
    const rnd = new SeededRandom(2024);
    const alphabet = ['a', 'b', '*', '?', '[', ']', '^', '-', '\\', 'c', '\xff'];
    for (let i = 0; i < 20000; i++) {
      let p = '';
      let s = '';
      for (let n = rnd.int(0, 6); n > 0; n--) p += rnd.pick(alphabet);
      for (let n = rnd.int(0, 6); n > 0; n--) s += rnd.pick(['a', 'b', 'c', '-', ']', '\xff']);
      assert.equal(compileGlob(p)(s), stringMatch(p, s), `${JSON.stringify(p)} vs ${JSON.stringify(s)}`);
    }
    assert.equal(compileGlob('user:*')('user:1'), true);
    assert.equal(compileGlob('user:*')('use'), false);
    assert.equal(compileGlob('exact')('exact'), true);
    assert.equal(compileGlob('exact')('exactly'), false);
  });

  it('reports literal patterns', () => {
    assert.equal(literalPattern('abc'), 'abc');
    assert.equal(literalPattern('a]b^-'), 'a]b^-');
    assert.equal(literalPattern('a*'), null);
    assert.equal(literalPattern('a\\b'), null);
  });

  it('supports nocase as Redis (ASCII letters only)', () => {
    assert.equal(stringMatch('HeLLo', 'hello', true), true);
    assert.equal(stringMatch('h[A-Z]llo', 'hello', true), true);
    assert.equal(stringMatch('\xc0', '\xe0', true), false);
  });

  it('bounds abusive patterns: deep star nesting fails instead of recursing without end', () => {
    // 1100 stars separated by literals: nesting passes 1000, so the match fails as in Redis 7.0.
    const deep = 'a*'.repeat(1100) + 'b';
    const subject = 'a'.repeat(1100) + 'b';
    assert.equal(stringMatch(deep, subject), false);
    const shallow = 'a*'.repeat(900) + 'b';
    assert.equal(stringMatch(shallow, 'a'.repeat(900) + 'b'), true);
  });

  it('stays fast on patterns that are exponential for a naive matcher', () => {
    const start = performance.now();
    assert.equal(stringMatch('*a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(5000)), false);
    assert.ok(performance.now() - start < 1000, 'skipLongerMatches keeps this linear-ish');
  });
});
