import type { BankDebitRail, DebitStatus, RailDebit } from './bank-debit-rail.js';

/**
 * Bank account numbers whose debits the simulated rail fails, with the reason: the endings of
 * Stripe's failing test bank accounts (000111111116 and so on), as the simulated payout bank
 * uses them. Documented in the README.
 */
export const SIMULATED_DEBIT_FAILURES: Record<string, { code: string; message: string }> = {
  '1116': { code: 'no_account', message: 'No bank account could be found with these details.' },
  '1113': { code: 'account_closed', message: 'The bank account has been closed.' },
  '3335': {
    code: 'debit_not_authorized',
    message: 'The bank does not allow debits from this account.',
  },
  '2227': { code: 'insufficient_funds', message: 'The bank account does not hold enough money.' },
};

/**
 * The rail of development and tests: takes every debit, keeps it pending for `settleMs`, then
 * settles it — unless its source is one of the failing test account numbers.
 */
export class SimulatedDebitRail implements BankDebitRail {
  constructor(
    private readonly settings: { settleMs: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async debit(debit: RailDebit) {
    return { reference: `simdebit_${debit.id}` };
  }

  async status(debit: RailDebit & { reference: string; sentAt: Date }): Promise<DebitStatus> {
    if (this.now().getTime() - debit.sentAt.getTime() < this.settings.settleMs)
      return { state: 'pending' };
    const failure = SIMULATED_DEBIT_FAILURES[debit.source?.slice(-4) ?? ''];
    return failure ? { state: 'failed', ...failure } : { state: 'settled' };
  }
}
