import { GraphqlRequestError, type GraphqlClient } from '@dash/web-kit';

export type DisputeStatus =
  | 'warning_needs_response'
  | 'warning_under_review'
  | 'warning_closed'
  | 'needs_response'
  | 'under_review'
  | 'won'
  | 'lost';

export interface DisputeRow {
  id: string;
  createdAt: string;
  amount: number;
  currency: string;
  reason: string;
  status: DisputeStatus;
  evidenceDueBy: string | null;
  overdue: boolean;
  charge: string;
}

export interface EvidenceFieldInfo {
  name: string;
  kind: 'text' | 'file';
  required: boolean;
}

export interface DisputeDetail extends DisputeRow {
  fee: number;
  isChargeRefundable: boolean;
  evidenceSubmittedAt: string | null;
  evidence: Record<string, string | null>;
  evidenceFields: EvidenceFieldInfo[];
  evidenceFiles: Array<{ id: string; filename: string }>;
  timeline: Array<{ type: string; at: string }>;
}

export interface DisputedPayment {
  id: string;
  amount: number;
  currency: string;
  description: string;
  createdAt: string;
  customer: { name: string | null; email: string | null };
}

export interface UploadedFile {
  id: string;
  filename: string;
}

const ROW = 'id createdAt amount currency reason status evidenceDueBy overdue charge';
const DETAIL = `${ROW} fee isChargeRefundable evidenceSubmittedAt
  evidence { ${[
    'productDescription customerName customerEmailAddress billingAddress shippingAddress',
    'shippingCarrier shippingTrackingNumber shippingDate serviceDate cancellationPolicyDisclosure',
    'cancellationRebuttal refundPolicyDisclosure refundRefusalExplanation duplicateChargeId',
    'duplicateChargeExplanation uncategorizedText receipt shippingDocumentation cancellationPolicy',
    'refundPolicy customerCommunication uncategorizedFile',
  ].join(' ')} }
  evidenceFields { name kind required } evidenceFiles { id filename } timeline { type at }`;

/** Sends a file's bytes to /files (the shell passes it on with the session cookie). */
export type Uploader = (file: File) => Promise<UploadedFile>;

export const uploadThroughShell: Uploader = async (file) => {
  const response = await fetch('/files', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
    body: file,
  });
  const body = (await response.json()) as UploadedFile & {
    error?: { code?: string; message?: string; extensions?: Record<string, unknown> };
  };
  if (!response.ok) {
    // A refusal as the GraphQL client gives one, so the screen reads its reason the same way.
    // It names no field: a file is refused as a whole.
    const extensions = body.error?.extensions ?? {};
    throw new GraphqlRequestError(
      body.error?.message ?? 'The file could not be uploaded.',
      body.error?.code ?? 'UPLOAD_FAILED',
      undefined,
      { ...extensions, reason: extensions.reason ?? 'UPLOAD_FAILED' },
    );
  }
  return body;
};

export function disputesApi(client: GraphqlClient, upload: Uploader = uploadThroughShell) {
  return {
    upload,
    account: async () =>
      (
        await client.query<{ me: { platform: { features: { manageDisputes: boolean } } } }>(
          'query DisputesAccount { me { id platform { features { manageDisputes } } } }',
        )
      ).me,
    list: async () =>
      (
        await client.query<{ me: { disputes: DisputeRow[] } }>(
          `query Disputes { me { id disputes(first: 100) { ${ROW} } } }`,
        )
      ).me.disputes,
    /** The dispute (disputes). */
    dispute: async (id: string) =>
      (
        await client.query<{ me: { dispute: DisputeDetail | null } }>(
          `query Dispute($id: ID!) { me { id dispute(id: $id) { ${DETAIL} } } }`,
          { id },
        )
      ).me.dispute,
    /** The payment a dispute is about (the ledger), by the dispute's `charge`. */
    payment: async (charge: string) =>
      (
        await client.query<{ me: { payment: DisputedPayment | null } }>(
          'query DisputedPayment($id: ID!) { me { id payment(id: $id) { id amount currency description createdAt customer { name email } } } }',
          { id: charge },
        )
      ).me.payment,
    save: (id: string, evidence: Record<string, string>) =>
      client.query<{ saveDisputeEvidence: { id: string } }>(
        'mutation SaveDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) { saveDisputeEvidence(dispute: $id, evidence: $evidence) { id } }',
        { id, evidence },
      ),
    submit: (id: string) =>
      client.query<{ submitDisputeEvidence: { id: string } }>(
        'mutation SubmitDisputeEvidence($id: ID!) { submitDisputeEvidence(dispute: $id) { id } }',
        { id },
      ),
    accept: (id: string) =>
      client.query<{ acceptDispute: { id: string } }>(
        'mutation AcceptDispute($id: ID!) { acceptDispute(dispute: $id) { id } }',
        { id },
      ),
  };
}

export type DisputesApi = ReturnType<typeof disputesApi>;

export const awaitingResponse = (status: DisputeStatus) =>
  status === 'needs_response' || status === 'warning_needs_response';
