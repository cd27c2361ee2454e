// Key extraction for COMMAND GETKEYS / GETKEYSANDFLAGS, following Redis 7.0's
// getKeysUsingKeySpecs: out-of-range or malformed specs make the whole
// extraction invalid (null) instead of returning a partial list.

import { parseInt64 } from '../../util/int64.js';
import type { RegisteredCommand } from '../registry.js';
import type { Argv, KeySpecFlag } from '../spec.js';

export interface FoundKey {
  pos: number;
  flags: readonly KeySpecFlag[];
}

/** Keys of `argv` (argv[0] is the command name), or null when the arguments are invalid for the specs. */
export function keysWithFlags(cmd: RegisteredCommand, argv: Argv): FoundKey[] | null {
  const spec = cmd.spec;
  if (spec.getKeys !== undefined) {
    // A hand-written extractor: flags come from the first key spec, as the best we know.
    const flags = spec.keys?.[0]?.flags ?? [];
    return spec.getKeys(argv).map((pos) => ({ pos, flags }));
  }
  const argc = argv.length;
  const out: FoundKey[] = [];
  for (const ks of spec.keys ?? []) {
    if (ks.flags.includes('not_key')) continue;
    let first = 0;
    // As getKeysUsingKeySpecs: specs Redis cannot follow (unknown begin or find) are skipped.
    if ('unknown' in ks.begin) continue;
    if ('index' in ks.begin) {
      first = ks.begin.index;
    } else {
      const { keyword, startFrom } = ks.begin;
      const start = startFrom > 0 ? startFrom : argc + startFrom;
      const end = startFrom > 0 ? argc - 1 : 0;
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (argv[i]!.toLowerCase() === keyword.toLowerCase()) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue;
    }
    let last: number;
    let step: number;
    const find = ks.find;
    if ('range' in find) {
      step = find.range.step;
      if (find.range.lastKey >= 0) last = first + find.range.lastKey;
      else if (find.range.limit === 0) last = argc + find.range.lastKey;
      else last = first + (Math.trunc((argc - first) / find.range.limit) + find.range.lastKey);
    } else if ('keynum' in find) {
      step = find.keynum.step;
      if (first + find.keynum.keynumIdx >= argc) return null;
      const n = parseInt64(argv[first + find.keynum.keynumIdx]!);
      if (n === null || n < 0) return null;
      first += find.keynum.firstKey;
      last = first + n - 1;
    } else {
      continue;
    }
    if (last >= argc || last < first || first >= argc) return null;
    for (let i = first; i <= last; i += step) out.push({ pos: i, flags: ks.flags });
  }
  return out;
}
