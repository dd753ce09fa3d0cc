import { parseMajorUnits, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { PaymentFilterInput } from './generated/graphql.js';

graphql(`
  fragment PaymentRow on Charge {
    id
    createdAt
    amount
    currency
    status
    description
    customer {
      name
      email
    }
  }
`);

graphql(`
  fragment PaymentDetail on Charge {
    ...PaymentRow
    amountRefunded
    refundable
    fee
    net
    failureMessage
    card {
      brand
      last4
    }
    metadata {
      key
      value
    }
    refunds {
      id
      amount
      createdAt
      requestedBy
    }
    timeline {
      type
      at
      amount
    }
    balanceTransaction {
      net
      feeDetails {
        type
        amount
      }
    }
  }
`);

const PAYMENTS = graphql(`
  query Payments($filter: PaymentFilterInput, $after: String) {
    me {
      id
      payments(filter: $filter, first: 25, after: $after) {
        nodes {
          ...PaymentRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const PAYMENT = graphql(`
  query Payment($id: ID!) {
    me {
      id
      payment(id: $id) {
        ...PaymentDetail
      }
    }
  }
`);

const REFUND_PAYMENT = graphql(`
  mutation RefundPayment($payment: ID!, $amount: SafeInt, $key: String!) {
    refundPayment(payment: $payment, amount: $amount, idempotencyKey: $key) {
      id
      amount
    }
  }
`);

export type {
  PaymentDetailFragment as PaymentDetail,
  PaymentRowFragment as PaymentRow,
  PaymentStatus,
} from './generated/graphql.js';
/** The search: by the start of a customer's email, or an exact amount in minor units. */
export type PaymentFilter = Pick<PaymentFilterInput, 'customerEmail' | 'amount'>;

/**
 * What the search box means: a number is an amount in the account's currency ("12.50" is 1250
 * cents), anything else the start of a customer's email.
 */
export function searchFilter(text: string, currency: string): PaymentFilter {
  const query = text.trim();
  if (!query) return {};
  if (/^\d+(?:[.,]\d+)?$/.test(query)) {
    try {
      return { amount: parseMajorUnits(query.replace(',', '.'), currency) };
    } catch {
      // More decimals than the currency has: search it as text instead.
    }
  }
  return { customerEmail: query };
}

export function paymentsApi(client: GraphqlClient) {
  return {
    page: async (filter: PaymentFilter, after: string | null) =>
      (await client.query(PAYMENTS, { filter, after })).me.payments,
    detail: async (id: string) => (await client.query(PAYMENT, { id })).me.payment,
    refund: async (payment: string, amount: number, idempotencyKey: string) =>
      (await client.query(REFUND_PAYMENT, { payment, amount, key: idempotencyKey })).refundPayment,
  };
}

export type PaymentsApi = ReturnType<typeof paymentsApi>;
