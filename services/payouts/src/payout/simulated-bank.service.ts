import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PayoutRail, RailDestination, RailPayout, RailStatus } from './payout-rail.service.js';
import { testCardFunding } from './test-cards.rules.js';

/**
 * Bank account numbers that the simulated bank returns payouts to, with the reason — the same
 * endings as Stripe's test bank accounts (000111111116 and so on). Documented in the README.
 */
export const SIMULATED_FAILURES: Record<string, { code: string; message: string }> = {
  '1116': {
    code: 'no_account',
    message: 'No bank account could be found with these details.',
  },
  '1113': { code: 'account_closed', message: 'The bank account has been closed.' },
  '3335': {
    code: 'debit_not_authorized',
    message: 'The bank does not accept this kind of transfer into the account.',
  },
  '4440': {
    code: 'invalid_currency',
    message: 'The bank could not take a payout in this currency.',
  },
};
const RANDOM_FAILURE = {
  code: 'could_not_process',
  message: 'The bank could not process this payout.',
};

export interface SimulatedBankSettings {
  /** How long a payout stays in transit before the bank reports it paid (or failed). */
  settleMs: number;
  /** The share of payouts (0–1) that fail on purpose, to exercise the failure path. */
  failureRate: number;
}

/** A share in [0, 1) fixed by the payout id: the same payout always draws the same. */
const draw = (id: string) => createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;

/**
 * The bank of development and tests: takes every payout, keeps it in transit for `settleMs`,
 * then pays it — unless the account number is one of the failing test numbers, or the payout
 * falls in the configured failure rate. Of cards it knows how Stripe's test numbers are funded.
 */
export class SimulatedBank implements PayoutRail {
  /**
   * How many times each recent payout id was handed over. A real rail takes a payout once per
   * idempotency key; this one answers the same reference again too, and keeps the count so
   * tests can see a payout was sent once, however many workers ran.
   */
  private readonly handedOver = new LRUCache<string, number>({ max: 100_000 });

  constructor(
    private readonly settings: SimulatedBankSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async register(destination: RailDestination) {
    const failure = destination.kind === 'bank_account' ? destination.number.slice(-4) : '';
    const outcome = SIMULATED_FAILURES[failure] ? failure : 'ok';
    const card = destination.kind === 'card';
    return {
      token: `sim_${outcome}_${randomBytes(8).toString('hex')}`,
      bankName: card ? null : 'Simulated Bank',
      funding: card ? testCardFunding(destination.number) : null,
    };
  }

  async send(payout: RailPayout) {
    this.handedOver.set(payout.id, (this.handedOver.get(payout.id) ?? 0) + 1);
    return { reference: `sim_${payout.id}` };
  }

  /** How many times a payout was handed to the bank (recent payouts only). */
  timesSent(payoutId: string): number {
    return this.handedOver.get(payoutId) ?? 0;
  }

  async status(payout: RailPayout & { reference: string; sentAt: Date }): Promise<RailStatus> {
    if (this.now().getTime() - payout.sentAt.getTime() < this.settings.settleMs)
      return { state: 'in_transit' };
    const failure = SIMULATED_FAILURES[payout.destinationToken.split('_')[1] ?? ''];
    if (failure) return { state: 'failed', ...failure };
    if (draw(payout.id) < this.settings.failureRate) return { state: 'failed', ...RANDOM_FAILURE };
    return { state: 'paid' };
  }
}
