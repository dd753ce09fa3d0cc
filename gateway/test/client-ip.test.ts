import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIpResolver } from '../src/client-ip.js';

const request = (peer: string, forwarded?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
  }) as unknown as IncomingMessage;

describe('client address', () => {
  it('believes X-Forwarded-For only from the local proxy, taking its nearest entry', () => {
    const clientIp = clientIpResolver();
    expect(clientIp(request('127.0.0.1', '10.0.0.1, 203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIp(request('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9');
    expect(clientIp(request('::1'))).toBe('::1');
  });

  it('looks past a configured load balancer, and only past it', () => {
    const clientIp = clientIpResolver(['10.0.0.0/8']);
    // browser → load balancer (10.0.0.5) → shell (this machine) → gateway
    expect(clientIp(request('127.0.0.1', '203.0.113.7, 10.0.0.5'))).toBe('203.0.113.7');
    // A forged entry before the real client stays behind it.
    expect(clientIp(request('127.0.0.1', '192.0.2.1, 203.0.113.7, 10.0.0.5'))).toBe('203.0.113.7');
    expect(clientIp(request('10.0.0.5', '203.0.113.7'))).toBe('203.0.113.7');
    expect(clientIp(request('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9');
  });
});
