import { DashError } from '@dash/errors';

/** What removal looks at of each of an account's bank accounts and cards. */
export interface Destination {
  id: string;
  currency: string;
  /** The currency it is the default for, or null. */
  defaultFor: string | null;
}

/** A currency's money, in minor units, as the ledger has it. */
export interface CurrencyBalance {
  available: number;
  pending: number;
  reserve: number;
}

/**
 * Whether a bank account or card may go, from the account's destinations alone: any that is not
 * a default may. A default may not while others of its currency remain (as in Stripe: another
 * becomes the default first), nor when it is the account's only one (payouts would have nowhere
 * to go). The last one of a currency depends on the money in that currency: `needs_balance`.
 */
export function removalCheck(
  all: readonly Destination[],
  target: Destination,
): 'allowed' | 'needs_balance' | DashError {
  if (target.defaultFor === null) return 'allowed';
  const currency = target.currency.toUpperCase();
  if (all.some((other) => other.id !== target.id && other.currency === target.currency))
    return new DashError(
      'FAILED_PRECONDITION',
      `This is your default for ${currency}: make another one the default first.`,
      { reason: 'DEFAULT_EXTERNAL_ACCOUNT' },
    );
  if (all.every((other) => other.id === target.id))
    return new DashError(
      'FAILED_PRECONDITION',
      'Your payouts need somewhere to go: add another bank account or card before removing this one.',
      { reason: 'LAST_EXTERNAL_ACCOUNT' },
    );
  return 'needs_balance';
}

/**
 * The last bank account or card of a currency stays while the account has money in it —
 * available, pending or held in reserve (or owes some: what comes in pays that first), so every
 * balance always has somewhere to be paid out to.
 */
export function balanceRefusal(currency: string, balance: CurrencyBalance): DashError | null {
  if (balance.available === 0 && balance.pending === 0 && balance.reserve === 0) return null;
  return new DashError(
    'FAILED_PRECONDITION',
    `You have a ${currency.toUpperCase()} balance, so it needs a ${currency.toUpperCase()} bank account or card: add another before removing this one.`,
    { reason: 'CURRENCY_HAS_BALANCE', currency },
  );
}
