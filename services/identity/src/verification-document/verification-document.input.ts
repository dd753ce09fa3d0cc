import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { DocumentType } from './document-requirements.rules.js';
import { VerificationDocumentType } from './verification-document.entity.js';

@InputType({
  description:
    'A document for an identity requirement: upload each page first (POST /files?purpose=identity_document), then name the files here.',
})
export class VerificationDocumentInput {
  @Field({
    description:
      'individual.verification.document, representative.verification.document or company.verification.document.',
  })
  @Length(1, 60)
  requirement!: string;

  @Field(() => VerificationDocumentType, {
    description:
      'passport, id_card or driving_license for a person; company_registration or tax_id_letter for a company.',
  })
  type!: DocumentType;

  @Field(() => ID, { description: 'The file of the front (or only) page, `file_…`.' })
  @Length(1, 40)
  front!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The file of the back: required for an id card or a driving licence, else none.',
  })
  @IsOptional()
  @Length(1, 40)
  back?: string | null;
}
