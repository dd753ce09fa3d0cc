import type { GraphqlClient } from './graphql.js';

/**
 * Countries whose bank accounts are given by a routing number (sort code, bank code) and an
 * account number; elsewhere the IBAN alone.
 */
export const ROUTING_NUMBER_COUNTRIES: ReadonlySet<string> = new Set([
  'US',
  'GB',
  'CA',
  'AU',
  'JP',
  'SG',
]);

/** A bank account as payouts' BankAccountInput takes it. */
export interface BankAccountFields {
  country: string;
  currency: string;
  accountHolderName: string;
  routingNumber?: string;
  accountNumber: string;
}

/** The code sent for a payout details change, and where it went (masked). */
export interface PayoutDetailsChallenge {
  id: string;
  maskedDestination: string;
  /** When the server lets another code go out (ISO time). */
  resendAvailableAt: string;
}

/**
 * Changing where payouts go from a dashboard session, confirmed by a one-time code sent to the
 * account's own contact: a stolen session alone cannot send money elsewhere. The balance's bank
 * dialog and the onboarding bank step (when a signed-in account opens it) both go this way.
 */
export function payoutDetailsChange(client: GraphqlClient) {
  return {
    start: async () =>
      (
        await client.query<{ startPayoutDetailsChange: PayoutDetailsChallenge }>(
          'mutation StartPayoutDetailsChange { startPayoutDetailsChange { id maskedDestination resendAvailableAt } }',
        )
      ).startPayoutDetailsChange,
    resend: async (challenge: string) =>
      (
        await client.query<{ resendPayoutDetailsCode: PayoutDetailsChallenge }>(
          'mutation ResendPayoutDetailsCode($challenge: ID!) { resendPayoutDetailsCode(challenge: $challenge) { id maskedDestination resendAvailableAt } }',
          { challenge },
        )
      ).resendPayoutDetailsCode,
    changeBankAccount: async (bankAccount: BankAccountFields, challenge: string, code: string) =>
      (
        await client.query<{
          changeExternalAccount: {
            id: string;
            bankName: string | null;
            last4: string;
            currency: string;
          };
        }>(
          'mutation ChangeBankAccount($bank: BankAccountInput!, $challenge: ID!, $code: String!) { changeExternalAccount(bankAccount: $bank, challenge: $challenge, code: $code) { id bankName last4 currency } }',
          { bank: bankAccount, challenge, code },
        )
      ).changeExternalAccount,
  };
}

export type PayoutDetailsChange = ReturnType<typeof payoutDetailsChange>;
