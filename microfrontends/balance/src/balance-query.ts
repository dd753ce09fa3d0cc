import { payoutDetailsChange, type GraphqlClient } from '@dash/web-kit';

/**
 * Everything the balance card shows, in one request the gateway plans across identity (the
 * platform's switches), the ledger (balances) and payouts (money on the way, schedule, bank).
 */
export const BALANCE_CARD_QUERY = /* GraphQL */ `
  query BalanceCard {
    me {
      id
      displayName
      defaultCurrency
      platform {
        features {
          editPayoutSchedule
          editBankAccounts
          instantPayouts
          reserveTopUps
        }
      }
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
        interval
        weeklyAnchor
        monthlyAnchor
        nextPayoutDate
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
      }
      instantPayoutPricing {
        percentBps
        minimum
      }
    }
  }
`;

export type Interval = 'daily' | 'weekly' | 'monthly' | 'manual';

export interface ExternalAccountView {
  id: string;
  kind: 'bank_account' | 'card';
  bankName: string | null;
  brand: string | null;
  last4: string;
  country: string;
  currency: string;
  defaultForCurrency: boolean;
}

export interface ScheduleView {
  interval: Interval;
  weeklyAnchor: string | null;
  monthlyAnchor: number | null;
  nextPayoutDate: string | null;
}

export interface BalanceCardData {
  me: {
    id: string;
    displayName: string;
    defaultCurrency: string;
    platform: {
      features: {
        editPayoutSchedule: boolean;
        editBankAccounts: boolean;
        instantPayouts: boolean;
        reserveTopUps: boolean;
      };
    };
    balances: Array<{
      currency: string;
      available: number;
      pending: number;
      reserve: number;
      total: number;
      availableSoon: Array<{ availableOn: string; amount: number }>;
    }>;
    payoutsInTransit: Array<{ currency: string; amount: number }>;
    nextPayout: {
      id: string;
      amount: number;
      currency: string;
      status: string;
      arrivalDate: string;
    } | null;
    payoutSchedule: ScheduleView | null;
    externalAccounts: ExternalAccountView[];
    instantPayoutPricing: { percentBps: number; minimum: number } | null;
  };
}

/** What the card's buttons do: pay out, change the schedule, change the bank account. */
export function payoutActions(client: GraphqlClient) {
  const bankChange = payoutDetailsChange(client);
  return {
    payOut: (
      input: { amount: number; currency: string; method: 'standard' | 'instant' },
      key: string,
    ) =>
      client.query<{ payOut: { id: string; arrivalDate: string } }>(
        'mutation PayOut($input: PayoutInput!, $key: String!) { payOut(input: $input, idempotencyKey: $key) { id arrivalDate } }',
        { input, key },
      ),
    updateSchedule: (input: {
      interval: Interval;
      weeklyAnchor?: string;
      monthlyAnchor?: number;
    }) =>
      client.query<{ updateMyPayoutSchedule: ScheduleView }>(
        'mutation UpdatePayoutSchedule($input: PayoutScheduleInput!) { updateMyPayoutSchedule(input: $input) { interval weeklyAnchor monthlyAnchor nextPayoutDate } }',
        { input },
      ),
    topUpReserve: (amount: number, currency: string, key: string) =>
      client.query<{ topUpReserve: { id: string; status: string } }>(
        'mutation TopUpReserve($amount: SafeInt!, $currency: String!, $key: String!) { topUpReserve(amount: $amount, currency: $currency, idempotencyKey: $key) { id status } }',
        { amount, currency, key },
      ),
    // The coded bank change is shared with the onboarding bank step of a signed-in account.
    startBankChange: bankChange.start,
    changeBankAccount: bankChange.changeBankAccount,
  };
}

export type PayoutActions = ReturnType<typeof payoutActions>;
