import type { SecretKeys } from '@dash/config';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Request } from 'express';
import type { Caller } from '@dash/auth-context';
import { currencyExponent } from '@dash/money';
import {
  badInput,
  callerRoute,
  InternalRouteError,
  type Access,
  type PlatformLookup,
} from '@dash/subgraph';
import { defaultDescription } from '../postings/default-description.rules.js';
import {
  BALANCE_TRANSACTION_TYPES,
  type BalanceTransactionType,
} from '../postings/entries.rules.js';
import type { BalanceTransactions, TransactionFilter } from './balance-transactions.service.js';

/** Where the gateway forwards `/exports/balance-transactions.csv`. */
export const TRANSACTIONS_EXPORT_PATH = '/exports/balance-transactions.csv';

const COLUMNS = [
  'id',
  'created',
  'type',
  'reporting_category',
  'description',
  'amount',
  'fee',
  'net',
  'currency',
  'status',
  'available_on',
  'source',
];

/** A filter that does not parse: BAD_USER_INPUT naming the query parameter. */
const badQuery = (message: string, field: string) => badInput(message, field);

function dateParam(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw badQuery(`${name} must be an ISO 8601 date`, name);
  return date;
}

function intParam(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isSafeInteger(number))
    throw badQuery(`${name} must be a whole number of minor units`, name);
  return number;
}

/** The list's filter, from the same names the GraphQL filter uses. */
export function filterFromQuery(query: Request['query']): TransactionFilter {
  const types = typeof query.types === 'string' && query.types ? query.types.split(',') : undefined;
  if (types?.some((type) => !(BALANCE_TRANSACTION_TYPES as readonly string[]).includes(type)))
    throw badQuery(`types must be among ${BALANCE_TRANSACTION_TYPES.join(', ')}`, 'types');
  const currency =
    typeof query.currency === 'string' && query.currency ? query.currency.toLowerCase() : undefined;
  if (currency && !/^[a-z]{3}$/.test(currency))
    throw badQuery('currency must be a three-letter code', 'currency');
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
const decimal = (amount: number, exponent: number) => {
  if (exponent === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
};

/**
 * `GET /exports/balance-transactions.csv?account=…&types=…`: the filtered transactions list as
 * CSV, streamed row by row from the database to the client, so an export of a million rows
 * needs no more memory than one of ten. An account exports its own; a platform names the account.
 */
export function transactionsExportRoute(
  secret: SecretKeys,
  forRequest: (caller: Caller) => { access: Access; platform: PlatformLookup },
  transactions: BalanceTransactions,
) {
  return callerRoute(TRANSACTIONS_EXPORT_PATH, secret, async (caller, req, res) => {
    const accountId =
      typeof req.query.account === 'string'
        ? req.query.account
        : caller.kind === 'account'
          ? caller.accountId
          : '';
    if (!accountId) throw badQuery('account is required', 'account');
    if (caller.kind !== 'account' && caller.kind !== 'platform')
      throw new InternalRouteError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
    const filter = filterFromQuery(req.query);
    const { access, platform } = forRequest(caller);
    const account = await access.readAccount(accountId);
    if (!account) throw new InternalRouteError(404, 'NOT_FOUND', `No such account: ${accountId}`);
    const fallback = defaultDescription(await platform(caller.platformId));
    const rows = await transactions.stream(account, filter);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="balance-transactions.csv"');
    const toRecord = new Transform({
      objectMode: true,
      transform(row: Record<string, unknown>, _encoding, done) {
        const currency = String(row.txn_currency);
        const exponent = currencyExponent(currency);
        // Amounts are numbers we format (a minus sign is theirs); every text cell is made inert.
        const text = (value: unknown) => inertCell(String(value ?? ''));
        done(null, [
          text(row.txn_id),
          new Date(row.txn_created_at as Date).toISOString(),
          text(row.txn_type),
          text(row.txn_reporting_category),
          text(row.txn_description ?? fallback),
          decimal(Number(row.txn_amount), exponent),
          decimal(Number(row.txn_fee), exponent),
          decimal(Number(row.txn_net), exponent),
          text(currency),
          text(row.txn_status),
          new Date(row.txn_available_on as Date).toISOString(),
          text(row.txn_source_id),
        ]);
      },
    });
    await pipeline(rows, toRecord, stringify({ header: true, columns: COLUMNS }), res);
  });
}
