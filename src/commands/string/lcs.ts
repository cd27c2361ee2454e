// LCS (LEN IDX MINMATCHLEN WITHMATCHLEN): the longest common subsequence by
// the same dynamic programming and backtracking as Redis's lcsCommand, so
// ties resolve identically and IDX ranges come out in the same order.

import { LCS_ALLOC_FAILED, LCS_LEN_AND_IDX, LCS_NOT_STRINGS, LCS_TOO_BIG, NOT_INTEGER, SYNTAX } from '../../errors.js';
import { isStringValue, stringValueToLatin1 } from '../../types/value.js';
import { parseInt64 } from '../../util/int64.js';
import { defineCommand } from '../spec.js';
import { optionWord } from './common.js';

/** One IDX match: [aStart, aEnd, bStart, bEnd, length]. */
type Match = [number, number, number, number, number];

export const lcs = defineCommand({
  name: 'lcs',
  arity: -3,
  flags: ['readonly'],
  acl: ['string'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 1, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Find longest common substring',
    since: '7.0.0',
    group: 'string',
    complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
    arguments: [
      { name: 'key1', type: 'key', keySpecIndex: 0 },
      { name: 'key2', type: 'key', keySpecIndex: 0 },
      { name: 'len', type: 'pure-token', token: 'LEN', flags: ['optional'] },
      { name: 'idx', type: 'pure-token', token: 'IDX', flags: ['optional'] },
      { name: 'len', type: 'integer', token: 'MINMATCHLEN', flags: ['optional'] },
      { name: 'withmatchlen', type: 'pure-token', token: 'WITHMATCHLEN', flags: ['optional'] },
    ],
  },
  run(ctx, argv) {
    const va = ctx.db.lookupRead(argv[1]!);
    const vb = ctx.db.lookupRead(argv[2]!);
    if ((va !== undefined && !isStringValue(va)) || (vb !== undefined && !isStringValue(vb))) {
      throw LCS_NOT_STRINGS;
    }
    const a = va === undefined ? '' : stringValueToLatin1(va);
    const b = vb === undefined ? '' : stringValueToLatin1(vb);
    let getLen = false;
    let getIdx = false;
    let withMatchLen = false;
    let minMatchLen = 0;
    for (let j = 3; j < argv.length; j++) {
      const opt = optionWord(argv[j]!);
      if (opt === 'idx') getIdx = true;
      else if (opt === 'len') getLen = true;
      else if (opt === 'withmatchlen') withMatchLen = true;
      else if (opt === 'minmatchlen' && j < argv.length - 1) {
        const n = parseInt64(argv[++j]!);
        if (n === null) throw NOT_INTEGER;
        minMatchLen = Math.max(0, n);
      } else throw SYNTAX;
    }
    if (getLen && getIdx) throw LCS_LEN_AND_IDX;

    const alen = a.length;
    const blen = b.length;
    const cells = (alen + 1) * (blen + 1);
    if (cells * 4 > ctx.server.config.num('proto-max-bulk-len')) throw LCS_TOO_BIG;
    let table: Uint32Array;
    try {
      table = new Uint32Array(cells);
    } catch {
      throw LCS_ALLOC_FAILED;
    }
    const width = blen + 1;
    // table[i*width + j] = LCS length of a[0..i) and b[0..j); row and column 0 stay 0.
    for (let i = 1; i <= alen; i++) {
      const ca = a.charCodeAt(i - 1);
      const row = i * width;
      const prev = row - width;
      for (let j = 1; j <= blen; j++) {
        if (ca === b.charCodeAt(j - 1)) {
          table[row + j] = table[prev + j - 1]! + 1;
        } else {
          const up = table[prev + j]!;
          const left = table[row + j - 1]!;
          table[row + j] = up > left ? up : left;
        }
      }
    }
    const total = table[alen * width + blen]!;

    if (getLen) {
      ctx.reply.integer(total);
      return;
    }
    // Walk back from the end, collecting the LCS (backwards) and the match ranges.
    const chars: number[] = new Array<number>(total);
    const matches: Match[] = [];
    let idx = total;
    let aStart = alen; // alen: no range being tracked
    let aEnd = 0;
    let bStart = 0;
    let bEnd = 0;
    let i = alen;
    let j = blen;
    while (i > 0 && j > 0) {
      let emit = false;
      if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
        chars[idx - 1] = a.charCodeAt(i - 1);
        if (aStart === alen) {
          aStart = aEnd = i - 1;
          bStart = bEnd = j - 1;
        } else if (aStart === i && bStart === j) {
          // Contiguous with the current range: extend it backwards.
          aStart--;
          bStart--;
        } else {
          emit = true;
        }
        if (aStart === 0 || bStart === 0) emit = true;
        idx--; i--; j--;
      } else {
        const up = table[(i - 1) * width + j]!;
        const left = table[i * width + j - 1]!;
        if (up > left) i--;
        else j--;
        if (aStart !== alen) emit = true;
      }
      if (emit) {
        const matchLen = aEnd - aStart + 1;
        if (getIdx && (minMatchLen === 0 || matchLen >= minMatchLen)) {
          matches.push([aStart, aEnd, bStart, bEnd, matchLen]);
        }
        aStart = alen;
      }
    }

    const reply = ctx.reply;
    if (getIdx) {
      reply.map(2);
      reply.bulk('matches');
      reply.array(matches.length);
      for (const m of matches) {
        reply.array(withMatchLen ? 3 : 2);
        reply.array(2);
        reply.integer(m[0]);
        reply.integer(m[1]);
        reply.array(2);
        reply.integer(m[2]);
        reply.integer(m[3]);
        if (withMatchLen) reply.integer(m[4]);
      }
      reply.bulk('len');
      reply.integer(total);
      return;
    }
    let text = '';
    for (let k = 0; k < chars.length; k += 8192) {
      text += String.fromCharCode(...chars.slice(k, k + 8192));
    }
    reply.bulk(text);
  },
});
