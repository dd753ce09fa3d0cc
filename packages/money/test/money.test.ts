import { describe, expect, it } from 'vitest';
import {
  currencyExponent,
  formatMoney,
  money,
  parseMajorUnits,
  sumMoney,
  toMajorUnitString,
} from '../src/index.js';

describe('currency exponents', () => {
  it('knows two-, zero- and three-decimal currencies', () => {
    expect(currencyExponent('usd')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('krw')).toBe(0);
    expect(currencyExponent('kwd')).toBe(3);
  });

  it('rejects something that is not a currency code', () => {
    expect(() => currencyExponent('dollars')).toThrow(/currency code/);
  });
});

describe('minor units', () => {
  it('refuses fractions of a minor unit', () => {
    expect(() => money(10.5, 'usd')).toThrow(/integer/);
    expect(money(1050, 'USD')).toEqual({ amount: 1050, currency: 'usd' });
  });

  it('parses decimal strings without floating point error', () => {
    expect(parseMajorUnits('0.29', 'usd')).toBe(29);
    expect(parseMajorUnits('1234.5', 'eur')).toBe(123450);
    expect(parseMajorUnits('-3.07', 'usd')).toBe(-307);
    expect(parseMajorUnits('1500', 'jpy')).toBe(1500);
    expect(parseMajorUnits('1.234', 'kwd')).toBe(1234);
  });

  it('rejects more decimals than the currency has', () => {
    expect(() => parseMajorUnits('1.5', 'jpy')).toThrow(/0 decimal places/);
    expect(() => parseMajorUnits('1.234', 'usd')).toThrow(/2 decimal places/);
    expect(() => parseMajorUnits('1,00', 'usd')).toThrow(/decimal amount/);
  });

  it('prints exact major-unit strings', () => {
    expect(toMajorUnitString(5, 'usd')).toBe('0.05');
    expect(toMajorUnitString(-123456, 'usd')).toBe('-1234.56');
    expect(toMajorUnitString(900719925474099, 'usd')).toBe('9007199254740.99');
    expect(toMajorUnitString(1500, 'jpy')).toBe('1500');
  });

  it('sums one currency and refuses to mix', () => {
    expect(sumMoney('usd', [money(100, 'usd'), money(-30, 'usd')])).toEqual(money(70, 'usd'));
    expect(() => sumMoney('usd', [money(100, 'eur')])).toThrow(/Cannot add eur to usd/);
  });
});

describe('formatting', () => {
  it('formats for the locale with the currency digits', () => {
    expect(formatMoney(123456, 'usd', 'en')).toBe('$1,234.56');
    expect(formatMoney(1500, 'jpy', 'en')).toBe('¥1,500');
    expect(formatMoney(123456, 'cny', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(1234, 'kwd', 'en')).toMatch(/KWD\s1\.234/);
  });

  it('carries a minus sign for negatives and a plus when asked', () => {
    expect(formatMoney(-2500, 'usd', 'en')).toBe('-$25.00');
    expect(formatMoney(2500, 'usd', 'en', { signed: true })).toBe('+$25.00');
  });
});
