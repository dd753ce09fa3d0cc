import { describe, expect, it } from 'vitest';
import { clientRequestOf, needsPreflight } from '../src/coprocessor/client-request.js';

describe('the client request rebuilt from the Router’s headers', () => {
  it('keeps the first Authorization when a client sends two, so a second cannot change who calls', () => {
    const { headers } = clientRequestOf(
      { Authorization: ['Bearer sk_test_first'], authorization: ['Bearer sk_test_second'] },
      '127.0.0.1',
    );
    expect(headers.authorization).toBe('Bearer sk_test_first');
  });

  it('joins repeated cookies and forwarding chains as Node does', () => {
    const { headers, socket } = clientRequestOf(
      { cookie: ['a=1', 'b=2'], 'x-forwarded-for': ['203.0.113.9', '10.0.0.1'] },
      '10.0.0.2',
    );
    expect(headers.cookie).toBe('a=1; b=2');
    expect(headers['x-forwarded-for']).toBe('203.0.113.9, 10.0.0.1');
    expect(socket.remoteAddress).toBe('10.0.0.2');
  });

  it.each([
    [{}, true],
    [{ 'content-type': 'text/plain' }, true],
    [{ 'content-type': 'Multipart/Form-Data; boundary=x' }, true],
    [{ 'content-type': 'application/x-www-form-urlencoded' }, true],
    [{ 'content-type': 'text/plain', 'apollo-require-preflight': 'true' }, false],
    [{ 'x-apollo-operation-name': 'Q' }, false],
    [{ 'content-type': 'application/json' }, false],
  ])('asks for a preflight of %o: %s', (headers, expected) => {
    expect(needsPreflight(headers)).toBe(expected);
  });
});
