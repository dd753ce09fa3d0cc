import { describe, expect, it } from 'vitest';
import { checkTin, maskTin } from './tin.rules.js';

const valid = (type: Parameters<typeof checkTin>[0], value: string) => checkTin(type, value).ok;

describe('taxpayer ids', () => {
  it('takes nine digits with or without hyphens and spaces, and keeps the digits', () => {
    expect(checkTin('ssn', '123-45-6789')).toEqual({ ok: true, digits: '123456789' });
    expect(checkTin('ssn', ' 123 45 6789 ')).toEqual({ ok: true, digits: '123456789' });
    expect(checkTin('ein', '12-3456789')).toEqual({ ok: true, digits: '123456789' });
  });

  it('refuses anything but nine digits, and all zeros of every kind', () => {
    for (const type of ['ssn', 'itin', 'ein'] as const) {
      expect(valid(type, '12345678')).toBe(false);
      expect(valid(type, '1234567890')).toBe(false);
      expect(valid(type, '12345678a')).toBe(false);
      expect(valid(type, '')).toBe(false);
      expect(valid(type, '000000000')).toBe(false);
      expect(valid(type, '000-00-0000')).toBe(false);
    }
    expect(checkTin('ssn', '000000000')).toMatchObject({ message: expect.stringMatching(/zeros/) });
  });

  it('refuses SSNs with a 000, 666 or 9xx area, a 00 group or a 0000 serial', () => {
    expect(valid('ssn', '000-12-3456')).toBe(false);
    expect(valid('ssn', '666-12-3456')).toBe(false);
    expect(valid('ssn', '900-12-3456')).toBe(false);
    expect(valid('ssn', '999-12-3456')).toBe(false);
    expect(valid('ssn', '123-00-4567')).toBe(false);
    expect(valid('ssn', '123-45-0000')).toBe(false);
    // The number printed on a wallet insert in 1938, used by thousands and never valid.
    expect(valid('ssn', '078-05-1120')).toBe(false);
    expect(valid('ssn', '665-12-3456')).toBe(true);
    expect(valid('ssn', '899-99-9999')).toBe(true);
  });

  it('takes ITINs only from 9xx with a middle group the IRS issues', () => {
    expect(valid('itin', '912-50-1234')).toBe(true);
    expect(valid('itin', '912-65-1234')).toBe(true);
    expect(valid('itin', '912-70-1234')).toBe(true);
    expect(valid('itin', '912-88-1234')).toBe(true);
    expect(valid('itin', '912-92-1234')).toBe(true);
    expect(valid('itin', '912-99-1234')).toBe(true);
    expect(valid('itin', '912-49-1234')).toBe(false);
    expect(valid('itin', '912-66-1234')).toBe(false);
    expect(valid('itin', '912-89-1234')).toBe(false);
    expect(valid('itin', '912-93-1234')).toBe(false);
    expect(valid('itin', '812-70-1234')).toBe(false);
    // An SSN is not an ITIN, nor the other way round.
    expect(valid('ssn', '912-70-1234')).toBe(false);
  });

  it('takes EINs only with a prefix the IRS assigns', () => {
    expect(valid('ein', '12-3456789')).toBe(true);
    expect(valid('ein', '95-1234567')).toBe(true);
    expect(valid('ein', '07-1234567')).toBe(false);
    expect(valid('ein', '89-1234567')).toBe(false);
    expect(valid('ein', '00-1234567')).toBe(false);
  });

  it('shows only the last four digits, in the shape of the kind', () => {
    expect(maskTin('ssn', '6789')).toBe('•••-••-6789');
    expect(maskTin('itin', '1234')).toBe('•••-••-1234');
    expect(maskTin('ein', '6789')).toBe('••-•••6789');
  });
});
