import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIpOf } from '../src/client-ip.js';

const request = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  }) as unknown as IncomingMessage;

describe('client address', () => {
  it('believes X-Forwarded-For only from the local proxy, taking its nearest entry', () => {
    expect(clientIpOf(request('127.0.0.1', '10.0.0.1, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIpOf(request('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9');
    expect(clientIpOf(request('::1'))).toBe('::1');
  });
});
