// docs/COMPATIBILITY.md is generated (scripts/gen-compatibility.mjs) from the
// command and config tables and docs/redis-7.0-commands.json: the committed
// file must equal what the generator produces now, so it cannot go stale.
// The generator needs no redis-server (the Redis command list is a snapshot).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ALL_COMMANDS } from '../../src/commands/index.js';

/** The repository root, from dist/test/meta/. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('docs/COMPATIBILITY.md', () => {
  it('equals the output of scripts/gen-compatibility.mjs (regenerate with: npm run build && node scripts/gen-compatibility.mjs)', () => {
    const res = spawnSync(process.execPath, [join(root, 'scripts/gen-compatibility.mjs'), '--stdout'], {
      encoding: 'utf8', timeout: 60000, env: { ...process.env, PATH: '' },
    });
    assert.equal(res.status, 0, res.stderr);
    const committed = readFileSync(join(root, 'docs/COMPATIBILITY.md'), 'utf8');
    assert.equal(res.stdout, committed);
  });

  it('the Redis 7.0 command snapshot knows every command respite declares; others are listed as extensions', () => {
    const doc = readFileSync(join(root, 'docs/COMPATIBILITY.md'), 'utf8');
    const extensions = /### respite extensions\n[\s\S]*?\n\n((?:- .*\n)*)/.exec(doc)?.[1] ?? '';
    const snapshot = JSON.parse(readFileSync(join(root, 'docs/redis-7.0-commands.json'), 'utf8')) as Record<string, { subcommands?: Record<string, string> }>;
    assert.ok(Object.keys(snapshot).length >= 200, 'the snapshot lists all of Redis 7.0');
    for (const spec of ALL_COMMANDS) {
      const entry = snapshot[spec.name];
      if (entry === undefined && extensions.includes(`- ${spec.name.toUpperCase()}\n`)) continue;
      assert.ok(entry !== undefined, `${spec.name} is a Redis 7.0 command`);
      for (const sub of spec.subcommands ?? []) {
        assert.ok(entry.subcommands?.[sub.name] !== undefined, `${spec.name}|${sub.name} is a Redis 7.0 subcommand`);
      }
    }
  });
});
