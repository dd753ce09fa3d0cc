import type { VerificationResult } from '../onboarding/verification.rules.js';
import type { DocumentType } from './document-requirements.rules.js';

/**
 * Reviewing an identity document: a provider looks at the pages and answers verified, failed
 * (with Stripe's `verification_document_*` codes) or pending. Test mode decides at once by what
 * the file holds, as Stripe's test files do; live mode plugs a real provider in behind the same
 * interface.
 */

/** What a reviewer is shown: the requirement, the kind of document, and its pages' bytes. */
export interface DocumentReviewRequest {
  accountId: string;
  requirement: string;
  type: DocumentType;
  pages: Buffer[];
}

export interface DocumentReviewer {
  review(request: DocumentReviewRequest): Promise<VerificationResult>;
}

/**
 * Test-mode markers, named after Stripe's test file tokens: a test-mode document whose bytes
 * contain one of them (in a PNG text chunk, a JPEG comment, a PDF's text) is reviewed so; any
 * other test-mode document is verified. services/identity/test/fixtures/ holds an image of each.
 */
export const TEST_DOCUMENT_MARKER = {
  verified: 'file_identity_document_success',
  failed: 'file_identity_document_failure',
  pending: 'file_identity_document_pending',
} as const;
const MARKERS = Object.values(TEST_DOCUMENT_MARKER).map((marker) => Buffer.from(marker));

/** Whether the bytes are one of the test-mode files (never accepted from a live account). */
export const isTestDocument = (bytes: Buffer) => MARKERS.some((marker) => bytes.includes(marker));

const holds = (pages: Buffer[], marker: string) => pages.some((page) => page.includes(marker));

export class TestModeDocumentReview implements DocumentReviewer {
  async review({ pages }: DocumentReviewRequest): Promise<VerificationResult> {
    if (holds(pages, TEST_DOCUMENT_MARKER.failed))
      return {
        status: 'failed',
        code: 'verification_document_failed_other',
        reason: 'The document could not be verified: send a clear photo of a valid document.',
      };
    if (holds(pages, TEST_DOCUMENT_MARKER.pending)) return { status: 'pending' };
    return { status: 'verified' };
  }
}

/**
 * Live mode without a document provider: the document waits as pending for a provider (or a
 * person) to answer. A real provider implements DocumentReviewer.
 */
export class ManualDocumentReview implements DocumentReviewer {
  async review(): Promise<VerificationResult> {
    return { status: 'pending' };
  }
}

/** What documents may be: photos and scans, read from the bytes. */
export const DOCUMENT_MIME_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'application/pdf',
]);

/** A name to show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()
    ?.replace(/[\p{Cc}]/gu, '')
    .trim()
    .slice(0, 200);
  return base || `document.${ext}`;
}
