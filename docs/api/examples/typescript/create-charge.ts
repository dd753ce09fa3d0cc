import { randomUUID } from 'node:crypto';
import { graphql } from './graphql.js';

export interface Charge {
  id: string;
  status: string;
  amount: number;
  fee: number;
  net: number;
  balanceTransaction: { availableOn: string } | null;
}

/**
 * Step 3: a payment to the account (a direct charge). Amounts are integers in the currency's
 * minor unit: 2500 is $25.00. The idempotency key makes a retry safe: the same key and
 * parameters answer the first charge again instead of charging twice.
 */
export async function createCharge(
  account: string,
  amount: number,
  currency = 'usd',
  idempotencyKey: string = randomUUID(),
): Promise<Charge> {
  const { createCharge } = await graphql<{ createCharge: Charge }>(
    `
      mutation CreateCharge($input: ChargeInput!, $idempotencyKey: String!) {
        createCharge(input: $input, idempotencyKey: $idempotencyKey) {
          id
          status
          amount
          fee
          net
          balanceTransaction {
            availableOn
          }
        }
      }
    `,
    {
      input: {
        account,
        amount,
        currency,
        description: 'Ride #1001',
        customerEmail: 'ana@example.com',
        cardBrand: 'visa',
        cardLast4: '4242',
        applicationFeeAmount: 200,
      },
      idempotencyKey,
    },
  );
  return createCharge;
}
