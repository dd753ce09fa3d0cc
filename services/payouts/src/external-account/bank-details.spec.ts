import { describe, expect, it } from 'vitest';
import { isAbaRoutingNumber, validateBankAccount } from './bank-details.rules.js';

/** A DashError carrying (at least) these extensions. */
const refusal = (extensions: object) =>
  expect.objectContaining({ extensions: expect.objectContaining(extensions) });

describe('bank account checks', () => {
  it('takes a valid US account and keeps only what may be shown', () => {
    const valid = validateBankAccount({
      country: 'us',
      currency: 'USD',
      accountHolderName: ' Jenny Rosen ',
      routingNumber: '110000000',
      accountNumber: '000123456789',
    });
    expect(valid).toMatchObject({
      country: 'US',
      currency: 'usd',
      holderName: 'Jenny Rosen',
      routingNumber: '110000000',
      last4: '6789',
    });
  });

  it('checks the ABA checksum of US routing numbers', () => {
    expect(isAbaRoutingNumber('110000000')).toBe(true);
    expect(isAbaRoutingNumber('021000021')).toBe(true);
    expect(isAbaRoutingNumber('021000022')).toBe(false);
    expect(() =>
      validateBankAccount({
        country: 'US',
        currency: 'usd',
        accountHolderName: 'Jenny Rosen',
        routingNumber: '110000001',
        accountNumber: '000123456789',
      }),
    ).toThrow(refusal({ code: 'BAD_USER_INPUT', field: 'routingNumber' }));
  });

  it('checks IBANs: checksum, and the country they belong to', () => {
    const german = { country: 'DE', currency: 'eur', accountHolderName: 'Jonas Weber' };
    expect(
      validateBankAccount({ ...german, accountNumber: 'DE89 3704 0044 0532 0130 00' }),
    ).toMatchObject({
      last4: '3000',
      routingNumber: '37040044',
    });
    expect(() =>
      validateBankAccount({ ...german, accountNumber: 'DE89370400440532013001' }),
    ).toThrow(refusal({ field: 'accountNumber' }));
    expect(() =>
      validateBankAccount({ ...german, accountNumber: 'FR1420041010050500013M02606' }),
    ).toThrow(refusal({ field: 'accountNumber' }));
  });

  it('takes a UK sort code or an IBAN', () => {
    const uk = { country: 'GB', currency: 'gbp', accountHolderName: 'Amy Jones' };
    expect(
      validateBankAccount({ ...uk, routingNumber: '10-88-00', accountNumber: '00012345' }).last4,
    ).toBe('2345');
    expect(validateBankAccount({ ...uk, accountNumber: 'GB82WEST12345698765432' }).last4).toBe(
      '5432',
    );
  });

  it('refuses a currency the country is not paid in, and countries not supported', () => {
    expect(() =>
      validateBankAccount({
        country: 'US',
        currency: 'eur',
        accountHolderName: 'Jenny Rosen',
        routingNumber: '110000000',
        accountNumber: '000123456789',
      }),
    ).toThrow(refusal({ field: 'currency' }));
    expect(() =>
      validateBankAccount({
        country: 'ZZ',
        currency: 'usd',
        accountHolderName: 'X Y',
        accountNumber: '1234',
      }),
    ).toThrow(refusal({ field: 'country', reason: 'COUNTRY_NOT_SUPPORTED' }));
  });
});
