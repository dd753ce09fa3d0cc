import {
  CHARGE_FACTS_PATH,
  DISPUTE_INQUIRY_CLOSED_PATH,
  DISPUTE_INQUIRY_PATH,
  DISPUTE_REINSTATEMENT_PATH,
  DISPUTE_WITHDRAWAL_PATH,
  RESERVE_TOPUP_FAILED_PATH,
  RESERVE_TOPUP_PATH,
  RESERVE_TOPUP_SETTLED_PATH,
  type ChargeFacts,
  type ChargeFactsRequest,
  type DisputeInquiryClosedRequest,
  type DisputeInquiryRequest,
  type DisputeRegistration,
  type DisputeReinstatementRequest,
  type DisputeWithdrawalRequest,
  type LedgerMovement,
  type ReserveTopupOutcomeRequest,
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
  registerInquiry = (request: DisputeInquiryRequest) =>
    this.call<DisputeRegistration>(DISPUTE_INQUIRY_PATH, request);
  inquiryClosed = (request: DisputeInquiryClosedRequest) =>
    this.call<DisputeRegistration>(DISPUTE_INQUIRY_CLOSED_PATH, request);
  topUp = (request: ReserveTopupRequest) => this.call<LedgerMovement>(RESERVE_TOPUP_PATH, request);
  topUpSettled = (request: ReserveTopupOutcomeRequest) =>
    this.call<LedgerMovement>(RESERVE_TOPUP_SETTLED_PATH, request);
  topUpFailed = (request: ReserveTopupOutcomeRequest) =>
    this.call<LedgerMovement>(RESERVE_TOPUP_FAILED_PATH, request);

  private call<Answer>(path: string, body: unknown): Promise<Answer> {
    return callService<Answer>(new URL(path, this.ledgerUrl), body, {
      service: 'disputes',
      audience: 'ledger',
      secret: this.internalSecret,
    });
  }
}
