import {
  RECOVERIES_DUE_PATH,
  RECOVERY_COVER_PATH,
  RECOVERY_DEBIT_FAILED_PATH,
  RECOVERY_DEBIT_PATH,
  RECOVERY_DEBIT_SETTLED_PATH,
  type LedgerMovement,
  type RecoveriesDue,
  type RecoveriesDueRequest,
  type RecoveryCover,
  type RecoveryCoverRequest,
  type RecoveryDebitOutcomeRequest,
  type RecoveryDebitRequest,
} from '@dash/contracts';
import type { SecretKeys } from '@dash/config';
import { callService } from '@dash/subgraph';

/** The ledger's recovery commands and questions, called as the payouts service. */
export class RecoveryLedgerClient {
  constructor(
    private readonly ledgerUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {}

  due(request: RecoveriesDueRequest): Promise<RecoveriesDue> {
    return this.call(RECOVERIES_DUE_PATH, request);
  }

  start(request: RecoveryDebitRequest): Promise<LedgerMovement> {
    return this.call(RECOVERY_DEBIT_PATH, request);
  }

  settled(request: RecoveryDebitOutcomeRequest): Promise<LedgerMovement> {
    return this.call(RECOVERY_DEBIT_SETTLED_PATH, request);
  }

  failed(request: RecoveryDebitOutcomeRequest): Promise<LedgerMovement> {
    return this.call(RECOVERY_DEBIT_FAILED_PATH, request);
  }

  cover(request: RecoveryCoverRequest): Promise<RecoveryCover> {
    return this.call(RECOVERY_COVER_PATH, request);
  }

  private call<Answer>(path: string, body: unknown): Promise<Answer> {
    return callService<Answer>(new URL(path, this.ledgerUrl), body, {
      service: 'payouts',
      audience: 'ledger',
      secret: this.internalSecret,
    });
  }
}
