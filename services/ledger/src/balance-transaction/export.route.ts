import type { SecretKeys } from '@dash/config';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
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
import type { BalanceTransactions } from './balance-transactions.service.js';
import { decimalAmount, filterFromQuery, inertCell } from './export.rules.js';

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

/**
 * `GET /exports/balance-transactions.csv?account=…&types=…`: the filtered transactions list as
 * CSV, streamed row by row from the database to the client, so an export of a million rows
 * needs no more memory than one of ten. An account exports its own; a platform names the account.
 */
export function transactionsExportRoute(
  secret: SecretKeys,
  app: { accessFor: (caller: Caller) => Access; platformsFor: () => PlatformLookup },
  transactions: BalanceTransactions,
) {
  return callerRoute(TRANSACTIONS_EXPORT_PATH, secret, async (caller, req, res) => {
    const accountId =
      typeof req.query.account === 'string'
        ? req.query.account
        : caller.kind === 'account'
          ? caller.accountId
          : '';
    if (!accountId) throw badInput('account is required', 'account');
    if (caller.kind !== 'account' && caller.kind !== 'platform')
      throw new InternalRouteError(401, 'UNAUTHENTICATED', 'Sign in to continue.');
    const filter = filterFromQuery(req.query);
    const access = app.accessFor(caller);
    const account = await access.readAccount(accountId);
    if (!account) throw new InternalRouteError(404, 'NOT_FOUND', `No such account: ${accountId}`);
    const fallback = defaultDescription(await app.platformsFor()(caller.platformId));
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
          decimalAmount(Number(row.txn_amount), exponent),
          decimalAmount(Number(row.txn_fee), exponent),
          decimalAmount(Number(row.txn_net), exponent),
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
