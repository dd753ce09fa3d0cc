/** Everything the balance card shows, in one request planned across identity, ledger and payouts. */
export const BALANCE_CARD_QUERY = /* GraphQL */ `
  query BalanceCard {
    me {
      id
      displayName
      defaultCurrency
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
      nextPayout {
        id
        amount
        currency
        status
        arrivalDate
      }
    }
  }
`;

export interface BalanceCardData {
  me: {
    id: string;
    displayName: string;
    defaultCurrency: string;
    balances: Array<{
      currency: string;
      available: number;
      pending: number;
      reserve: number;
      total: number;
      availableSoon: Array<{ availableOn: string; amount: number }>;
    }>;
    nextPayout: {
      id: string;
      amount: number;
      currency: string;
      status: string;
      arrivalDate: string;
    } | null;
  };
}
