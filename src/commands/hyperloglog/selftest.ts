// PFSELFTEST, as Redis's pfselftestCommand: dense register access, then the
// estimation error of dense and sparse HLLs fed the same 10 million elements.

import { pfselftestFailed } from '../../errors.js';
import { countRaw, denseGet, denseSet, HLL_DENSE_SIZE, HLL_HDR_SIZE, HLL_REGISTERS, HLL_SPARSE, Hll, patLen } from '../../types/hll.js';
import { defineCommand } from '../spec.js';

const TEST_CYCLES = 1000;

export const pfselftest = defineCommand({
  name: 'pfselftest',
  arity: 1,
  flags: ['admin'],
  acl: ['hyperloglog'],
  docs: {
    summary: 'An internal command for testing HyperLogLog values',
    since: '2.8.9',
    group: 'hyperloglog',
    complexity: 'N/A',
    docFlags: ['syscmd'],
  },
  run(ctx) {
    const rand = () => Math.floor(ctx.keyspace.random() * 0x80000000);
    const dense = Buffer.alloc(HLL_DENSE_SIZE + 1);
    const bytes = new Uint8Array(HLL_REGISTERS);
    // Test 1: registers keep their values without disturbing their neighbours.
    for (let j = 0; j < TEST_CYCLES; j++) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const r = rand() & 63;
        bytes[i] = r;
        denseSet(dense, HLL_HDR_SIZE, i, r, true);
      }
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const val = denseGet(dense, HLL_HDR_SIZE, i);
        if (val !== bytes[i]) throw pfselftestFailed(`Register ${i} should be ${bytes[i]} but is ${val}`);
      }
    }
    // Test 2: approximation error, dense and sparse side by side.
    const max = new Uint8Array(HLL_REGISTERS);
    const sparse = Hll.create();
    const sparseMaxBytes = ctx.server.config.num('hll-sparse-max-bytes');
    const relerr = 1.04 / Math.sqrt(HLL_REGISTERS);
    const seedLo = rand() >>> 0;
    const seedHi = rand() >>> 0;
    const ele = Buffer.alloc(8);
    const eleStr = () => ele.latin1Slice(0, 8);
    let checkpoint = 1;
    for (let j = 1; j <= 10_000_000; j++) {
      ele.writeUInt32LE((j ^ seedLo) >>> 0, 0);
      ele.writeUInt32LE(seedHi, 4);
      const e = eleStr();
      sparse.add(e, sparseMaxBytes);
      addRaw(max, e);
      if (j !== checkpoint) continue;
      if (j < sparseMaxBytes / 2 && sparse.encoding !== HLL_SPARSE) throw pfselftestFailed('sparse encoding not used');
      const card = countRaw(max);
      if (card !== sparse.count()) throw pfselftestFailed('dense/sparse disagree');
      let maxerr = Math.ceil(relerr * 6 * checkpoint);
      if (j === 10) maxerr = 1;
      const abserr = Math.abs(checkpoint - card);
      if (abserr > maxerr) throw pfselftestFailed(`Too big error. card:${checkpoint} abserr:${abserr}`);
      checkpoint *= 10;
    }
    ctx.reply.ok();
  },
});

function addRaw(max: Uint8Array, e: string): void {
  const h = patLen(e);
  if (h[1] > max[h[0]]!) max[h[0]] = h[1];
}
