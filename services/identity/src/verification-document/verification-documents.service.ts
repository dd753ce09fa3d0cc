import type { DataSource } from 'typeorm';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import { requirementFactsOf } from '../onboarding/requirements.rules.js';
import type { VerificationResult } from '../onboarding/verification.rules.js';
import {
  documentPrefixOf,
  documentRequirements,
  documentTypesFor,
  hasBack,
  type DocumentType,
} from './document-requirements.rules.js';
import type { DocumentReviewer } from './document-review.rules.js';
import type { DocumentOwner } from './document-owner.service.js';
import { lockedOpenAccount, type IdentityFiles } from './identity-files.service.js';
import { saveReviewedDocument } from '../risk-intervention/intervention-change.service.js';
import { VerificationDocument } from './verification-document.entity.js';

/** What is sent for a requirement: the kind of document and its pages' files. */
export interface DocumentSubmission {
  requirement: string;
  type: DocumentType;
  front: string;
  back?: string | null | undefined;
}

/** Every document an account sent, newest first; a few per requirement at most in practice. */
const LISTED = 50;

/**
 * Documents sent for an account's identity requirements: the files checked to be the account's
 * own (same platform and mode), the document reviewed by the mode's reviewer, and its answer
 * recorded on the account with the `account.updated` event in the same transaction. The account
 * row is locked throughout, so documents sent at once for one requirement are taken one after
 * the other: once one is verified or under review, the others are refused.
 */
export class VerificationDocuments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: IdentityFiles,
    private readonly reviewers: { test: DocumentReviewer; live: DocumentReviewer },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async attach(
    owner: DocumentOwner,
    submission: DocumentSubmission,
  ): Promise<VerificationDocument> {
    const { requirement, type, front } = submission;
    const back = submission.back || null;
    checkSubmission(requirement, type, front, back);
    return this.dataSource.transaction(async (manager) => {
      const account = await lockedOpenAccount(manager, owner.account.accountId);
      const asked = documentRequirements(requirementFactsOf(account)).find(
        (document) => document.key === requirement,
      );
      if (!asked || (!asked.due && asked.status === 'failed'))
        throw new DashError('FAILED_PRECONDITION', `${requirement} is not asked for.`, {
          field: 'requirement',
          reason: 'DOCUMENT_NOT_REQUESTED',
        });
      if (asked.status === 'verified')
        throw new DashError('FAILED_PRECONDITION', 'This document is already verified.', {
          field: 'requirement',
          reason: 'DOCUMENT_ALREADY_VERIFIED',
        });
      if (asked.status === 'pending')
        throw new DashError('FAILED_PRECONDITION', 'A document for this is being reviewed.', {
          field: 'requirement',
          reason: 'DOCUMENT_UNDER_REVIEW',
        });
      const pages = await this.files.ownFiles(manager, owner.account, [
        { id: front, field: 'front' },
        ...(back ? [{ id: back, field: 'back' }] : []),
      ]);
      const reviewer = account.livemode ? this.reviewers.live : this.reviewers.test;
      const result: VerificationResult = await reviewer.review({
        accountId: account.id,
        requirement,
        type,
        pages: pages.map((page) => page.bytes),
      });
      const now = this.now();
      const document = manager.getRepository(VerificationDocument).create({
        id: newId('verificationDocument'),
        accountId: account.id,
        platformId: account.platformId,
        livemode: account.livemode,
        createdAt: now,
        requirement,
        type,
        front,
        back,
        status: result.status,
        failureCode: result.status === 'failed' ? (result.code ?? null) : null,
        failureReason: result.status === 'failed' ? (result.reason ?? null) : null,
        reviewedAt: result.status === 'pending' ? null : now,
      });
      await manager.getRepository(VerificationDocument).insert(document);
      // A risk intervention waiting for this document is lifted by it once verified.
      await saveReviewedDocument(manager, account, requirement, result, { by: owner.by, now });
      return document;
    });
  }

  /** The account's documents, newest first. */
  list(accountId: string): Promise<VerificationDocument[]> {
    return this.dataSource
      .getRepository(VerificationDocument)
      .find({ where: { accountId }, order: { createdAt: 'DESC', id: 'DESC' }, take: LISTED });
  }
}

/** The submission's own shape: a document requirement, a type it takes, the pages it has. */
function checkSubmission(
  requirement: string,
  type: DocumentType,
  front: string,
  back: string | null,
): void {
  if (!documentPrefixOf(requirement))
    throw new DashError(
      'BAD_USER_INPUT',
      'Name a document requirement, such as individual.verification.document.',
      { field: 'requirement', reason: 'UNKNOWN_REQUIREMENT' },
    );
  if (!documentTypesFor(requirement).includes(type))
    throw new DashError(
      'BAD_USER_INPUT',
      `${requirement} takes ${documentTypesFor(requirement).join(', ')}.`,
      { field: 'type', reason: 'DOCUMENT_TYPE_NOT_ACCEPTED' },
    );
  if (hasBack(type) && !back)
    throw new DashError('BAD_USER_INPUT', 'Send the back of the document too.', {
      field: 'back',
      reason: 'DOCUMENT_BACK_REQUIRED',
    });
  if (!hasBack(type) && back)
    throw new DashError('BAD_USER_INPUT', 'This kind of document has no back.', {
      field: 'back',
      reason: 'DOCUMENT_HAS_NO_BACK',
    });
  if (back === front)
    throw new DashError('BAD_USER_INPUT', 'The back must be another file than the front.', {
      field: 'back',
      reason: 'SAME_FILE',
    });
}
