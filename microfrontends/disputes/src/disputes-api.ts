import { GraphqlRequestError, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type {
  DisputeDetailFragment,
  DisputedPaymentQuery,
  DisputeEvidenceInput,
  DisputeStatus,
} from './generated/graphql.js';

graphql(`
  fragment DisputeRow on Dispute {
    id
    createdAt
    amount
    currency
    reason
    status
    evidenceDueBy
    overdue
    charge
  }
`);

graphql(`
  fragment DisputeDetail on Dispute {
    ...DisputeRow
    fee
    isChargeRefundable
    evidenceSubmittedAt
    evidence {
      productDescription
      customerName
      customerEmailAddress
      billingAddress
      shippingAddress
      shippingCarrier
      shippingTrackingNumber
      shippingDate
      serviceDate
      cancellationPolicyDisclosure
      cancellationRebuttal
      refundPolicyDisclosure
      refundRefusalExplanation
      duplicateChargeId
      duplicateChargeExplanation
      uncategorizedText
      receipt
      shippingDocumentation
      cancellationPolicy
      refundPolicy
      customerCommunication
      uncategorizedFile
    }
    evidenceFields {
      name
      kind
      required
    }
    evidenceFiles {
      id
      filename
    }
    timeline {
      type
      at
    }
  }
`);

const DISPUTES = graphql(`
  query Disputes($after: String) {
    me {
      id
      disputes(first: 25, after: $after) {
        nodes {
          ...DisputeRow
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const DISPUTE = graphql(`
  query Dispute($id: ID!) {
    me {
      id
      dispute(id: $id) {
        ...DisputeDetail
      }
    }
  }
`);

const DISPUTED_PAYMENT = graphql(`
  query DisputedPayment($id: ID!) {
    me {
      id
      payment(id: $id) {
        id
        amount
        currency
        description
        createdAt
        customer {
          name
          email
        }
      }
    }
  }
`);

const SAVE_DISPUTE_EVIDENCE = graphql(`
  mutation SaveDisputeEvidence($id: ID!, $evidence: DisputeEvidenceInput!) {
    saveDisputeEvidence(dispute: $id, evidence: $evidence) {
      id
    }
  }
`);

const SUBMIT_DISPUTE_EVIDENCE = graphql(`
  mutation SubmitDisputeEvidence($id: ID!) {
    submitDisputeEvidence(dispute: $id) {
      id
    }
  }
`);

const ACCEPT_DISPUTE = graphql(`
  mutation AcceptDispute($id: ID!) {
    acceptDispute(dispute: $id) {
      id
    }
  }
`);

export type { DisputeRowFragment as DisputeRow, DisputeStatus } from './generated/graphql.js';
/** The evidence is read field by field, by the names `evidenceFields` gives. */
export type DisputeDetail = Omit<DisputeDetailFragment, 'evidence'> & {
  evidence: Record<string, string | null>;
};
export type DisputedPayment = NonNullable<DisputedPaymentQuery['me']['payment']>;

export interface UploadedFile {
  id: string;
  filename: string;
}

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
    /** A page of the list: those waiting for a response first, soonest due first. */
    page: async (after: string | null) => (await client.query(DISPUTES, { after })).me.disputes,
    /** The dispute (disputes). */
    dispute: async (id: string): Promise<DisputeDetail | null> =>
      (await client.query(DISPUTE, { id })).me.dispute,
    /** The payment a dispute is about (the ledger), by the dispute's `charge`. */
    payment: async (charge: string) =>
      (await client.query(DISPUTED_PAYMENT, { id: charge })).me.payment,
    save: (id: string, evidence: DisputeEvidenceInput) =>
      client.query(SAVE_DISPUTE_EVIDENCE, { id, evidence }),
    submit: (id: string) => client.query(SUBMIT_DISPUTE_EVIDENCE, { id }),
    accept: (id: string) => client.query(ACCEPT_DISPUTE, { id }),
  };
}

export type DisputesApi = ReturnType<typeof disputesApi>;

export const awaitingResponse = (status: DisputeStatus) =>
  status === 'needs_response' || status === 'warning_needs_response';
