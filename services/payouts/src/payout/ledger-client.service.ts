import {
  PAYOUT_DEBIT_PATH,
  PAYOUT_REVERSAL_PATH,
  type PayoutDebit,
  type PayoutDebitRequest,
  type PayoutReversalRequest,
} from '@dash/contracts';
import type { SecretKeys } from '@dash/config';
import { callService } from '@dash/subgraph';

/** The ledger's payout commands, called as the payouts service. */
export class LedgerClient {
  constructor(
    private readonly ledgerUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {}

  debit(request: PayoutDebitRequest): Promise<PayoutDebit> {
    return this.call(PAYOUT_DEBIT_PATH, request);
  }

  reverse(request: PayoutReversalRequest): Promise<PayoutDebit> {
    return this.call(PAYOUT_REVERSAL_PATH, request);
  }

  private call(path: string, body: unknown): Promise<PayoutDebit> {
    return callService<PayoutDebit>(new URL(path, this.ledgerUrl), body, {
      service: 'payouts',
      audience: 'ledger',
      secret: this.internalSecret,
    });
  }
}
