// Connection group side by side with redis-server, RESP2 and RESP3: PING,
// ECHO, SELECT, AUTH (no requirepass), HELLO errors, RESET, MONITOR and
// QUIT arity, and every CLIENT subcommand's arguments and errors.
// HELLO replies and CLIENT LIST lines: connection-hello.test.ts.

import { conformanceSuite, type Step } from './harness.js';

const typeOnly = (...cmd: string[]): Step => ({ cmd, relax: 'type' });

conformanceSuite('connection commands', [
  { name: 'PING without and with a message', steps: [['PING'], ['PING', 'hello'], ['ping', ''], ['PING', 'a', 'b']] },
  { name: 'ECHO is binary safe', steps: [['ECHO', 'x\r\ny\x00\xff'], ['ECHO'], ['ECHO', 'a', 'b']] },
  { name: 'unknown commands are reported with their arguments', steps: [
    ['NOSUCHCOMMAND'], ['nosuch', 'a', 'b c'], ['foo', 'x'.repeat(200)], ['foo', ...Array.from({ length: 20 }, (_, i) => `arg${i}xxxxxxxxx`)],
  ] },
  { name: 'SELECT switches the database of this connection', steps: [
    // Keys unique to this case: they hold the same values under RESP2 and RESP3.
    ['SELECT', '3'], ['SET', 'select:k', 'v3'], ['SELECT', '0'], ['GET', 'select:k'],
    ['select', '3'], ['GET', 'select:k'], ['SELECT', '15'], ['GET', 'select:k'],
  ] },
  { name: 'SELECT rejects bad indexes with Redis texts', steps: [
    ['SELECT', '16'], ['SELECT', '-1'], ['SELECT', 'abc'], ['SELECT', '1.5'], ['SELECT', '01'], ['SELECT', '+1'],
    ['SELECT', ' 1'], ['SELECT', ''], ['SELECT', '2147483647'], ['SELECT', '2147483648'], ['SELECT', '-2147483649'],
    ['SELECT', '99999999999'], ['SELECT', '9223372036854775807'], ['SELECT', '9223372036854775808'],
    ['SELECT'], ['SELECT', '1', '2'],
  ] },
  { name: 'AUTH without requirepass', steps: [
    ['AUTH', 'x'], ['AUTH', 'default', 'x'], ['AUTH', 'default', ''], ['AUTH', 'foo', 'x'], ['AUTH', 'a', 'b', 'c'],
    ['AUTH'], ['auth', 'DEFAULT', 'x'], ['PING'],
  ] },
  { name: 'HELLO argument errors', steps: [
    ['HELLO', '1'], ['HELLO', '4'], ['HELLO', '-1'], ['HELLO', '0'], ['HELLO', 'abc'], ['HELLO', '3.0'], ['HELLO', '03'],
    ['HELLO', '9223372036854775808'], ['HELLO', '3', 'foo'], ['HELLO', '3', 'auth', 'a'], ['HELLO', '3', 'AUTH', 'foo', 'x'],
    ['HELLO', '2', 'SETNAME'], ['HELLO', '3', 'SETNAME', 'a b'], ['HELLO', '2', 'setname', 'x\xff'],
    ['HELLO', '4', 'AUTH', 'a', 'b'], ['HELLO', '3', 'AUTH', 'default', 'x', 'SETNAME', 'bad name'], ['CLIENT', 'GETNAME'],
  ] },
  { name: 'CLIENT container and HELP', steps: [
    ['CLIENT'], ['CLIENT', 'foo'], ['CLIENT', 'HELP'], ['client', 'help'], ['CLIENT', 'HELP', 'x'],
    ['CLIENT', 'x'.repeat(200)], ['CLIENT', 'SETINFO', 'LIB-NAME', 'x'], ['CLIENT', 'NO-TOUCH', 'ON'],
  ] },
  { name: 'CLIENT ID, GETNAME and SETNAME', steps: [
    typeOnly('CLIENT', 'ID'), ['CLIENT', 'ID', 'x'], ['CLIENT', 'GETNAME'], ['CLIENT', 'GETNAME', 'x'],
    ['CLIENT', 'SETNAME', 'my-name_1!~'], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME', 'a b'], ['CLIENT', 'SETNAME', 'a\nb'],
    ['CLIENT', 'SETNAME', '\x7f'], ['CLIENT', 'SETNAME', '\x00'], ['CLIENT', 'SETNAME', 'caf\xe9'], ['CLIENT', 'GETNAME'],
    ['CLIENT', 'SETNAME', ''], ['CLIENT', 'GETNAME'], ['CLIENT', 'SETNAME'], ['CLIENT', 'SETNAME', 'a', 'b'],
    ['CLIENT', 'INFO', 'x'],
  ] },
  { name: 'CLIENT NO-EVICT', steps: [
    ['CLIENT', 'NO-EVICT', 'on'], ['CLIENT', 'NO-EVICT', 'OFF'], ['CLIENT', 'NO-EVICT', 'maybe'], ['CLIENT', 'NO-EVICT'],
    ['CLIENT', 'NO-EVICT', 'on', 'x'],
  ] },
  { name: 'CLIENT REPLY argument errors and ON', steps: [
    ['CLIENT', 'REPLY', 'foo'], ['CLIENT', 'REPLY'], ['CLIENT', 'REPLY', 'on', 'x'], ['CLIENT', 'REPLY', 'ON'], ['client', 'reply', 'on'],
  ] },
  { name: 'CLIENT PAUSE and UNPAUSE arguments', steps: [
    ['CLIENT', 'PAUSE'], ['CLIENT', 'PAUSE', 'abc'], ['CLIENT', 'PAUSE', '-1'], ['CLIENT', 'PAUSE', '1.5'],
    ['CLIENT', 'PAUSE', '10', 'foo'], ['CLIENT', 'PAUSE', 'abc', 'foo'], ['CLIENT', 'PAUSE', '-1', 'foo'],
    ['CLIENT', 'PAUSE', '10', 'write', 'x'], ['CLIENT', 'PAUSE', '0'], ['CLIENT', 'PAUSE', '0', 'WRITE'], ['CLIENT', 'PAUSE', '0', 'all'],
    ['CLIENT', 'PAUSE', '9223372036854775808'],
    // now + timeout wraps past int64 in Redis, so this pause ends at once
    ['CLIENT', 'PAUSE', '9223372036854775807'], ['PING'], ['SET', 'k', 'v'],
    ['CLIENT', 'UNPAUSE'], ['CLIENT', 'UNPAUSE', 'x'],
  ] },
  { name: 'CLIENT KILL argument errors and no matches', steps: [
    ['CLIENT', 'KILL'], ['CLIENT', 'KILL', '1.2.3.4:5'], ['CLIENT', 'KILL', 'id'], ['CLIENT', 'KILL', 'ID', 'abc'],
    ['CLIENT', 'KILL', 'ID', '0'], ['CLIENT', 'KILL', 'ID', '-1'], ['CLIENT', 'KILL', 'ID', '999999'],
    ['CLIENT', 'KILL', 'TYPE', 'foo'], ['CLIENT', 'KILL', 'TYPE', 'pubsub'], ['CLIENT', 'KILL', 'type', 'MASTER'],
    ['CLIENT', 'KILL', 'TYPE', 'slave'], ['CLIENT', 'KILL', 'TYPE', 'replica', 'SKIPME', 'no'],
    ['CLIENT', 'KILL', 'SKIPME', 'maybe'], ['CLIENT', 'KILL', 'USER', 'nobody'], ['CLIENT', 'KILL', 'USER', 'default', 'ADDR', '1.1.1.1:1'],
    ['CLIENT', 'KILL', 'foo', 'bar'], ['CLIENT', 'KILL', 'ADDR', '1.1.1.1:1', 'LADDR', '2.2.2.2:2'], ['CLIENT', 'KILL', 'MAXAGE', '1'],
    ['CLIENT', 'KILL', 'ID', '999999', 'TYPE'], ['CLIENT', 'KILL', 'TYPE', 'foo', 'ID', 'abc'], ['CLIENT', 'KILL', 'ID', 'abc', 'TYPE', 'foo'],
    ['CLIENT', 'KILL', 'SKIPME', 'yes', 'ID', '999999'],
  ] },
  { name: 'CLIENT LIST argument errors and empty filters', steps: [
    ['CLIENT', 'LIST', 'TYPE', 'foo'], ['CLIENT', 'LIST', 'ID'], ['CLIENT', 'LIST', 'ID', 'abc'], ['CLIENT', 'LIST', 'ID', '0'],
    ['CLIENT', 'LIST', 'foo'], ['CLIENT', 'LIST', 'TYPE', 'normal', 'x'], ['CLIENT', 'LIST', 'ID', '999999', 'abc'],
    ['CLIENT', 'LIST', 'ID', '999998', '-5', '999997'], ['CLIENT', 'LIST', 'TYPE', 'pubsub'], ['CLIENT', 'LIST', 'TYPE', 'MASTER'],
    ['CLIENT', 'LIST', 'type', 'replica'], ['CLIENT', 'LIST', 'TYPE', 'slave'], ['CLIENT', 'LIST', 'TYPE'],
  ] },
  { name: 'RESET restores the connection defaults', steps: [
    ['SELECT', '2'], ['SET', 'reset:k', 'in2'], ['CLIENT', 'SETNAME', 'someone'], ['CLIENT', 'NO-EVICT', 'on'], ['RESET'],
    ['CLIENT', 'GETNAME'], ['GET', 'reset:k'], ['SELECT', '2'], ['GET', 'reset:k'], ['RESET', 'x'], ['reset'],
  ] },
  { name: 'MONITOR and QUIT arity', steps: [['MONITOR', 'x'], ['QUIT', 'extra', 'args']] },
]);
