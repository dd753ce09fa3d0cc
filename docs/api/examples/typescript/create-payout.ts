import { randomUUID } from 'node:crypto';
import { ApiError, graphql } from './graphql.js';

export interface Payout {
  id: string;
  status: string;
  amount: number;
  currency: string;
  arrivalDate: string;
}

/**
 * Step 4: pays part of the account's available balance out to its bank account now. A charge's
 * money is pending for a few days (`balanceTransaction.availableOn`) before it can be paid out:
 * until then this is refused with FAILED_PRECONDITION, reason INSUFFICIENT_FUNDS.
 */
export async function createPayout(
  account: string,
  amount: number,
  currency = 'usd',
  idempotencyKey: string = randomUUID(),
): Promise<Payout> {
  try {
    const { createPayout } = await graphql<{ createPayout: Payout }>(
      `
        mutation CreatePayout($account: ID!, $input: PayoutInput!, $idempotencyKey: String!) {
          createPayout(account: $account, input: $input, idempotencyKey: $idempotencyKey) {
            id
            status
            amount
            currency
            arrivalDate
          }
        }
      `,
      { account, input: { amount, currency }, idempotencyKey },
    );
    return createPayout;
  } catch (error) {
    if (error instanceof ApiError && error.reason === 'INSUFFICIENT_FUNDS')
      console.error('Not enough is available yet:', error.message);
    throw error;
  }
}
