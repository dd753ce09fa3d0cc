import { payoutDetailsChange, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  BalanceCardQuery,
  PayoutInput,
  PayoutQuoteQuery,
  PayoutQuoteQueryVariables,
  PayoutScheduleInput,
} from './generated/graphql.js';

graphql(`
  fragment Schedule on PayoutSchedule {
    interval
    weeklyAnchor
    monthlyAnchor
    nextPayoutDate
  }
`);

/**
 * Everything the balance card shows, in one request the gateway plans across the ledger
 * (balances) and payouts (money on the way, schedule and the next payout it makes, bank). The account's currency and the
 * platform's switches come with the shared session.
 */
export const BALANCE_CARD_QUERY = graphql(`
  query BalanceCard {
    me {
      id
      balances {
        currency
        available
        pending
        reserve
        total
        availableSoon {
          availableOn
          amount
        }
        reserveHeld
        # Below zero: since when, what took the money out, and when the bank is debited for it.
        negativeSince
        recoveryScheduledFor
        negativeCauses
      }
      # The latest debit of the account's bank recovering a negative balance.
      recoveryDebits(first: 3) {
        id
        amount
        currency
        status
        attempt
        nextAttemptAt
        failureCode
        failureMessage
        destination
        coveredAmount
        createdAt
        settledAt
      }
      payoutsInTransit {
        currency
        amount
      }
      nextPayout {
        id
        amount
        currency
        status
        arrivalDate
      }
      payoutSchedule {
        ...Schedule
      }
      payoutForecast {
        currency
        amount
        payoutDate
        arrivalDate
      }
      externalAccounts {
        id
        kind
        bankName
        brand
        last4
        country
        currency
        defaultForCurrency
        status
        failureCode
        failureMessage
      }
      instantPayoutPricing {
        percentBps
        minimum
      }
    }
  }
`);

/**
 * What a payout would be if made now — fee, destination, arrival — worked out by the server
 * with the rules that make the payout, so the dialog never prices one itself.
 */
const PAYOUT_QUOTE = graphql(`
  query PayoutQuote($amount: SafeInt!, $currency: String!, $method: PayoutMethod!) {
    payoutQuote(amount: $amount, currency: $currency, method: $method) {
      amount
      fee
      method
      arrivalDate
      destination {
        id
        kind
        bankName
        brand
        last4
      }
    }
  }
`);

const PAY_OUT = graphql(`
  mutation PayOut($input: PayoutInput!, $key: String!) {
    payOut(input: $input, idempotencyKey: $key) {
      id
      arrivalDate
    }
  }
`);

const UPDATE_PAYOUT_SCHEDULE = graphql(`
  mutation UpdatePayoutSchedule($input: PayoutScheduleInput!) {
    updateMyPayoutSchedule(input: $input) {
      ...Schedule
    }
  }
`);

const TOP_UP_RESERVE = graphql(`
  mutation TopUpReserve($amount: SafeInt!, $currency: String!, $key: String!) {
    topUpReserve(amount: $amount, currency: $currency, idempotencyKey: $key) {
      id
      status
    }
  }
`);

export type BalanceCardData = BalanceCardQuery;
export type PayoutQuoteView = PayoutQuoteQuery['payoutQuote'];
export type ExternalAccountView = BalanceCardQuery['me']['externalAccounts'][number];
export type BalanceView = BalanceCardQuery['me']['balances'][number];
export type RecoveryDebitView = BalanceCardQuery['me']['recoveryDebits'][number];
export type {
  PayoutInterval as Interval,
  ScheduleFragment as ScheduleView,
  Weekday,
} from './generated/graphql.js';

/** What the card's buttons do: pay out, change the schedule, change the bank account. */
export function payoutActions(client: GraphqlClient) {
  const bankChange = payoutDetailsChange(client);
  return {
    quotePayout: async (request: PayoutQuoteQueryVariables) =>
      (await client.query(PAYOUT_QUOTE, request)).payoutQuote,
    payOut: (input: PayoutInput, key: string) => client.query(PAY_OUT, { input, key }),
    updateSchedule: (input: PayoutScheduleInput) => client.query(UPDATE_PAYOUT_SCHEDULE, { input }),
    topUpReserve: (amount: number, currency: string, key: string) =>
      client.query(TOP_UP_RESERVE, { amount, currency, key }),
    // The coded bank change is shared with the onboarding bank step of a signed-in account.
    startBankChange: bankChange.start,
    changeBankAccount: bankChange.changeBankAccount,
  };
}

export type PayoutActions = ReturnType<typeof payoutActions>;
