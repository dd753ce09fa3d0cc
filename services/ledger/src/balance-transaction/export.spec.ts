import { describe, expect, it } from 'vitest';
import { decimalAmount, filterFromQuery, inertCell } from './export.rules.js';

const refusedFor = (field: string) =>
  expect.objectContaining({
    extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
  });

describe('the transactions export', () => {
  it('reads the list’s filter from the query string', () => {
    expect(
      filterFromQuery({
        types: 'charge,refund',
        currency: 'EUR',
        createdFrom: '2026-01-01',
        amountMin: '-500',
      }),
    ).toEqual({
      types: ['charge', 'refund'],
      currency: 'eur',
      createdFrom: new Date('2026-01-01'),
      createdTo: undefined,
      amountMin: -500,
      amountMax: undefined,
    });
    expect(filterFromQuery({})).toMatchObject({ types: undefined, currency: undefined });
  });

  it('refuses a filter that does not parse, naming the parameter', () => {
    expect(() => filterFromQuery({ types: 'charge,bogus' })).toThrow(refusedFor('types'));
    expect(() => filterFromQuery({ currency: 'dollars' })).toThrow(refusedFor('currency'));
    expect(() => filterFromQuery({ createdTo: 'soon' })).toThrow(refusedFor('createdTo'));
    expect(() => filterFromQuery({ amountMax: '1.5' })).toThrow(refusedFor('amountMax'));
  });

  it('writes amounts with the currency’s own decimals', () => {
    expect(decimalAmount(-1_234, 2)).toBe('-12.34');
    expect(decimalAmount(5, 2)).toBe('0.05');
    expect(decimalAmount(5_000, 0)).toBe('5000');
    expect(decimalAmount(1, 3)).toBe('0.001');
  });

  it('makes a cell that would run as a formula inert', () => {
    expect(inertCell('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(inertCell('-2+3')).toBe("'-2+3");
    expect(inertCell('Payment from Rocket Rides')).toBe('Payment from Rocket Rides');
  });
});
