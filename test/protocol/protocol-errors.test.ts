// Malformed and unusual frames, side by side with the real redis-server: the
// reply bytes and whether the connection closes must be the same.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { redisSkipReason, startRealRedis, startRespite, type RealRedis } from '../helpers/servers.js';
import type { RunningServer } from '../../src/index.js';
import { exchange } from './exchange.js';

interface FrameCase {
  name: string;
  bytes: string;
  /** Complete replies expected when the connection stays open. */
  replies?: number;
}

const BIG = 70000; // over PROTO_INLINE_MAX_SIZE (64 KiB)

const FRAMING: FrameCase[] = [
  { name: 'non-numeric multibulk count', bytes: '*abc\r\n' },
  { name: 'empty multibulk count', bytes: '*\r\n' },
  { name: 'multibulk count with a leading zero', bytes: '*01\r\n' },
  { name: 'multibulk count -0', bytes: '*-0\r\n' },
  { name: 'negative multibulk counts are empty commands', bytes: '*-1\r\nPING\r\n*-5\r\nPING\r\n', replies: 2 },
  { name: '*0 is an empty command', bytes: '*0\r\nPING\r\n', replies: 1 },
  { name: 'multibulk count over INT_MAX', bytes: '*2147483648\r\n' },
  { name: 'multibulk count overflowing int64', bytes: '*99999999999999999999\r\n' },
  { name: 'multibulk count INT_MAX waits for more', bytes: '*2147483647\r\n', replies: 0 },
  { name: 'negative bulk length', bytes: '*1\r\n$-5\r\n' },
  { name: 'bulk length -1', bytes: '*1\r\n$-1\r\n' },
  { name: 'bulk length with a plus sign', bytes: '*1\r\n$+1\r\na\r\n' },
  { name: 'bulk length with a space', bytes: '*1\r\n$ 1\r\n' },
  { name: 'bulk length with a leading zero', bytes: '*1\r\n$01\r\n' },
  { name: 'empty bulk length', bytes: '*1\r\n$\r\n' },
  { name: 'bulk length INT64_MAX', bytes: '*1\r\n$9223372036854775807\r\n' },
  { name: 'bulk over proto-max-bulk-len', bytes: '*1\r\n$1048577\r\n' },
  { name: 'bulk of exactly proto-max-bulk-len waits for its bytes', bytes: '*1\r\n$1048576\r\n', replies: 0 },
  { name: 'simple string instead of a bulk', bytes: '*1\r\n+foo\r\n' },
  { name: 'CR instead of a bulk is shown scrubbed', bytes: '*1\r\n\r\n' },
  { name: 'a new frame where a bulk was expected', bytes: '*2\r\n$4\r\nECHO\r\n*1\r\n$4\r\nPING\r\n' },
  { name: 'the two bytes after a bulk are skipped unchecked', bytes: '*1\r\n$4\r\nPINGxx*1\r\n$4\r\nPING\r\n', replies: 2 },
  { name: 'the byte after a length line CR is skipped unchecked', bytes: '*1\rX$4\r\nPING\r\n', replies: 1 },
  { name: 'empty command name', bytes: '*1\r\n$0\r\n\r\n', replies: 1 },
  { name: 'incomplete frame waits', bytes: '*3\r\n$4\r\nECHO\r\n$1\r\nk\r\n', replies: 0 },
  { name: 'RESP-looking bulk at top level is an inline command', bytes: '$4\r\nPING\r\n', replies: 2 },
  { name: 'too big inline request', bytes: 'A'.repeat(BIG) },
  { name: 'too big multibulk count line', bytes: '*' + '1'.repeat(BIG) },
  { name: 'too big bulk count line', bytes: '*1\r\n$' + '1'.repeat(BIG) },
  { name: 'inline line just under the limit waits', bytes: 'ECHO ' + 'a'.repeat(60000), replies: 0 },
];

const INLINE: FrameCase[] = [
  { name: 'double quotes with \\x escapes', bytes: 'ECHO "a b\\x41"\r\n', replies: 1 },
  { name: 'single quotes with an escaped quote', bytes: "ECHO 'a\\'b'\r\n", replies: 1 },
  { name: 'single quotes keep backslashes', bytes: "ECHO 'a\\\\b\\n'\r\n", replies: 1 },
  { name: 'double-quote escapes', bytes: 'ECHO "\\n\\r\\t\\b\\a\\\\\\"\\q"\r\n', replies: 1 },
  { name: 'incomplete \\x escape is literal', bytes: 'ECHO "\\x4" "\\xZZ" "\\xff\\x00"\r\n', replies: 1 },
  { name: 'empty quoted arguments', bytes: `ECHO ""\r\nECHO ''\r\n`, replies: 2 },
  { name: 'unbalanced double quote', bytes: 'ECHO "abc\r\n' },
  { name: 'unbalanced single quote', bytes: "ECHO 'abc\r\n" },
  { name: 'closing quote followed by a non-space', bytes: 'ECHO "a"b\r\n' },
  { name: 'quote inside a word opens a quoted part', bytes: 'ECHO a"b c\r\n' },
  { name: 'quoted part inside a word, balanced', bytes: 'ECHO a"b c" d\r\n', replies: 1 },
  { name: 'tabs and CRs separate arguments', bytes: 'ECHO\ta\r\nECHO a\rb\r\n', replies: 2 },
  { name: 'LF-only line ending', bytes: 'PING\nPING\n', replies: 2 },
  { name: 'blank lines are skipped', bytes: '\r\n\r\n   \r\n\nPING\r\n', replies: 1 },
  { name: 'unknown inline command', bytes: 'FOO bar "baz qux"\r\n', replies: 1 },
  { name: 'inline and multibulk mixed in one write', bytes: 'PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nECHO x\r\n', replies: 3 },
  { name: 'inline commands with arity errors', bytes: 'ECHO\r\nPING a b\r\n', replies: 2 },
];

const UNAUTHENTICATED: FrameCase[] = [
  { name: 'more than 10 arguments before AUTH', bytes: '*11\r\n' },
  { name: 'a bulk over 16 KiB before AUTH', bytes: '*1\r\n$16385\r\n' },
  { name: 'inline lines have no argument cap before AUTH', bytes: 'a b c d e f g h i j k\r\nECHO 1 2 3 4 5 6 7 8 9 10 11\r\n', replies: 2 },
  { name: '10 bulks before AUTH pass the parser', bytes: '*10\r\n' + '$1\r\na\r\n'.repeat(10), replies: 1 },
  { name: 'a 16 KiB bulk before AUTH passes the parser', bytes: `*1\r\n$16384\r\n${'a'.repeat(16384)}\r\n`, replies: 1 },
];

function sideBySide(title: string, cases: FrameCase[], config: Record<string, string>): void {
  describe(title, { skip: redisSkipReason() }, () => {
    let real: RealRedis;
    let ours: RunningServer;
    before(async () => {
      real = await startRealRedis(Object.entries(config).flatMap(([k, v]) => [`--${k}`, v]));
      ours = await startRespite({ config });
    });
    after(async () => {
      await real?.stop();
      await ours?.close();
    });
    for (const c of cases) {
      it(c.name, async () => {
        const opts = c.replies === undefined ? { timeoutMs: 3000 } : { replies: c.replies, timeoutMs: c.replies === 0 ? 300 : 3000 };
        const [theirs, mine] = await Promise.all([exchange(real.port, c.bytes, opts), exchange(ours.port, c.bytes, opts)]);
        assert.deepEqual(mine, theirs);
        if (c.replies === undefined) assert.equal(mine.closed, true, 'a protocol error closes the connection');
      });
    }
  });
}

sideBySide('protocol framing errors as Redis', FRAMING, { 'proto-max-bulk-len': '1048576' });
sideBySide('inline commands as Redis (sdssplitargs rules)', INLINE, {});
sideBySide('limits before AUTH as Redis', UNAUTHENTICATED, { requirepass: 'secret' });
