import { parseMajorUnits, type GraphqlClient } from '@dash/web-kit';

export type PaymentStatus =
  'succeeded' | 'pending' | 'failed' | 'refunded' | 'partially_refunded' | 'disputed';

export interface PaymentRow {
  id: string;
  createdAt: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  description: string;
  customer: { name: string | null; email: string | null };
}

export interface PaymentDetail extends PaymentRow {
  amountRefunded: number;
  refundable: number;
  fee: number;
  net: number;
  failureMessage: string | null;
  card: { brand: string | null; last4: string | null };
  metadata: Array<{ key: string; value: string }>;
  refunds: Array<{ id: string; amount: number; createdAt: string; requestedBy: string }>;
  timeline: Array<{ type: string; at: string; amount: number | null }>;
  balanceTransaction: { feeDetails: Array<{ type: string; amount: number }>; net: number } | null;
}

export interface PaymentFilter {
  customerEmail?: string;
  amount?: number;
}

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

const ROW = 'id createdAt amount currency status description customer { name email }';
const DETAIL = `${ROW} amountRefunded refundable fee net failureMessage card { brand last4 }
  metadata { key value } refunds { id amount createdAt requestedBy } timeline { type at amount }
  balanceTransaction { net feeDetails { type amount } }`;

export function paymentsApi(client: GraphqlClient) {
  return {
    account: async () =>
      (
        await client.query<{
          me: {
            defaultCurrency: string;
            platform: { name: string; features: { issueRefunds: boolean } };
          };
        }>(
          'query PaymentsAccount { me { id defaultCurrency platform { name features { issueRefunds } } } }',
        )
      ).me,
    page: async (filter: PaymentFilter, after: string | null) =>
      (
        await client.query<{
          me: {
            payments: {
              nodes: PaymentRow[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          };
        }>(
          `query Payments($filter: PaymentFilterInput, $after: String) {
            me { id payments(filter: $filter, first: 25, after: $after) { nodes { ${ROW} } pageInfo { hasNextPage endCursor } } }
          }`,
          { filter, after },
        )
      ).me.payments,
    detail: async (id: string) =>
      (
        await client.query<{ me: { payment: PaymentDetail | null } }>(
          `query Payment($id: ID!) { me { id payment(id: $id) { ${DETAIL} } } }`,
          { id },
        )
      ).me.payment,
    refund: async (payment: string, amount: number, idempotencyKey: string) =>
      (
        await client.query<{ refundPayment: { id: string; amount: number } }>(
          'mutation RefundPayment($payment: ID!, $amount: SafeInt, $key: String!) { refundPayment(payment: $payment, amount: $amount, idempotencyKey: $key) { id amount } }',
          { payment, amount, key: idempotencyKey },
        )
      ).refundPayment,
  };
}

export type PaymentsApi = ReturnType<typeof paymentsApi>;
