import { conformanceSuite } from './harness.js';

conformanceSuite('connection commands', [
  { name: 'PING without and with a message', steps: [['PING'], ['PING', 'hello'], ['ping', ''], ['PING', 'a', 'b']] },
  { name: 'ECHO is binary safe', steps: [['ECHO', 'x\r\ny\x00\xff'], ['ECHO'], ['ECHO', 'a', 'b']] },
  { name: 'unknown commands are reported with their arguments', steps: [
    ['NOSUCHCOMMAND'], ['nosuch', 'a', 'b c'], ['foo', 'x'.repeat(200)], ['foo', ...Array.from({ length: 20 }, (_, i) => `arg${i}xxxxxxxxx`)],
  ] },
]);
