import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { PayoutQuery } from './generated/graphql.js';

graphql(`
  fragment PayoutRow on Payout {
    id
    createdAt
    amount
    currency
    status
    method
    arrivalDate
    destination {
      kind
      bankName
      brand
      last4
    }
  }
`);

const PAYOUTS = graphql(`
  query Payouts($after: String) {
    me {
      id
      payouts(first: 25, after: $after) {
        nodes {
          ...PayoutRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The payout (payouts) and what it paid out (the ledger), in one request. */
const PAYOUT = graphql(`
  query Payout($id: ID!) {
    me {
      id
      payout(id: $id) {
        ...PayoutRow
        fee
        automatic
        description
        failureCode
        failureMessage
      }
      balanceTransactions(first: 100, filter: { payout: $id }) {
        nodes {
          id
          type
          net
          currency
          description
          createdAt
        }
      }
    }
  }
`);

export type { PayoutRowFragment as PayoutRow, PayoutStatus } from './generated/graphql.js';
export type PayoutDetail = NonNullable<PayoutQuery['me']['payout']>;
export type PaidOutTransaction = PayoutQuery['me']['balanceTransactions']['nodes'][number];

export function payoutsApi(client: GraphqlClient) {
  return {
    page: async (after: string | null) => (await client.query(PAYOUTS, { after })).me.payouts,
    detail: async (id: string) => (await client.query(PAYOUT, { id })).me,
  };
}

export type PayoutsApi = ReturnType<typeof payoutsApi>;
