import type { GraphqlClient } from '@dash/web-kit';

export const TYPE_CHIPS = [
  'charge',
  'refund',
  'transfer',
  'payout',
  'dispute',
  'adjustment',
] as const;
export type TransactionType =
  (typeof TYPE_CHIPS)[number] | 'payout_failure' | 'application_fee' | 'topup';

export interface Transaction {
  id: string;
  createdAt: string;
  type: TransactionType;
  description: string;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  status: 'pending' | 'available';
  availableOn: string;
}

/** What the filter bar holds; amounts already in minor units. */
export interface TransactionFilter {
  types?: TransactionType[];
  currency?: string;
  createdFrom?: string;
  createdTo?: string;
  amountMin?: number;
  amountMax?: number;
}

export interface TransactionPage {
  nodes: Transaction[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

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
    account: async () =>
      (
        await client.query<{
          me: { defaultCurrency: string; balances: Array<{ currency: string }> };
        }>('query TransactionsAccount { me { id defaultCurrency balances { currency } } }')
      ).me,
    page: async (filter: TransactionFilter, after: string | null, first = 25) =>
      (
        await client.query<{ me: { balanceTransactions: TransactionPage } }>(
          `query Transactions($filter: TransactionFilterInput, $after: String, $first: Int!) {
            me { id balanceTransactions(filter: $filter, first: $first, after: $after) {
              nodes { id createdAt type description amount fee net currency status availableOn }
              pageInfo { hasNextPage endCursor }
            } }
          }`,
          { filter: cleanFilter(filter), after, first },
        )
      ).me.balanceTransactions,
  };
}
