/**
 * Evidence a card network weighs for each dispute reason (Stripe's evidence fields): text
 * answers, and files (receipts, shipping proof, policies). For each reason, what must be there
 * before evidence can be submitted, and what helps.
 */
export const TEXT_EVIDENCE = [
  'productDescription',
  'customerName',
  'customerEmailAddress',
  'billingAddress',
  'shippingAddress',
  'shippingCarrier',
  'shippingTrackingNumber',
  'shippingDate',
  'serviceDate',
  'cancellationPolicyDisclosure',
  'cancellationRebuttal',
  'refundPolicyDisclosure',
  'refundRefusalExplanation',
  'duplicateChargeId',
  'duplicateChargeExplanation',
  'uncategorizedText',
] as const;

export const FILE_EVIDENCE = [
  'receipt',
  'shippingDocumentation',
  'cancellationPolicy',
  'refundPolicy',
  'customerCommunication',
  'uncategorizedFile',
] as const;

export type TextEvidence = (typeof TEXT_EVIDENCE)[number];
export type FileEvidence = (typeof FILE_EVIDENCE)[number];
export type EvidenceField = TextEvidence | FileEvidence;
export type Evidence = Partial<Record<EvidenceField, string>>;

export const DISPUTE_REASONS = [
  'bank_cannot_process',
  'check_returned',
  'credit_not_processed',
  'customer_initiated',
  'debit_not_authorized',
  'duplicate',
  'fraudulent',
  'general',
  'incorrect_account_details',
  'insufficient_funds',
  'product_not_received',
  'product_unacceptable',
  'subscription_canceled',
  'unrecognized',
] as const;
export type DisputeReasonCode = (typeof DISPUTE_REASONS)[number];

interface ReasonRules {
  required: EvidenceField[];
  helpful: EvidenceField[];
}

const GENERAL: ReasonRules = {
  required: ['uncategorizedText'],
  helpful: ['uncategorizedFile', 'receipt', 'customerCommunication'],
};

const RULES: Partial<Record<DisputeReasonCode, ReasonRules>> = {
  fraudulent: {
    required: ['productDescription', 'customerName', 'customerEmailAddress'],
    helpful: ['billingAddress', 'receipt', 'customerCommunication'],
  },
  unrecognized: {
    required: ['productDescription', 'customerName'],
    helpful: ['customerEmailAddress', 'receipt', 'customerCommunication'],
  },
  product_not_received: {
    required: ['shippingCarrier', 'shippingTrackingNumber', 'shippingDate'],
    helpful: ['shippingAddress', 'shippingDocumentation', 'productDescription'],
  },
  product_unacceptable: {
    required: ['productDescription'],
    helpful: ['customerCommunication', 'refundPolicy', 'refundPolicyDisclosure'],
  },
  duplicate: {
    required: ['duplicateChargeExplanation'],
    helpful: ['duplicateChargeId', 'receipt'],
  },
  subscription_canceled: {
    required: ['cancellationRebuttal'],
    helpful: ['cancellationPolicy', 'cancellationPolicyDisclosure', 'customerCommunication'],
  },
  credit_not_processed: {
    required: ['refundRefusalExplanation'],
    helpful: ['refundPolicy', 'refundPolicyDisclosure', 'customerCommunication'],
  },
};

export const rulesFor = (reason: DisputeReasonCode): ReasonRules => RULES[reason] ?? GENERAL;

/** The fields a dispute of this reason asks for, required ones first. */
export function evidenceFieldsFor(reason: DisputeReasonCode) {
  const { required, helpful } = rulesFor(reason);
  return [
    ...required.map((name) => ({ name, required: true })),
    ...helpful.map((name) => ({ name, required: false })),
  ].map((field) => ({
    ...field,
    kind: (FILE_EVIDENCE as readonly string[]).includes(field.name) ? 'file' : 'text',
  }));
}

/** What a reason requires that the evidence does not have yet. */
export const missingEvidence = (reason: DisputeReasonCode, evidence: Evidence): EvidenceField[] =>
  rulesFor(reason).required.filter((field) => !evidence[field]?.trim());

export const MAX_TEXT_EVIDENCE = 20_000;

/** The ids of the files the evidence names. */
export const fileIdsOf = (evidence: Evidence | null | undefined): string[] =>
  FILE_EVIDENCE.map((field) => evidence?.[field]).filter((id): id is string => Boolean(id));
