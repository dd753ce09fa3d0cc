import { DashError } from '@dash/errors';
import { ledgerAccount } from './ledger-accounts.rules.js';

export const BALANCE_TRANSACTION_TYPES = [
  'charge',
  'refund',
  'transfer',
  'payout',
  'payout_failure',
  'payout_cancel',
  'application_fee',
  'adjustment',
  'dispute',
  'dispute_reversal',
  'topup',
  'topup_reversal',
  'reserve_hold',
  'reserve_release',
  'recovery_debit',
  'recovery_debit_failure',
  'negative_balance_cover',
] as const;
export type BalanceTransactionType = (typeof BALANCE_TRANSACTION_TYPES)[number];

/** Stripe's reporting categories: how finance teams group balance transactions. */
export const REPORTING_CATEGORY: Record<BalanceTransactionType, string> = {
  charge: 'charge',
  refund: 'refund',
  transfer: 'transfer',
  payout: 'payout',
  payout_failure: 'payout_reversal',
  payout_cancel: 'payout_reversal',
  application_fee: 'platform_earning',
  adjustment: 'other_adjustment',
  dispute: 'dispute',
  dispute_reversal: 'dispute_reversal',
  topup: 'topup',
  topup_reversal: 'topup_reversal',
  reserve_hold: 'risk_reserved_funds',
  reserve_release: 'risk_reserved_funds',
  recovery_debit: 'negative_balance_recovery',
  recovery_debit_failure: 'negative_balance_recovery',
  negative_balance_cover: 'negative_balance_recovery',
};

export interface FeeDetail {
  type: 'processing_fee' | 'application_fee' | 'instant_payout_fee' | 'dispute_fee';
  amount: number;
  description: string;
}

/** One line of a balance transaction: money into (+) or out of (−) one ledger account. */
export interface Posting {
  ledgerAccount: string;
  amount: number;
}

/** A balance transaction before it is written: what the account sees, and its postings. */
export interface LedgerEntry {
  type: BalanceTransactionType;
  amount: number;
  fee: number;
  feeDetails: FeeDetail[];
  net: number;
  currency: string;
  status: 'pending' | 'available';
  availableOn: Date;
  /** The platform's words; without them the dashboard says "Payment from {platform}". */
  description: string | null;
  /** The charge, refund, transfer or payout this transaction records. */
  sourceId: string;
  postings: Posting[];
  /** What this adds to the account's net volume (the earnings chart). */
  earnings: number;
}

export class UnbalancedEntryError extends Error {}

/**
 * The refusal of a movement whose amounts, or the balances and totals they would leave, go
 * beyond what JavaScript counts exactly (2^53 − 1 minor units; a BIGINT holds more, so this
 * comes first).
 */
export const amountOverflow = () =>
  new DashError(
    'FAILED_PRECONDITION',
    'This amount would take a balance or total beyond what the ledger can hold exactly.',
    { reason: 'AMOUNT_OVERFLOW', field: 'amount' },
  );

/** Postings with a zero amount say nothing; every entry must sum to exactly zero. */
export function balanced(postings: Posting[]): Posting[] {
  if (postings.some((posting) => !Number.isSafeInteger(posting.amount))) throw amountOverflow();
  const lines = postings.filter((posting) => posting.amount !== 0);
  const sum = lines.reduce((total, posting) => total + posting.amount, 0);
  if (sum !== 0) throw new UnbalancedEntryError(`postings sum to ${sum}, not 0`);
  return lines;
}

export interface Parties {
  accountId: string;
  platformId: string;
  currency: string;
  sourceId: string;
  description: string | null;
  now: Date;
}

/**
 * A direct charge on the connected account: the card network pays the whole amount in, the
 * processor keeps its fee, the platform its application fee, and the rest is the account's —
 * pending until `availableOn`, or available at once when that has come.
 */
export function chargeEntry(
  parties: Parties & {
    amount: number;
    processingFee: number;
    applicationFee: number;
    availableOn: Date;
  },
): LedgerEntry {
  const { accountId, platformId, amount, processingFee, applicationFee } = parties;
  const fee = processingFee + applicationFee;
  const net = amount - fee;
  const status = parties.availableOn > parties.now ? 'pending' : 'available';
  return {
    type: 'charge',
    amount,
    fee,
    feeDetails: [
      { type: 'processing_fee' as const, amount: processingFee, description: 'Processing fees' },
      { type: 'application_fee' as const, amount: applicationFee, description: 'Platform fee' },
    ].filter((detail) => detail.amount > 0),
    net,
    currency: parties.currency,
    status,
    availableOn: parties.availableOn,
    description: parties.description,
    sourceId: parties.sourceId,
    postings: balanced([
      { ledgerAccount: ledgerAccount.external, amount: -amount },
      {
        ledgerAccount:
          status === 'pending'
            ? ledgerAccount.pending(accountId)
            : ledgerAccount.available(accountId),
        amount: net,
      },
      { ledgerAccount: ledgerAccount.fees, amount: processingFee },
      { ledgerAccount: ledgerAccount.platform(platformId), amount: applicationFee },
    ]),
    earnings: net,
  };
}

/**
 * An entry that takes effect at once — everything but a charge, which may wait to settle: it is
 * available now, and its net is its amount less its fee.
 */
export function immediateEntry(
  parties: Parties,
  entry: Pick<LedgerEntry, 'type' | 'amount' | 'postings' | 'earnings'> &
    Partial<Pick<LedgerEntry, 'fee' | 'feeDetails'>>,
): LedgerEntry {
  const fee = entry.fee ?? 0;
  return {
    type: entry.type,
    amount: entry.amount,
    fee,
    feeDetails: entry.feeDetails ?? [],
    net: entry.amount - fee,
    currency: parties.currency,
    status: 'available',
    availableOn: parties.now,
    description: parties.description,
    sourceId: parties.sourceId,
    postings: balanced(entry.postings),
    earnings: entry.earnings,
  };
}

/**
 * Money the account owes going out: from its refunds-and-disputes reserve first, as far as the
 * reserve goes, then from its available balance — which may go below zero, to be made good by
 * the payments that settle next.
 */
function drawPostings(accountId: string, total: number, reserve: number): Posting[] {
  const fromReserve = Math.min(Math.max(reserve, 0), total);
  return [
    { ledgerAccount: ledgerAccount.reserve(accountId), amount: -fromReserve },
    { ledgerAccount: ledgerAccount.available(accountId), amount: -(total - fromReserve) },
  ];
}

/**
 * Money coming back to the available balance from outside — a won dispute, a payout the bank
 * returned — with the fee that went with it, where that comes back too.
 */
function moneyBackEntry(
  parties: Parties,
  entry: { type: BalanceTransactionType; amount: number; feeBack: number; earnings: number },
): LedgerEntry {
  const back = entry.amount + entry.feeBack;
  return immediateEntry(parties, {
    type: entry.type,
    amount: back,
    postings: [
      { ledgerAccount: ledgerAccount.external, amount: -entry.amount },
      { ledgerAccount: ledgerAccount.fees, amount: -entry.feeBack },
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: back },
    ],
    earnings: entry.earnings,
  });
}

/** Money back to the cardholder: it comes off the account's balance and earnings. */
export function refundEntry(parties: Parties & { amount: number; reserve: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'refund',
    amount: -parties.amount,
    postings: [
      ...drawPostings(parties.accountId, parties.amount, parties.reserve),
      { ledgerAccount: ledgerAccount.external, amount: parties.amount },
    ],
    earnings: -parties.amount,
  });
}

/**
 * The card network takes a disputed amount back, and a dispute fee with it: both drawn as a
 * refund is, reserve first. Disputes count against the account's net volume, as refunds do.
 */
export function disputeEntry(
  parties: Parties & { amount: number; fee: number; reserve: number },
): LedgerEntry {
  const { amount, fee } = parties;
  return immediateEntry(parties, {
    type: 'dispute',
    amount: -amount,
    fee,
    feeDetails:
      fee > 0 ? [{ type: 'dispute_fee' as const, amount: fee, description: 'Dispute fee' }] : [],
    postings: [
      ...drawPostings(parties.accountId, amount + fee, parties.reserve),
      { ledgerAccount: ledgerAccount.external, amount },
      { ledgerAccount: ledgerAccount.fees, amount: fee },
    ],
    earnings: -amount,
  });
}

/** A won dispute: the amount comes back to the available balance (and the fee, where due). */
export function disputeReversalEntry(
  parties: Parties & { amount: number; feeReturned: number },
): LedgerEntry {
  return moneyBackEntry(parties, {
    type: 'dispute_reversal',
    amount: parties.amount,
    feeBack: parties.feeReturned,
    earnings: parties.amount,
  });
}

/**
 * The account adds money from its bank to its refunds-and-disputes reserve. The bank debit
 * takes days to settle and may fail, so the money waits in the reserve's pending account —
 * nothing can draw on it — until the rail says it settled.
 */
export function topupEntry(parties: Parties & { amount: number }): LedgerEntry {
  return {
    ...immediateEntry(parties, {
      type: 'topup',
      amount: parties.amount,
      postings: [
        { ledgerAccount: ledgerAccount.external, amount: -parties.amount },
        { ledgerAccount: ledgerAccount.reservePending(parties.accountId), amount: parties.amount },
      ],
      earnings: 0,
    }),
    status: 'pending',
  };
}

/**
 * A top-up's bank debit settled: its money moves from pending into the reserve — `amount` is
 * what is left of it once a negative balance was made good (see recovery/recovery.rules.ts).
 */
export function topupSettlePostings(accountId: string, amount: number): Posting[] {
  return balanced([
    { ledgerAccount: ledgerAccount.reservePending(accountId), amount: -amount },
    { ledgerAccount: ledgerAccount.reserve(accountId), amount },
  ]);
}

/** A top-up's bank debit failed: the pending money goes back to where it never left. */
export function topupReversalEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'topup_reversal',
    amount: -parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.reservePending(parties.accountId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.external, amount: parties.amount },
    ],
    earnings: 0,
  });
}

/** The platform sends the account money from its own balance; available at once. */
export function transferEntry(parties: Parties & { amount: number }): LedgerEntry {
  return immediateEntry(parties, {
    type: 'transfer',
    amount: parties.amount,
    postings: [
      { ledgerAccount: ledgerAccount.platform(parties.platformId), amount: -parties.amount },
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: parties.amount },
    ],
    earnings: parties.amount,
  });
}

/**
 * Money leaving for the account's bank or card: its own money moving, not earnings. An instant
 * payout's fee comes off the balance on top of the amount and goes to the processor.
 */
export function payoutEntry(parties: Parties & { amount: number; fee?: number }): LedgerEntry {
  const fee = parties.fee ?? 0;
  return immediateEntry(parties, {
    type: 'payout',
    amount: -parties.amount,
    fee,
    feeDetails:
      fee > 0
        ? [{ type: 'instant_payout_fee' as const, amount: fee, description: 'Instant payout fee' }]
        : [],
    postings: [
      { ledgerAccount: ledgerAccount.available(parties.accountId), amount: -parties.amount - fee },
      { ledgerAccount: ledgerAccount.external, amount: parties.amount },
      { ledgerAccount: ledgerAccount.fees, amount: fee },
    ],
    earnings: 0,
  });
}

/**
 * A payout that failed at the bank or was canceled before it left: everything it took (the
 * amount and any instant fee) comes back to the available balance.
 */
export function payoutReversalEntry(
  parties: Parties & { type: 'payout_failure' | 'payout_cancel'; amount: number; fee: number },
): LedgerEntry {
  return moneyBackEntry(parties, {
    type: parties.type,
    amount: parties.amount,
    feeBack: parties.fee,
    earnings: 0,
  });
}

/** Settling: a pending transaction's net moves from pending to available. */
export function releasePostings(accountId: string, net: number): Posting[] {
  return balanced([
    { ledgerAccount: ledgerAccount.pending(accountId), amount: -net },
    { ledgerAccount: ledgerAccount.available(accountId), amount: net },
  ]);
}
