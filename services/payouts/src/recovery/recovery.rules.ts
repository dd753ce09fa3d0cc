/** Tries of one debit before it is uncollectible and the platform covers what is owed. */
export const MAX_RECOVERY_ATTEMPTS = 3;

/**
 * How long after a failed try the next one starts: the base (a day), doubling with each try —
 * 1 day after the first, 2 after the second (and 4 after a third, were there more tries).
 */
export const retryDelayMs = (attempt: number, baseMs: number) => baseMs * 2 ** (attempt - 1);

/** What a failed try leads to: another try later, or giving up. */
export const afterFailure = (attempt: number): 'retry' | 'give_up' =>
  attempt < MAX_RECOVERY_ATTEMPTS ? 'retry' : 'give_up';

/** One debit under way at a time per account, mode and currency: the unique key it holds. */
export const openKeyOf = (debit: { accountId: string; livemode: boolean; currency: string }) =>
  `${debit.accountId}:${debit.livemode ? 'live' : 'test'}:${debit.currency}`;
