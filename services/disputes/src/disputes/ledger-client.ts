import {
  CHARGE_FACTS_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  RESERVE_TOPUP_PATH,
  type ChargeFacts,
  type ChargeFactsRequest,
  type DisputeReinstatementRequest,
  type DisputeWithdrawalRequest,
  type LedgerMovement,
  type ReserveTopupRequest,
} from '@dash/contracts';
import type { SecretKeys } from '@dash/config';
import { callService } from '@dash/subgraph';

/** The ledger's dispute commands, called as the disputes service. */
export class LedgerClient {
  constructor(
    private readonly ledgerUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {}

  chargeFacts = (request: ChargeFactsRequest) => this.call<ChargeFacts>(CHARGE_FACTS_PATH, request);
  withdraw = (request: DisputeWithdrawalRequest) =>
    this.call<LedgerMovement>(DISPUTE_WITHDRAWAL_PATH, request);
  reinstate = (request: DisputeReinstatementRequest) =>
    this.call<LedgerMovement>(DISPUTE_REINSTATEMENT_PATH, request);
  topUp = (request: ReserveTopupRequest) => this.call<LedgerMovement>(RESERVE_TOPUP_PATH, request);

  private call<Answer>(path: string, body: unknown): Promise<Answer> {
    return callService<Answer>(new URL(path, this.ledgerUrl), body, {
      service: 'disputes',
      audience: 'ledger',
      secret: this.internalSecret,
    });
  }
}
