export {
  accountRefOf,
  belongsToTenant,
  type AccountCapabilities,
  type AccountRef,
  type OwnedAccount,
  type Tenant,
} from './tenant.js';
export { ACCOUNT_OWNER_PATH, chargesAllowed } from './account-owner.js';
export {
  CLOSURE_CHECK_PATH,
  CLOSURE_CHECKED_SERVICES,
  type ClosureBlocker,
  type ClosureCheckRequest,
  type ClosureCheckResponse,
} from './closure-check.js';
export {
  deliveryQueue,
  DeliveryQueue,
  openDeliveryParams,
  openDeliveryProducer,
  requestDelivery,
  SECRET_PARAMS,
  UnsealedParamError,
  type DeliveryJobs,
  type DeliveryRequest,
} from './delivery.js';
export {
  defaultSubgraphUrl,
  SUBGRAPHS,
  subgraphUrlVariable,
  type SubgraphName,
} from './subgraphs.js';
export {
  PAYOUT_DEBIT_PATH,
  PAYOUT_FORECAST_PATH,
  PAYOUT_REVERSAL_PATH,
  type PayoutDebit,
  type PayoutDebitRequest,
  type PayoutForecast,
  type PayoutForecastRequest,
  type PayoutReversalRequest,
} from './payout-ledger.js';
export {
  featureAllowed,
  PLATFORM_FEATURE_DEFAULTS,
  type PlatformFeatureName,
} from './platform-features.js';
export {
  CHALLENGE_CHECK_PATH,
  type ChallengeCheckRequest,
  type StepUpPurpose,
} from './challenge-check.js';
export {
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
} from './dispute-ledger.js';
export { ACCOUNT_CONTACT_PATH, type AccountContact } from './account-contact.js';
export { maskDestination } from './mask.js';
export {
  RECOVERIES_DUE_PATH,
  RECOVERY_COVER_PATH,
  RECOVERY_DEBIT_FAILED_PATH,
  RECOVERY_DEBIT_PATH,
  RECOVERY_DEBIT_SETTLED_PATH,
  type DueRecovery,
  type RecoveriesDue,
  type RecoveriesDueRequest,
  type RecoveryCover,
  type RecoveryCoverRequest,
  type RecoveryDebitOutcomeRequest,
  type RecoveryDebitRequest,
} from './recovery-ledger.js';
