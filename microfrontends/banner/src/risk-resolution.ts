import { uploadDocumentPage, type GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { BannerQuery, VerificationDocumentType } from './generated/graphql.js';

/** Resolves a request for information: `confirm` for a confirmation, `answer` for a question. */
const RESOLVE_RISK_INTERVENTION = graphql(`
  mutation ResolveRiskIntervention($id: ID!, $confirm: Boolean, $answer: String) {
    resolveRiskIntervention(id: $id, confirm: $confirm, answer: $answer) {
      id
      status
    }
  }
`);

/**
 * Sends uploaded pages as the document an intervention asks for; test mode reviews it at once.
 * Never from a platform's page: /files refuses other sites (see the gateway's embedded list).
 */
const ATTACH_VERIFICATION_DOCUMENT = graphql(`
  mutation AttachVerificationDocument($input: VerificationDocumentInput!) {
    attachVerificationDocument(input: $input) {
      id
      status
    }
  }
`);

export type RiskInterventionView = BannerQuery['me']['riskInterventions'][number];

/** What the banner's notices do to lift an intervention, in the dashboard itself. */
export function riskResolution(client: GraphqlClient) {
  return {
    confirm: (id: string) =>
      client.query(RESOLVE_RISK_INTERVENTION, { id, confirm: true, answer: null }),
    answer: (id: string, answer: string) =>
      client.query(RESOLVE_RISK_INTERVENTION, { id, confirm: null, answer }),
    /** Uploads the pages, then sends them as the document for `requirement`. */
    async sendDocument(
      requirement: string,
      type: string,
      front: File,
      back: File | null,
    ): Promise<void> {
      const frontId = await uploadDocumentPage(front);
      const backId = back ? await uploadDocumentPage(back) : null;
      await client.query(ATTACH_VERIFICATION_DOCUMENT, {
        input: {
          requirement,
          type: type as VerificationDocumentType,
          front: frontId,
          back: backId,
        },
      });
    },
  };
}

export type RiskResolution = ReturnType<typeof riskResolution>;
