import { describe, expect, it } from 'vitest';
import {
  checkPayerAddress,
  checkPayerName,
  checkPayerPhone,
  checkPayerTin,
  formatEin,
} from './tax-settings.rules.js';

const address = {
  line1: '510 Townsend St',
  city: 'San Francisco',
  state: 'ca',
  postalCode: '94103',
};

describe("the payer on a platform's forms", () => {
  it('keeps a printable name and a US address, the state upper-case', () => {
    expect(checkPayerName('  Rocket  Rides Inc. ')).toEqual({
      ok: true,
      value: 'Rocket Rides Inc.',
    });
    expect(checkPayerAddress(address)).toEqual({
      ok: true,
      value: { ...address, line2: null, state: 'CA' },
    });
  });

  it('refuses what a form cannot print, naming the field', () => {
    expect(checkPayerName('')).toMatchObject({ ok: false, field: 'payerName' });
    expect(checkPayerName('火箭出行')).toMatchObject({ ok: false, field: 'payerName' });
    expect(checkPayerAddress({ ...address, state: 'California' })).toMatchObject({
      field: 'payerAddress.state',
    });
    expect(checkPayerAddress({ ...address, postalCode: '941' })).toMatchObject({
      field: 'payerAddress.postalCode',
    });
    expect(checkPayerAddress({ ...address, line1: ' ' })).toMatchObject({
      field: 'payerAddress.line1',
    });
  });

  it('takes an EIN of nine digits, never all zeros, and prints it with its hyphen', () => {
    expect(checkPayerTin('12-3456789')).toEqual({ ok: true, value: '123456789' });
    expect(checkPayerTin('00-0000000').ok).toBe(false);
    expect(checkPayerTin('12-345678').ok).toBe(false);
    expect(formatEin('123456789')).toBe('12-3456789');
  });

  it('takes a telephone number, or none', () => {
    expect(checkPayerPhone('+1 (555) 555-0100')).toEqual({ ok: true, value: '+1 (555) 555-0100' });
    expect(checkPayerPhone(null)).toEqual({ ok: true, value: null });
    expect(checkPayerPhone('call me').ok).toBe(false);
  });
});
