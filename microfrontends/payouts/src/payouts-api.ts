import type { GraphqlClient } from '@dash/web-kit';

export type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';

export interface PayoutRow {
  id: string;
  createdAt: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  method: 'standard' | 'instant';
  arrivalDate: string;
  destination: {
    kind: string;
    bankName: string | null;
    brand: string | null;
    last4: string;
  } | null;
}

export interface PayoutDetail extends PayoutRow {
  fee: number;
  automatic: boolean;
  description: string | null;
  failureCode: string | null;
  failureMessage: string | null;
}

export interface PaidOutTransaction {
  id: string;
  type: string;
  net: number;
  currency: string;
  description: string;
  createdAt: string;
}

const ROW =
  'id createdAt amount currency status method arrivalDate destination { kind bankName brand last4 }';

export function payoutsApi(client: GraphqlClient) {
  return {
    page: async (after: string | null) =>
      (
        await client.query<{
          me: {
            payouts: {
              nodes: PayoutRow[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
        }>(
          `query Payouts($after: String) {
            me { id payouts(first: 25, after: $after) { nodes { ${ROW} } pageInfo { hasNextPage endCursor } } }
          }`,
          { after },
        )
      ).me.payouts,
    /** The payout (payouts) and what it paid out (the ledger), in one request. */
    detail: async (id: string) =>
      (
        await client.query<{
          me: {
            payout: PayoutDetail | null;
            balanceTransactions: { nodes: PaidOutTransaction[] };
          };
        }>(
          `query Payout($id: ID!) {
            me {
              id
              payout(id: $id) { ${ROW} fee automatic description failureCode failureMessage }
              balanceTransactions(first: 100, filter: { payout: $id }) {
                nodes { id type net currency description createdAt }
              }
            }
          }`,
          { id },
        )
      ).me,
  };
}

export type PayoutsApi = ReturnType<typeof payoutsApi>;
