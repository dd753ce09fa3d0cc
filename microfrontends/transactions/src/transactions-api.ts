import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  BalanceTransactionType,
  TransactionFilterInput,
  TransactionsQuery,
} from './generated/graphql.js';

export const TYPE_CHIPS = [
  'charge',
  'refund',
  'transfer',
  'payout',
  'dispute',
  'adjustment',
] as const satisfies readonly TransactionType[];
export type TransactionType = BalanceTransactionType;

/** What the filter bar holds; amounts already in minor units. */
export type TransactionFilter = Pick<
  TransactionFilterInput,
  'types' | 'currency' | 'createdFrom' | 'createdTo' | 'amountMin' | 'amountMax'
>;

export type Transaction = TransactionPage['nodes'][number];
export type TransactionPage = TransactionsQuery['me']['balanceTransactions'];

/**
 * A page of transactions and, when the filter form needs them (`withCurrencies`), the currencies
 * the account has used: one request, to the ledger alone.
 */
const TRANSACTIONS = graphql(`
  query Transactions(
    $filter: TransactionFilterInput
    $after: String
    $first: Int!
    $withCurrencies: Boolean!
  ) {
    me {
      id
      balances @include(if: $withCurrencies) {
        currency
      }
      balanceTransactions(filter: $filter, first: $first, after: $after) {
        nodes {
          id
          createdAt
          type
          description
          amount
          fee
          net
          currency
          status
          availableOn
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Leaves out what is unset, so the server sees only the filters in use. */
export function cleanFilter(filter: TransactionFilter): TransactionFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, value]) =>
        value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

/** The same filter as the CSV export's query string. */
export function exportHref(filter: TransactionFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanFilter(filter)))
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  const query = params.toString();
  return `/exports/balance-transactions.csv${query ? `?${query}` : ''}`;
}

export function transactionsApi(client: GraphqlClient) {
  return {
    page: async (
      filter: TransactionFilter,
      after: string | null,
      first: number,
      withCurrencies: boolean,
    ) =>
      (
        await client.query(TRANSACTIONS, {
          filter: cleanFilter(filter),
          after,
          first,
          withCurrencies,
        })
      ).me,
  };
}
