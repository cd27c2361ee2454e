// Renders the command table as COMMAND INFO and COMMAND DOCS reply it, in
// Redis 7.0's exact shapes (addReplyCommandInfo / addReplyCommandDocs):
// sets for flags, categories, tips and key specs; maps for key specs and docs.

import type { ReplyWriter } from '../../protocol/reply-writer.js';
import type { RegisteredCommand } from '../registry.js';
import type { ArgSpec, KeySpec } from '../spec.js';

/** One COMMAND INFO entry: the 10-element array Redis 7.0 sends. */
export function replyCommandInfo(reply: ReplyWriter, cmd: RegisteredCommand): void {
  const spec = cmd.spec;
  reply.array(10);
  reply.bulk(cmd.fullName);
  reply.integer(spec.arity);
  const flags = cmd.flagNames();
  reply.set(flags.length);
  for (const f of flags) reply.simple(f);
  reply.integer(cmd.firstKey);
  reply.integer(cmd.lastKey);
  reply.integer(cmd.keyStep);
  reply.set(cmd.aclCategories.length);
  for (const c of cmd.aclCategories) reply.simple('@' + c);
  const tips = spec.tips ?? [];
  reply.set(tips.length);
  for (const t of tips) reply.bulk(t);
  const keys = spec.keys ?? [];
  reply.set(keys.length);
  for (const ks of keys) replyKeySpec(reply, ks);
  // As Redis's addReplyCommandSubCommands: an empty set, or an array.
  if (cmd.subcommands === null) {
    reply.set(0);
  } else {
    reply.array(cmd.subcommands.size);
    for (const sub of cmd.subcommands.values()) replyCommandInfo(reply, sub);
  }
}

function replyKeySpec(reply: ReplyWriter, ks: KeySpec): void {
  reply.map(ks.notes !== undefined ? 4 : 3);
  if (ks.notes !== undefined) {
    reply.bulk('notes');
    reply.bulk(ks.notes);
  }
  reply.bulk('flags');
  reply.set(ks.flags.length);
  for (const f of ks.flags) reply.simple(f);
  reply.bulk('begin_search');
  reply.map(2);
  reply.bulk('type');
  if ('index' in ks.begin) {
    reply.bulk('index');
    reply.bulk('spec');
    reply.map(1);
    reply.bulk('index');
    reply.integer(ks.begin.index);
  } else if ('unknown' in ks.begin) {
    reply.bulk('unknown');
    reply.bulk('spec');
    reply.map(0);
  } else {
    reply.bulk('keyword');
    reply.bulk('spec');
    reply.map(2);
    reply.bulk('keyword');
    reply.bulk(ks.begin.keyword);
    reply.bulk('startfrom');
    reply.integer(ks.begin.startFrom);
  }
  reply.bulk('find_keys');
  reply.map(2);
  reply.bulk('type');
  const find = ks.find;
  if ('range' in find) {
    reply.bulk('range');
    reply.bulk('spec');
    reply.map(3);
    reply.bulk('lastkey');
    reply.integer(find.range.lastKey);
    reply.bulk('keystep');
    reply.integer(find.range.step);
    reply.bulk('limit');
    reply.integer(find.range.limit);
  } else if ('keynum' in find) {
    reply.bulk('keynum');
    reply.bulk('spec');
    reply.map(3);
    reply.bulk('keynumidx');
    reply.integer(find.keynum.keynumIdx);
    reply.bulk('firstkey');
    reply.integer(find.keynum.firstKey);
    reply.bulk('keystep');
    reply.integer(find.keynum.step);
  } else {
    reply.bulk('unknown');
    reply.bulk('spec');
    reply.map(0);
  }
}

/** One COMMAND DOCS value: the docs map of `cmd` (the caller writes the name). */
export function replyCommandDocs(reply: ReplyWriter, cmd: RegisteredCommand): void {
  const d = cmd.spec.docs;
  let fields = 3;
  if (d.complexity !== undefined) fields++;
  if (d.docFlags !== undefined && d.docFlags.length > 0) fields++;
  if (d.deprecatedSince !== undefined) fields++;
  if (d.replacedBy !== undefined) fields++;
  if (d.history !== undefined && d.history.length > 0) fields++;
  if (d.arguments !== undefined && d.arguments.length > 0) fields++;
  if (cmd.subcommands !== null) fields++;
  reply.map(fields);
  reply.bulk('summary');
  reply.bulk(d.summary);
  reply.bulk('since');
  reply.bulk(d.since);
  reply.bulk('group');
  reply.bulk(d.group);
  if (d.complexity !== undefined) {
    reply.bulk('complexity');
    reply.bulk(d.complexity);
  }
  if (d.docFlags !== undefined && d.docFlags.length > 0) {
    reply.bulk('doc_flags');
    reply.set(d.docFlags.length);
    for (const f of d.docFlags) reply.simple(f);
  }
  if (d.deprecatedSince !== undefined) {
    reply.bulk('deprecated_since');
    reply.bulk(d.deprecatedSince);
  }
  if (d.replacedBy !== undefined) {
    reply.bulk('replaced_by');
    reply.bulk(d.replacedBy);
  }
  if (d.history !== undefined && d.history.length > 0) {
    reply.bulk('history');
    reply.set(d.history.length);
    for (const [version, text] of d.history) reply.bulkArray([version, text]);
  }
  if (d.arguments !== undefined && d.arguments.length > 0) {
    reply.bulk('arguments');
    replyArgs(reply, d.arguments);
  }
  if (cmd.subcommands !== null) {
    reply.bulk('subcommands');
    reply.map(cmd.subcommands.size);
    for (const sub of cmd.subcommands.values()) {
      reply.bulk(sub.fullName);
      replyCommandDocs(reply, sub);
    }
  }
}

function replyArgs(reply: ReplyWriter, args: readonly ArgSpec[]): void {
  reply.array(args.length);
  for (const a of args) {
    let fields = 2;
    if (a.displayText !== undefined) fields++;
    if (a.keySpecIndex !== undefined) fields++;
    if (a.token !== undefined) fields++;
    if (a.summary !== undefined) fields++;
    if (a.since !== undefined) fields++;
    if (a.flags !== undefined && a.flags.length > 0) fields++;
    if (a.deprecatedSince !== undefined) fields++;
    if (a.arguments !== undefined) fields++;
    reply.map(fields);
    reply.bulk('name');
    reply.bulk(a.name);
    reply.bulk('type');
    reply.bulk(a.type);
    if (a.displayText !== undefined) {
      reply.bulk('display_text');
      reply.bulk(a.displayText);
    }
    if (a.keySpecIndex !== undefined) {
      reply.bulk('key_spec_index');
      reply.integer(a.keySpecIndex);
    }
    if (a.token !== undefined) {
      reply.bulk('token');
      reply.bulk(a.token);
    }
    if (a.summary !== undefined) {
      reply.bulk('summary');
      reply.bulk(a.summary);
    }
    if (a.since !== undefined) {
      reply.bulk('since');
      reply.bulk(a.since);
    }
    if (a.flags !== undefined && a.flags.length > 0) {
      reply.bulk('flags');
      reply.set(a.flags.length);
      for (const f of a.flags) reply.simple(f);
    }
    if (a.deprecatedSince !== undefined) {
      reply.bulk('deprecated_since');
      reply.bulk(a.deprecatedSince);
    }
    if (a.arguments !== undefined) {
      reply.bulk('arguments');
      replyArgs(reply, a.arguments);
    }
  }
}
