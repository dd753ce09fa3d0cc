import { payoutDetailsChange, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  BankAccountInput,
  DebitCardInput,
  PayoutForecastQuery,
  PayoutMethodFragment,
} from './generated/graphql.js';

graphql(`
  fragment PayoutMethod on ExternalAccount {
    id
    kind
    country
    currency
    bankName
    brand
    last4
    expMonth
    expYear
    defaultForCurrency
    status
    failureCode
    failureMessage
    removalBlockedReason
  }
`);

const PAYOUT_METHODS = graphql(`
  query PayoutMethods {
    me {
      id
      externalAccounts {
        ...PayoutMethod
      }
    }
  }
`);

/** The next scheduled payout of each currency: its amount, day and expected arrival. */
const PAYOUT_FORECAST = graphql(`
  query PayoutForecast {
    me {
      id
      payoutForecast {
        currency
        amount
        payoutDate
        arrivalDate
        destination {
          kind
          bankName
          brand
          last4
        }
      }
    }
  }
`);

const ADD_PAYOUT_METHOD = graphql(`
  mutation AddPayoutMethod(
    $bankAccount: BankAccountInput
    $card: DebitCardInput
    $makeDefault: Boolean!
    $challenge: ID!
    $code: String!
  ) {
    addMyExternalAccount(
      bankAccount: $bankAccount
      card: $card
      defaultForCurrency: $makeDefault
      challenge: $challenge
      code: $code
    ) {
      ...PayoutMethod
    }
  }
`);

const MAKE_DEFAULT = graphql(`
  mutation MakeDefaultPayoutMethod($id: ID!, $challenge: ID!, $code: String!) {
    setMyDefaultExternalAccount(externalAccount: $id, challenge: $challenge, code: $code) {
      ...PayoutMethod
    }
  }
`);

const REMOVE_PAYOUT_METHOD = graphql(`
  mutation RemovePayoutMethod($id: ID!, $challenge: ID!, $code: String!) {
    deleteMyExternalAccount(externalAccount: $id, challenge: $challenge, code: $code) {
      id
    }
  }
`);

export type PayoutMethod = PayoutMethodFragment;
export type PayoutForecast = NonNullable<PayoutForecastQuery['me']['payoutForecast']>[number];

/** A change to where payouts go, as the account asks for it; the code confirms it. */
export type MethodChange =
  | { kind: 'addCard'; card: DebitCardInput; makeDefault: boolean }
  | { kind: 'addBank'; bankAccount: BankAccountInput; makeDefault: boolean }
  | { kind: 'makeDefault'; method: PayoutMethod }
  | { kind: 'remove'; method: PayoutMethod };

/**
 * Where the account's payouts go, and changing it: each change confirmed with the code sent to
 * the account's own phone or email (identity's payout details challenge).
 */
export function payoutMethodsApi(client: GraphqlClient) {
  const code = payoutDetailsChange(client);
  return {
    list: async () => (await client.query(PAYOUT_METHODS)).me.externalAccounts,
    forecast: async () => (await client.query(PAYOUT_FORECAST)).me.payoutForecast ?? [],
    startCode: code.start,
    resendCode: code.resend,
    async change(change: MethodChange, challenge: string, digits: string): Promise<void> {
      const confirmation = { challenge, code: digits };
      if (change.kind === 'addCard' || change.kind === 'addBank')
        await client.query(ADD_PAYOUT_METHOD, {
          card: change.kind === 'addCard' ? change.card : null,
          bankAccount: change.kind === 'addBank' ? change.bankAccount : null,
          makeDefault: change.makeDefault,
          ...confirmation,
        });
      else if (change.kind === 'makeDefault')
        await client.query(MAKE_DEFAULT, { id: change.method.id, ...confirmation });
      else await client.query(REMOVE_PAYOUT_METHOD, { id: change.method.id, ...confirmation });
    },
  };
}

export type PayoutMethodsApi = ReturnType<typeof payoutMethodsApi>;
