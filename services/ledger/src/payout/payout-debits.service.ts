import type { EntityManager } from 'typeorm';
import {
  accountRefOf,
  type AccountRef,
  type PayoutDebit,
  type PayoutDebitRequest,
  type PayoutReversalRequest,
} from '@dash/contracts';
import { DashError } from '@dash/errors';
import { formatMoney } from '@dash/money';
import type { BalanceTransaction } from '../balance-transaction/balance-transaction.entity.js';
import { earlierEffect, postReturnOf, type ServiceCommands } from '../postings/commands.service.js';
import { payoutEntry, payoutReversalEntry } from '../postings/entries.rules.js';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';
import { lockOwnBalances } from '../postings/own-balances.service.js';
import { postEntry } from '../postings/post-entry.service.js';

/** Idempotency keys of the payouts service: one per payout (and one per payout's reversal). */
const KEY_SCOPE = 'svc:payouts';

const answer = (transaction: BalanceTransaction): PayoutDebit => ({
  balanceTransactionId: transaction.id,
  amount: -transaction.amount,
  fee: transaction.fee,
});

/** Which unpaid transactions an automatic payout takes: all, or those from before a moment. */
export type PayoutCutoff =
  | { createdBefore: Date }
  /** Seeds writing history: what had settled by the payout's moment. */
  | { availableBy: Date }
  | null;

/**
 * The unpaid available transactions of one account and currency, within the cutoff. A reserve
 * top-up is left out, settled or failed: its money is in the reserve (or never came), not in
 * the available balance a payout pays from, so counting it would pay recent money the rolling
 * delay holds back.
 */
function unpaidWhere(
  account: AccountRef,
  currency: string,
  cutoff: PayoutCutoff,
): [string, unknown[]] {
  const [condition, values]: [string, Date[]] = !cutoff
    ? ['', []]
    : 'createdBefore' in cutoff
      ? ['AND created_at < ?', [cutoff.createdBefore]]
      : ['AND available_on <= ?', [cutoff.availableBy]];
  return [
    `account_id = ? AND payout_id IS NULL AND livemode = ? AND currency = ?
       AND status = 'available' AND type NOT IN ('topup', 'topup_reversal') ${condition}`,
    [account.accountId, account.livemode, currency, ...values],
  ];
}

/**
 * What an automatic payout pays out: the available transactions no automatic payout has paid
 * yet (within the cutoff) — its own included, so the next one does not list it. Each automatic
 * payout's transactions sum to zero with it, so what is left unpaid always sums to the
 * available balance.
 */
export async function attachToPayout(
  manager: EntityManager,
  payoutId: string,
  account: AccountRef,
  currency: string,
  cutoff: PayoutCutoff,
  ownTransactionId?: string,
): Promise<void> {
  const [where, values] = unpaidWhere(account, currency, cutoff);
  // With a cutoff the payout's own line, made now, is newer than it: named, or a later run
  // whose cutoff has passed it would count the payout against the balance a second time.
  const own = ownTransactionId ? ' OR id = ?' : '';
  await manager.query(`UPDATE balance_transactions SET payout_id = ? WHERE (${where})${own}`, [
    payoutId,
    ...values,
    ...(ownTransactionId ? [ownTransactionId] : []),
  ]);
}

/**
 * What the unpaid available transactions within the cutoff put into the available balance:
 * their postings to it, not their nets. The two differ where a refund or dispute drew on the
 * reserve (its net is the whole amount, the available balance gave only the rest), and summing
 * nets would leave that difference unpaid for good.
 */
async function unpaidNet(
  manager: EntityManager,
  account: AccountRef,
  currency: string,
  cutoff: PayoutCutoff,
): Promise<number> {
  const [where, values] = unpaidWhere(account, currency, cutoff);
  const [row] = (await manager.query(
    `SELECT COALESCE(SUM(amount), 0) AS net FROM postings
     WHERE ledger_account = ? AND balance_transaction_id IN
       (SELECT id FROM balance_transactions WHERE ${where})`,
    [ledgerAccount.available(account.accountId), ...values],
  )) as Array<{ net: string }>;
  return Number(row?.net ?? 0);
}

/**
 * The ledger's side of payouts. A debit locks the account's available balance row first, so
 * concurrent payouts queue on it and each sees what the one before left: together they can
 * never take the balance below zero.
 */
export class PayoutDebits {
  constructor(private readonly commands: ServiceCommands) {}

  debit(request: PayoutDebitRequest): Promise<PayoutDebit> {
    return this.commands
      .postOnce(
        { scope: KEY_SCOPE, key: request.payoutId, operation: 'payout', params: request },
        // Tried again after its answer was lost: the debit it made, not a second look at a
        // balance it already took from.
        (manager) => earlierEffect(manager, request.payoutId, ['payout']),
        (manager, id) => this.post(manager, id, request),
      )
      .then(answer);
  }

  reverse(request: PayoutReversalRequest): Promise<PayoutDebit> {
    return this.commands
      .postOnce(
        {
          scope: KEY_SCOPE,
          key: `${request.payoutId}:reversal`,
          operation: 'payoutReversal',
          params: request,
        },
        (manager) => earlierEffect(manager, request.payoutId, ['payout_failure', 'payout_cancel']),
        (manager, id) =>
          postReturnOf(
            manager,
            id,
            {
              balanceTransactionId: request.balanceTransactionId,
              source: request.payoutId,
              type: 'payout',
            },
            (paid, now) =>
              payoutReversalEntry({
                ...accountRefOf(paid),
                type: request.reason,
                currency: paid.currency,
                amount: -paid.amount,
                fee: paid.fee,
                sourceId: request.payoutId,
                description: request.description,
                now,
              }),
            new Date(),
          ),
      )
      .then(answer);
  }

  private async post(
    manager: EntityManager,
    id: string,
    request: PayoutDebitRequest,
  ): Promise<BalanceTransaction> {
    const { currency, fee } = request;
    const account = accountRefOf(request);
    const { available } = await lockOwnBalances(manager, account, currency);
    // The rolling delay holds back what was made since the cutoff. Where that is nothing (or
    // less than nothing: a recent refund), the whole available balance goes, and with it every
    // unpaid transaction — so the unpaid ones always sum to what is available.
    let cutoff: PayoutCutoff = request.createdBefore
      ? { createdBefore: new Date(request.createdBefore) }
      : null;
    let amount = request.amount;
    if (amount === 'available') {
      let payable = available;
      if (cutoff) {
        const older = await unpaidNet(manager, account, currency, cutoff);
        if (older < available) payable = older;
        else cutoff = null;
      }
      amount = payable - fee;
      if (amount <= 0)
        throw new DashError('FAILED_PRECONDITION', 'There is nothing available to pay out.', {
          reason: 'NOTHING_TO_PAY_OUT',
        });
    }
    if (amount + fee > available)
      throw new DashError(
        'FAILED_PRECONDITION',
        `The available balance (${formatMoney(Math.max(available, 0), currency, 'en')}) does not cover this payout${fee ? ' and its fee' : ''}.`,
        { reason: 'INSUFFICIENT_FUNDS', available: Math.max(available, 0), field: 'amount' },
      );
    const now = new Date();
    const entry = payoutEntry({
      ...account,
      currency,
      amount,
      fee,
      sourceId: request.payoutId,
      description: request.description,
      now,
    });
    const posted = await postEntry(manager, account, entry, now, id);
    if (request.automatic)
      await attachToPayout(manager, request.payoutId, account, currency, cutoff, posted.id);
    return posted;
  }
}
