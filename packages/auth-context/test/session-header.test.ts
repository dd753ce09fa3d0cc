import { describe, expect, it } from 'vitest';
import { formatSessionHeader, parseSessionHeader } from '../src/index.js';

describe('session handover header', () => {
  it('round-trips a new session and a sign-out', () => {
    const expiresAt = new Date('2026-11-25T12:00:00.000Z');
    const header = formatSessionHeader({ action: 'set', token: 'tok_abc', expiresAt });
    expect(header).toBe('set tok_abc 2026-11-25T12:00:00.000Z');
    expect(parseSessionHeader(header)).toEqual({ action: 'set', token: 'tok_abc', expiresAt });
    expect(parseSessionHeader(formatSessionHeader({ action: 'clear' }))).toEqual({
      action: 'clear',
    });
  });

  it('reads anything incomplete as a sign-out, never a sign-in', () => {
    expect(parseSessionHeader('set tok_abc')).toEqual({ action: 'clear' });
    expect(parseSessionHeader('set tok_abc not-a-date')).toEqual({ action: 'clear' });
    expect(parseSessionHeader('garbage')).toEqual({ action: 'clear' });
  });
});
