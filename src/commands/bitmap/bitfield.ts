// BITFIELD and BITFIELD_RO, as Redis 7.0's bitfieldGeneric: every operation is
// parsed and validated first, then run in order on the string edited in place.

import { BITFIELD_OVERFLOW, BITFIELD_RO_GET_ONLY, SYNTAX, WRONGTYPE } from '../../errors.js';
import { ByteString } from '../../types/value.js';
import type { CommandContext } from '../context.js';
import { longLongArg } from '../args.js';
import { defineCommand } from '../spec.js';
import { optionWord } from '../string/common.js';
import {
  checkSignedOverflow, checkUnsignedOverflow, getSignedBitfield, getUnsignedBitfield, OVERFLOW_FAIL, OVERFLOW_SAT,
  OVERFLOW_WRAP, parseBitfieldType, parseBitOffset, setBitfield, stringForBitWrite, type ByteSource,
} from './common.js';

const OP_GET = 0;
const OP_SET = 1;
const OP_INCRBY = 2;

interface BitfieldOp {
  opcode: number;
  offset: number;
  bits: number;
  signed: boolean;
  /** SET value or INCRBY increment. */
  value: bigint;
  owtype: number;
}

function bitfieldGeneric(ctx: CommandContext, argv: readonly string[], readonlyCommand: boolean): void {
  const ops: BitfieldOp[] = [];
  let owtype = OVERFLOW_WRAP;
  let readonly = true;
  let highestWrite = 0;
  for (let j = 2; j < argv.length; j++) {
    const remargs = argv.length - j - 1;
    const sub = optionWord(argv[j]!);
    let opcode: number;
    if (sub === 'get' && remargs >= 2) opcode = OP_GET;
    else if (sub === 'set' && remargs >= 3) opcode = OP_SET;
    else if (sub === 'incrby' && remargs >= 3) opcode = OP_INCRBY;
    else if (sub === 'overflow' && remargs >= 1) {
      const t = optionWord(argv[++j]!);
      if (t === 'wrap') owtype = OVERFLOW_WRAP;
      else if (t === 'sat') owtype = OVERFLOW_SAT;
      else if (t === 'fail') owtype = OVERFLOW_FAIL;
      else throw BITFIELD_OVERFLOW;
      continue;
    } else {
      throw SYNTAX;
    }
    const { signed, bits } = parseBitfieldType(argv[j + 1]!);
    const offset = parseBitOffset(ctx, argv[j + 2]!, bits);
    let value = 0n;
    if (opcode !== OP_GET) {
      readonly = false;
      if (highestWrite < offset + bits - 1) highestWrite = offset + bits - 1;
      value = longLongArg(argv[j + 3]!);
    }
    ops.push({ opcode, offset, bits, signed, value, owtype });
    j += opcode === OP_GET ? 2 : 3;
  }

  const key = argv[1]!;
  const reply = ctx.reply;
  if (readonly) {
    const v = ctx.db.lookupRead(key);
    let at: ByteSource;
    if (v === undefined) at = () => 0;
    else if (typeof v === 'string') at = (i) => (i < v.length ? v.charCodeAt(i) : 0);
    else if (v instanceof ByteString) at = (i) => (i < v.len ? v.buf[i]! : 0);
    else throw WRONGTYPE;
    reply.array(ops.length);
    for (const op of ops) {
      reply.integer(op.signed ? getSignedBitfield(at, op.offset, op.bits) : getUnsignedBitfield(at, op.offset, op.bits));
    }
    return;
  }
  if (readonlyCommand) throw BITFIELD_RO_GET_ONLY;

  // Edited in place: the value now holds every byte a write touches.
  const bs = stringForBitWrite(ctx, key, highestWrite);
  const buf = bs.buf;
  const len = bs.len;
  const at: ByteSource = (i) => (i < len ? buf[i]! : 0);
  let changes = 0;
  reply.array(ops.length);
  for (const op of ops) {
    if (op.opcode === OP_GET) {
      reply.integer(op.signed ? getSignedBitfield(at, op.offset, op.bits) : getUnsignedBitfield(at, op.offset, op.bits));
      continue;
    }
    changes++;
    let oldval: bigint;
    let newval: bigint;
    let retval: bigint;
    let overflow: number;
    if (op.signed) {
      oldval = getSignedBitfield(at, op.offset, op.bits);
      if (op.opcode === OP_INCRBY) {
        const [o, wrapped] = checkSignedOverflow(oldval, op.value, op.bits, op.owtype);
        overflow = o;
        newval = o ? wrapped : BigInt.asIntN(64, oldval + op.value);
        retval = newval;
      } else {
        const [o, wrapped] = checkSignedOverflow(op.value, 0n, op.bits, op.owtype);
        overflow = o;
        newval = o ? wrapped : op.value;
        retval = oldval;
      }
    } else {
      oldval = getUnsignedBitfield(at, op.offset, op.bits);
      if (op.opcode === OP_INCRBY) {
        const [o, wrapped] = checkUnsignedOverflow(oldval, op.value, op.bits, op.owtype);
        overflow = o;
        newval = o ? wrapped : BigInt.asUintN(64, oldval + op.value);
        retval = newval;
      } else {
        const set = BigInt.asUintN(64, op.value);
        const [o, wrapped] = checkUnsignedOverflow(set, 0n, op.bits, op.owtype);
        overflow = o;
        newval = o ? wrapped : set;
        retval = oldval;
      }
    }
    // OVERFLOW FAIL: nothing written, a null in the reply.
    if (overflow !== 0 && op.owtype === OVERFLOW_FAIL) {
      reply.null();
    } else {
      reply.integer(retval);
      setBitfield(buf, op.offset, op.bits, newval);
    }
  }
  if (changes) {
    ctx.modified(key, 'setbit', '$');
    ctx.keyspace.dirty += changes - 1;
  }
}

export const bitfield = defineCommand({
  name: 'bitfield',
  arity: -2,
  flags: ['write', 'denyoom'],
  acl: ['bitmap'],
  keys: [{ notes: 'This command allows both access and modification of the key', flags: ['RW', 'access', 'update', 'variable_flags'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Perform arbitrary bitfield integer operations on strings',
    since: '3.2.0',
    group: 'bitmap',
    complexity: 'O(1) for each subcommand specified',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'operation', type: 'oneof', flags: ['optional', 'multiple'], arguments: [
        { name: 'encoding_offset', type: 'block', token: 'GET', arguments: [
          { name: 'encoding', type: 'string' },
          { name: 'offset', type: 'integer' },
        ] },
        { name: 'write', type: 'block', arguments: [
          { name: 'wrap_sat_fail', type: 'oneof', token: 'OVERFLOW', flags: ['optional'], arguments: [
            { name: 'wrap', type: 'pure-token', token: 'WRAP' },
            { name: 'sat', type: 'pure-token', token: 'SAT' },
            { name: 'fail', type: 'pure-token', token: 'FAIL' },
          ] },
          { name: 'write_operation', type: 'oneof', arguments: [
            { name: 'encoding_offset_value', type: 'block', token: 'SET', arguments: [
              { name: 'encoding', type: 'string' },
              { name: 'offset', type: 'integer' },
              { name: 'value', type: 'integer' },
            ] },
            { name: 'encoding_offset_increment', type: 'block', token: 'INCRBY', arguments: [
              { name: 'encoding', type: 'string' },
              { name: 'offset', type: 'integer' },
              { name: 'increment', type: 'integer' },
            ] },
          ] },
        ] },
      ] },
    ],
  },
  run(ctx, argv) {
    bitfieldGeneric(ctx, argv, false);
  },
});

export const bitfieldRo = defineCommand({
  name: 'bitfield_ro',
  arity: -2,
  flags: ['readonly', 'fast'],
  acl: ['bitmap'],
  keys: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: { lastKey: 0, step: 1, limit: 0 } } }],
  docs: {
    summary: 'Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD',
    since: '6.0.0',
    group: 'bitmap',
    complexity: 'O(1) for each subcommand specified',
    arguments: [
      { name: 'key', type: 'key', keySpecIndex: 0 },
      { name: 'encoding_offset', type: 'block', token: 'GET', flags: ['optional', 'multiple', 'multiple_token'], arguments: [
        { name: 'encoding', type: 'string' },
        { name: 'offset', type: 'integer' },
      ] },
    ],
  },
  run(ctx, argv) {
    bitfieldGeneric(ctx, argv, true);
  },
});
