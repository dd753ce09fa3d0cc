import { describe, expect, it } from 'vitest';
import {
  cleanFileName,
  isTestDocument,
  ManualDocumentReview,
  TEST_DOCUMENT_MARKER,
  TestModeDocumentReview,
} from './document-review.rules.js';

const page = (text: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(text)]);
const review = (...pages: Buffer[]) =>
  new TestModeDocumentReview().review({
    accountId: 'acct_jo',
    requirement: 'individual.verification.document',
    type: 'id_card',
    pages,
  });

describe('document review', () => {
  it('in test mode, answers by the marker a page holds; any other document verifies', async () => {
    expect(await review(page('photo'))).toEqual({ status: 'verified' });
    expect(await review(page(TEST_DOCUMENT_MARKER.verified))).toEqual({ status: 'verified' });
    expect(await review(page('front'), page(TEST_DOCUMENT_MARKER.failed))).toMatchObject({
      status: 'failed',
      code: 'verification_document_failed_other',
    });
    expect(await review(page(TEST_DOCUMENT_MARKER.pending))).toEqual({ status: 'pending' });
  });

  it('without a provider, leaves a live document pending', async () => {
    expect(await new ManualDocumentReview().review()).toEqual({ status: 'pending' });
  });

  it('recognises the test files, whatever else the bytes hold', () => {
    expect(isTestDocument(page(`xx${TEST_DOCUMENT_MARKER.failed}yy`))).toBe(true);
    expect(isTestDocument(page('file_identity_document'))).toBe(false);
  });

  it('keeps a shown name without its path or control characters', () => {
    expect(cleanFileName('C:\\Users\\jo\\passport\u0007.jpg', 'jpg')).toBe('passport.jpg');
    expect(cleanFileName('', 'png')).toBe('document.png');
  });
});
