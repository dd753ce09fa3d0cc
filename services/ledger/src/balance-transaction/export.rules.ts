import type { Request } from 'express';
import { badInput } from '@dash/subgraph';
import {
  BALANCE_TRANSACTION_TYPES,
  type BalanceTransactionType,
} from '../postings/entries.rules.js';
import type { TransactionFilter } from './balance-transactions.service.js';

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badInput(`${name} must be an ISO 8601 date`, name);
  return date;
}

function intParam(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number))
    throw badInput(`${name} must be a whole number of minor units`, name);
  return number;
}

/** The list's filter, from the same names the GraphQL filter uses. */
export function filterFromQuery(query: Request['query']): TransactionFilter {
  const types = typeof query.types === 'string' && query.types ? query.types.split(',') : undefined;
  if (types?.some((type) => !(BALANCE_TRANSACTION_TYPES as readonly string[]).includes(type)))
    throw badInput(`types must be among ${BALANCE_TRANSACTION_TYPES.join(', ')}`, 'types');
  const currency =
    typeof query.currency === 'string' && query.currency ? query.currency.toLowerCase() : undefined;
  if (currency && !/^[a-z]{3}$/.test(currency))
    throw badInput('currency must be a three-letter code', 'currency');
  return {
    types: types as BalanceTransactionType[] | undefined,
    currency,
    createdFrom: dateParam(query.createdFrom, 'createdFrom'),
    createdTo: dateParam(query.createdTo, 'createdTo'),
    amountMin: intParam(query.amountMin, 'amountMin'),
    amountMax: intParam(query.amountMax, 'amountMax'),
  };
}

/** What a spreadsheet would run as a formula (or a DDE command) at the start of a cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it and never run it: one starting like a formula gets a
 * leading `'` (CSV injection; OWASP's advice). Descriptions come from platforms and their
 * customers, so any of them could be `=HYPERLINK(…)`.
 */
export const inertCell = (value: string): string =>
  FORMULA_START.test(value) ? `'${value}` : value;

/** Minor units as the decimal a spreadsheet reads, with the currency's own number of decimals. */
export const decimalAmount = (amount: number, exponent: number) => {
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
};
