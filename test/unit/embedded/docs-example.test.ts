// Runs the example in docs/EMBEDDED.md against the built package, so the
// documentation cannot drift from the API.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';

it('the docs/EMBEDDED.md example runs and its assertions hold', () => {
  const doc = readFileSync('docs/EMBEDDED.md', 'utf8');
  const block = /<!-- example:start -->\s*```js\n([\s\S]*?)```\s*<!-- example:end -->/.exec(doc);
  assert.ok(block, 'example block not found in docs/EMBEDDED.md');
  const entry = pathToFileURL(resolve('dist/src/index.js')).href;
  const code = block[1]!.replace("from 'respite-server'", `from '${entry}'`);
  assert.notEqual(code, block[1], 'the example must import from respite-server');
  const dir = mkdtempSync(join(tmpdir(), 'respite-doc-'));
  try {
    const file = join(dir, 'example.mjs');
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 0, `example failed:\n${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
