// Large JSON files: 200k keys imported and exported (time and heap growth
// printed as diagnostics), and a file several times larger than a child
// process's V8 heap limit imported without running out of memory, which only
// a streaming reader can do.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { ManualClock } from '../../src/keyspace/clock.js';
import { exportJsonFile } from '../../src/persistence/json/export.js';
import { importJsonFile } from '../../src/persistence/json/import.js';
import { Server } from '../../src/server/server.js';

const NOW = 1_700_000_000_000;
const KEYS = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'respite-json-large-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `count` entries made by `entry(i)` with backpressure; returns the file size. */
async function writeFile(path: string, count: number, entry: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  out.write('{');
  let batch = '';
  for (let i = 0; i < count; i++) {
    batch += `${i === 0 ? '' : ','}\n${entry(i)}`;
    if (batch.length > 1 << 16) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(`${batch}\n}\n`);
  await once(out, 'finish');
  return statSync(path).size;
}

function mb(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

describe('large JSON files', () => {
  it(`imports and exports ${KEYS} keys`, async (t) => {
    const file = join(dir, 'keys.json');
    const size = await writeFile(file, KEYS, (i) => {
      const k = `"key:${i}":`;
      switch (i % 5) {
        case 0: return `${k}{"String":"value ${i} ${'x'.repeat(40)}"}`;
        case 1: return `${k}{"Integer":${i * 1000003}}`;
        case 2: return `${k}{"List":["a${i}","b","c"],"expires_at_ms":${NOW + i}}`;
        case 3: return `${k}{"Hash":{"f":"${i}","g":"v"}}`;
        default: return `${k}{"SortedSet":[["m${i}",${i / 7}],["n","inf"]]}`;
      }
    });
    const server = new Server({ clock: new ManualClock(NOW) });
    const heap0 = process.memoryUsage().heapUsed;
    let t0 = performance.now();
    const r = await importJsonFile(file, server.keyspace);
    const importMs = performance.now() - t0;
    const heap1 = process.memoryUsage().heapUsed;
    assert.equal(r.keysLoaded, KEYS);
    assert.equal(server.keyspace.dbs[0]!.size, KEYS);
    assert.equal(r.bytes, size);

    const out = join(dir, 'export.json');
    t0 = performance.now();
    const e = await exportJsonFile(server.keyspace, out);
    const exportMs = performance.now() - t0;
    const heap2 = process.memoryUsage().heapUsed;
    assert.equal(e.keysWritten, KEYS);
    assert.equal(statSync(out).size, e.bytes);

    const again = new Server({ clock: new ManualClock(NOW) });
    const r2 = await importJsonFile(out, again.keyspace);
    assert.equal(r2.keysLoaded, KEYS);
    t.diagnostic(`file ${mb(size)}; import ${importMs.toFixed(0)} ms (${(KEYS / (importMs / 1000)).toFixed(0)} keys/s), heap +${mb(heap1 - heap0)} (the keyspace itself); ` +
      `export ${exportMs.toFixed(0)} ms to ${mb(e.bytes)}, heap ${heap2 >= heap1 ? '+' : ''}${mb(heap2 - heap1)} during export`);
  });

  it('imports a file several times larger than the heap limit', (t) => {
    const file = join(dir, 'big.json');
    const script = join(dir, 'child.mjs');
    const dist = resolve(process.cwd(), 'dist/src');
    // 200k entries of ~400 bytes over 1000 keys (each entry replaces an earlier one): ~80 MB
    // of JSON while the keyspace stays small, under a 32 MB old-space limit.
    writeFileSync(script, `
      import { Server } from '${dist}/server/server.js';
      import { importJsonFile } from '${dist}/persistence/json/import.js';
      import { writeFileSync } from 'node:fs';
      const server = new Server();
      let peak = 0;
      const t0 = performance.now();
      const r = await importJsonFile(process.argv[2], server.keyspace, {
        onProgress: () => { peak = Math.max(peak, process.memoryUsage().heapUsed); },
      });
      console.log(JSON.stringify({ ...r, ms: performance.now() - t0, peak, keys: server.keyspace.dbs[0].size }));
    `);
    return (async () => {
      const pad = 'p'.repeat(300);
      const size = await writeFile(file, KEYS, (i) => `"k${i % 1000}":{"List":["${pad}","${i}",{"Binary":[1,2,3,255]}]}`);
      const child = spawnSync(process.execPath, ['--max-old-space-size=32', script, file], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(child.status, 0, child.stderr);
      const r = JSON.parse(child.stdout) as { keysLoaded: number; keysReplaced: number; ms: number; peak: number; keys: number };
      assert.equal(r.keysLoaded, KEYS);
      assert.equal(r.keysReplaced, KEYS - 1000);
      assert.equal(r.keys, 1000);
      assert.ok(r.peak < size / 2, `peak heap ${mb(r.peak)} for a ${mb(size)} file`);
      t.diagnostic(`file ${mb(size)} under --max-old-space-size=32: ${r.ms.toFixed(0)} ms (${mb(size / (r.ms / 1000))}/s), peak heapUsed ${mb(r.peak)}`);
    })();
  });
});
