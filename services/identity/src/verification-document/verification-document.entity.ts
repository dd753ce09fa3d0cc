import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { AccountRecord } from '@dash/subgraph';
import { DOCUMENT_TYPES, type DocumentType } from './document-requirements.rules.js';
import type { VerificationStatus } from '../onboarding/verification.rules.js';

export const VerificationDocumentType = Object.fromEntries(
  [...DOCUMENT_TYPES.person, ...DOCUMENT_TYPES.company].map((type) => [type, type]),
) as { [Type in DocumentType]: Type };
registerEnumType(VerificationDocumentType, {
  name: 'VerificationDocumentType',
  description: 'The kind of document sent to prove an identity.',
  valuesConfig: {
    passport: { description: 'A passport: its photo page only.' },
    id_card: { description: 'A national identity card: front and back.' },
    driving_license: { description: 'A driving licence: front and back.' },
    company_registration: { description: 'The company’s registration certificate or extract.' },
    tax_id_letter: { description: 'A letter of the tax authority that shows the tax id.' },
  },
});

export enum VerificationDocumentStatus {
  pending = 'pending',
  verified = 'verified',
  failed = 'failed',
}
registerEnumType(VerificationDocumentStatus, {
  name: 'VerificationDocumentStatus',
  description: 'What the review of a document found.',
  valuesConfig: {
    pending: { description: 'Being reviewed; payouts wait for the answer.' },
    verified: { description: 'Accepted: the requirement is met.' },
    failed: { description: 'Refused: `failureCode` says why; send another document.' },
  },
});

/** One document sent for an identity requirement, and what its review found. */
@Entity('verification_documents')
@Index('verification_documents_account_created', ['accountId', 'createdAt', 'id'])
@ObjectType({
  description:
    'A document sent to meet `individual.verification.document`, `representative.verification.document` or `company.verification.document`, and its review.',
})
export class VerificationDocument extends AccountRecord {
  @Column({ type: 'varchar', length: 60 })
  @Field({ description: 'The requirement it answers, such as individual.verification.document.' })
  requirement!: string;

  @Column({ name: 'document_type', type: 'varchar', length: 30 })
  @Field(() => VerificationDocumentType, { description: 'The kind of document.' })
  type!: DocumentType;

  @Column({ name: 'front_file_id', type: 'varchar', length: 40 })
  @Field({ description: 'The file of its front (or only) page, `file_…`.' })
  front!: string;

  @Column({ name: 'back_file_id', type: 'varchar', length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: 'The file of its back, `file_…`.' })
  back!: string | null;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => VerificationDocumentStatus, { description: 'What the review found.' })
  status!: VerificationStatus;

  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused, such as verification_document_failed_other.',
  })
  failureCode!: string | null;

  @Column({ name: 'failure_reason', type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: 'The refusal in a sentence.' })
  failureReason!: string | null;

  @Column(datetimeColumn({ name: 'reviewed_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When the review answered; null while pending.',
  })
  reviewedAt!: Date | null;
}
