// MULTI/EXEC/DISCARD/WATCH/UNWATCH side by side with redis-server, RESP2 and
// RESP3: queueing, queue-time and run-time errors, nesting, EXECABORT,
// and WATCH invalidation by the same client, by SET/DEL/EXPIRE/FLUSH/SWAPDB.
// Multi-connection races and expiry: transactions-races.test.ts.

import { conformanceSuite, type Case } from './harness.js';

/** DUMP of the string "v" from redis-server 7.0 (RDB version 10). */
const DUMP_OF_V = '\x00\x01v\n\x00\x91\x08\xce\xb2\x198\x8a\xce';

const cases: Case[] = [
  { name: 'MULTI queues commands and EXEC replies with their replies', steps: [
    ['MULTI'], ['SET', 'tx:a', '1'], ['INCR', 'tx:a'], ['GET', 'tx:a'], ['PING'], ['ECHO', 'x'], ['EXEC'], ['GET', 'tx:a'],
  ] },
  { name: 'an empty transaction replies an empty array', steps: [['MULTI'], ['EXEC'], ['MULTI'], ['DISCARD'], ['EXEC']] },
  { name: 'MULTI cannot be nested, and the error does not abort the transaction', steps: [
    ['MULTI'], ['MULTI'], ['SET', 'tx:n', 'v'], ['MULTI'], ['EXEC'], ['GET', 'tx:n'],
  ] },
  { name: 'EXEC and DISCARD without MULTI', steps: [['EXEC'], ['DISCARD'], ['exec'], ['discard']] },
  { name: 'arity of the transaction commands outside MULTI', steps: [
    ['MULTI', 'x'], ['DISCARD', 'x'], ['WATCH'], ['UNWATCH', 'x'], ['EXEC', 'x'], ['exec', 'a', 'b'],
  ] },
  { name: 'EXEC with wrong arity aborts the transaction with its reason', steps: [
    ['MULTI'], ['SET', 'tx:e', '1'], ['EXEC', 'x'], ['EXEC'], ['GET', 'tx:e'],
  ] },
  { name: 'DISCARD with wrong arity inside MULTI makes EXEC fail', steps: [
    ['MULTI'], ['DISCARD', 'x'], ['SET', 'tx:d', '1'], ['EXEC'], ['GET', 'tx:d'],
  ] },
  { name: 'an unknown command while queueing makes EXEC fail with EXECABORT', steps: [
    ['MULTI'], ['SET', 'tx:u', '1'], ['NOSUCHCOMMAND', 'a'], ['SET', 'tx:u', '2'], ['EXEC'], ['GET', 'tx:u'], ['EXEC'],
  ] },
  { name: 'a wrong arity while queueing makes EXEC fail', steps: [
    ['MULTI'], ['SET', 'tx:w'], ['GET'], ['INCR', 'tx:w'], ['EXEC'], ['GET', 'tx:w'],
  ] },
  { name: 'an unknown subcommand while queueing makes EXEC fail', steps: [
    ['MULTI'], ['CLIENT', 'NOSUCH'], ['CONFIG', 'FOO', 'bar'], ['EXEC'],
  ] },
  { name: 'errors at run time do not abort the other commands', steps: [
    ['SET', 'tx:r', 'abc'], ['MULTI'], ['INCR', 'tx:r'], ['SET', 'tx:r2', 'x'], ['INCRBYFLOAT', 'tx:r', '1'],
    ['SET', 'tx:r3', 'v', 'EX', '-1'], ['GET', 'tx:r2'], ['APPEND', 'tx:r', 'd'], ['EXEC'], ['GET', 'tx:r'], ['MGET', 'tx:r2', 'tx:r3'],
  ] },
  { name: 'commands flagged no-multi are refused inside MULTI', steps: [
    ['MULTI'], ['SHUTDOWN'], ['SHUTDOWN', 'NOSAVE', 'ABORT'], ['PING'], ['EXEC'],
  ] },
  { name: 'WATCH is refused inside MULTI without aborting', steps: [
    ['MULTI'], ['WATCH', 'tx:k'], ['SET', 'tx:k', '1'], ['EXEC'], ['GET', 'tx:k'],
  ] },
  { name: 'UNWATCH inside MULTI is queued', steps: [['MULTI'], ['UNWATCH'], ['UNWATCH'], ['EXEC']] },
  { name: 'RESET inside MULTI discards the transaction', steps: [
    ['MULTI'], ['SET', 'tx:reset', '1'], ['RESET'], ['EXEC'], ['GET', 'tx:reset'],
  ] },
  { name: 'SELECT inside a transaction changes the database for the following commands', steps: [
    ['MULTI'], ['SELECT', '5'], ['SET', 'tx:sel', 'in5'], ['SELECT', '0'], ['GET', 'tx:sel'], ['EXEC'],
    ['GET', 'tx:sel'], ['SELECT', '5'], ['GET', 'tx:sel'], ['SELECT', '0'],
  ] },
  { name: 'EXEC fails when a WATCHed key was modified by the same client', steps: [
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['SET', 'tx:x', '40'], ['MULTI'], ['PING'], ['EXEC'], ['GET', 'tx:x'],
  ] },
  { name: 'EXEC fails when one of several WATCHed keys was modified', steps: [
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:a', 'tx:b', 'tx:x', 'tx:k', 'tx:z'], ['SET', 'tx:x', '40'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'EXEC works on WATCHed keys not modified, and they are no longer watched after it', steps: [
    ['WATCH', 'tx:x', 'tx:y', 'tx:z'], ['WATCH', 'tx:k'], ['MULTI'], ['PING'], ['EXEC'],
    ['SET', 'tx:x', '1'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'EXEC fails when a WATCHed missing key is created', steps: [
    ['WATCH', 'tx:new'], ['SET', 'tx:new', '1'], ['MULTI'], ['GET', 'tx:new'], ['EXEC'],
  ] },
  { name: 'deleting a missing WATCHed key does not touch it', steps: [
    ['WATCH', 'tx:missing'], ['DEL', 'tx:missing'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'UNWATCH forgets WATCHed keys and a modification already seen', steps: [
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['SET', 'tx:x', '40'], ['UNWATCH'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:x'], ['UNWATCH'], ['SET', 'tx:x', '1'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'DISCARD clears the WATCH dirty flag and unwatches the keys', steps: [
    ['WATCH', 'tx:x'], ['SET', 'tx:x', '10'], ['MULTI'], ['DISCARD'], ['MULTI'], ['INCR', 'tx:x'], ['EXEC'],
    ['WATCH', 'tx:x'], ['SET', 'tx:x', '10'], ['MULTI'], ['DISCARD'], ['SET', 'tx:x', '10'], ['MULTI'], ['INCR', 'tx:x'], ['EXEC'],
  ] },
  { name: 'WATCH after a touch changes nothing', steps: [
    ['WATCH', 'tx:x'], ['SET', 'tx:x', '1'], ['WATCH', 'tx:y'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'WATCH remembers the database of the key', steps: [
    ['SELECT', '5'], ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['SELECT', '1'], ['SET', 'tx:x', '10'], ['SELECT', '5'],
    ['MULTI'], ['PING'], ['EXEC'], ['SELECT', '0'],
  ] },
  { name: 'WATCHed keys are touched by EXPIRE, PERSIST, DEL, RENAME, APPEND and GETDEL', steps: [
    ['SET', 'tx:x', 'foo'], ['WATCH', 'tx:x'], ['EXPIRE', 'tx:x', '100'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:x'], ['PERSIST', 'tx:x'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:x'], ['PERSIST', 'tx:x'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:x'], ['APPEND', 'tx:x', 'bar'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:y'], ['RENAME', 'tx:x', 'tx:y'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:y'], ['GETDEL', 'tx:y'], ['MULTI'], ['PING'], ['EXEC'],
    ['SET', 'tx:x', '1'], ['WATCH', 'tx:x'], ['DEL', 'tx:x'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'WATCHed keys are touched by MOVE (both databases), COPY and RESTORE targets', steps: [
    ['SET', 'tx:m', 'v'], ['WATCH', 'tx:m'], ['MOVE', 'tx:m', '7'], ['MULTI'], ['PING'], ['EXEC'],
    ['SELECT', '7'], ['WATCH', 'tx:m'], ['SELECT', '0'], ['SET', 'tx:m', 'v'], ['MOVE', 'tx:m', '7'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:c2'], ['SET', 'tx:c', 'v'], ['COPY', 'tx:c', 'tx:c2'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:c2'], ['COPY', 'tx:c', 'tx:c2'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:r'], ['RESTORE', 'tx:r', '0', DUMP_OF_V], ['MULTI'], ['GET', 'tx:r'], ['EXEC'],
    ['SELECT', '7'], ['FLUSHDB'], ['SELECT', '0'],
  ] },
  { name: 'blocking commands inside a transaction do not block', steps: [
    ['MULTI'], ['BLPOP', 'tx:nolist', '0'], ['BRPOP', 'tx:nolist', '10'], ['BLMOVE', 'tx:nolist', 'tx:dst', 'LEFT', 'RIGHT', '0'],
    ['RPUSH', 'tx:list', 'a'], ['BLPOP', 'tx:list', '0'], ['EXEC'],
  ] },
  { name: 'a write that changes nothing does not touch the WATCH', steps: [
    ['SET', 'tx:x', 'v'], ['WATCH', 'tx:x', 'tx:none'], ['SET', 'tx:x', 'w', 'NX'], ['DEL', 'tx:none'], ['PERSIST', 'tx:x'],
    ['EXPIRE', 'tx:none', '10'], ['SETRANGE', 'tx:none', '0', ''], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'FLUSHALL and FLUSHDB touch WATCHed keys that exist', steps: [
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['FLUSHALL'], ['MULTI'], ['PING'], ['EXEC'],
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['FLUSHDB'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'FLUSHALL and FLUSHDB do not touch WATCHed keys that do not exist', steps: [
    ['FLUSHALL'], ['WATCH', 'tx:x'], ['FLUSHALL'], ['MULTI'], ['PING'], ['EXEC'],
    ['WATCH', 'tx:x'], ['FLUSHDB'], ['MULTI'], ['PING'], ['EXEC'],
    ['SELECT', '2'], ['SET', 'tx:x', '1'], ['SELECT', '0'], ['WATCH', 'tx:x'], ['SELECT', '2'], ['FLUSHDB'], ['SELECT', '0'],
    ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'SWAPDB touches WATCHed keys existing on either side', steps: [
    ['SET', 'tx:x', '30'], ['WATCH', 'tx:x'], ['SWAPDB', '0', '1'], ['MULTI'], ['PING'], ['EXEC'], ['SWAPDB', '0', '1'],
    ['SELECT', '1'], ['SET', 'tx:y', '1'], ['SELECT', '0'], ['WATCH', 'tx:y'], ['SWAPDB', '0', '1'], ['MULTI'], ['PING'], ['EXEC'],
    ['FLUSHALL'], ['WATCH', 'tx:z'], ['SWAPDB', '0', '1'], ['MULTI'], ['PING'], ['EXEC'],
    ['SET', 'tx:w', '1'], ['WATCH', 'tx:w'], ['SWAPDB', '0', '0'], ['MULTI'], ['PING'], ['EXEC'],
  ] },
  { name: 'EXEC inside a transaction with WATCH touched by a queued command', steps: [
    ['WATCH', 'tx:x'], ['MULTI'], ['SET', 'tx:x', '1'], ['EXEC'], ['GET', 'tx:x'],
  ] },
  { name: 'EXEC propagates blocking-free results and keeps the client usable', steps: [
    ['MULTI'], ['SET', 'tx:b', 'v', 'GET'], ['GETDEL', 'tx:b'], ['GETEX', 'tx:b'], ['EXEC'], ['PING'],
  ] },
];

conformanceSuite('transactions', cases);
