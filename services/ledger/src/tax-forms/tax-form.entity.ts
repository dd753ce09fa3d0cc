import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { bigintColumn, datetimeColumn } from '@dash/db';
import { AccountRecord, SafeInt } from '@dash/subgraph';
import type { PostalAddress } from './tax-form-pdf.rules.js';
import type { TaxFormType } from './thresholds.rules.js';
import { truncatedTin } from './tax-year.rules.js';

export enum TaxFormTypeEnum {
  us_1099_k = 'us_1099_k',
  us_1099_nec = 'us_1099_nec',
}
registerEnumType(TaxFormTypeEnum, {
  name: 'TaxFormType',
  description: 'A US information return issued to a connected account.',
  valuesConfig: {
    us_1099_k: {
      description:
        'Form 1099-K: the gross of the account’s payments in the year (charges, before refunds, disputes and fees).',
    },
    us_1099_nec: {
      description:
        'Form 1099-NEC: nonemployee compensation, what the platform itself paid the account in the year (its transfers).',
    },
  },
});

export enum TaxFormStatus {
  available = 'available',
  mail_required = 'mail_required',
  superseded = 'superseded',
}
registerEnumType(TaxFormStatus, {
  name: 'TaxFormStatus',
  description: 'Where a tax form stands.',
  valuesConfig: {
    available: {
      description:
        'In the account’s dashboard: it consented to electronic forms and was emailed when it was issued.',
    },
    mail_required: {
      description:
        'The account has not consented to electronic forms: the platform must mail it a paper copy.',
    },
    superseded: { description: 'A corrected version replaced it (see supersededBy).' },
  },
});

/** The payee as a form shows it; the TIN only by its kind and last four digits. */
export interface RecipientFacts {
  name: string;
  address: PostalAddress | null;
  tinType: string | null;
  tinLast4: string | null;
}

/** The payer as a form shows it (the platform's tax settings when it was issued). */
export interface PayerFacts {
  name: string;
  address: PostalAddress;
  phone: string | null;
  tin: string;
}

/**
 * One version of a form of an account's year: the amounts it reports, whom it names, and the
 * PDF it was issued as (kept whole, so a download always gives the same document).
 */
@Entity('tax_forms')
@ObjectType({
  description:
    'A US tax form (1099-K or 1099-NEC) issued to a connected account for a calendar year (UTC). Corrections are new versions; earlier ones are kept.',
})
export class TaxForm extends AccountRecord {
  @Field(() => ID, { description: 'The form’s id, `taxform_…`.' })
  override id!: string;

  @Field(() => ID, { description: 'The account it was issued to, `acct_…`.' })
  get account(): string {
    return this.accountId;
  }

  @Column({ name: 'tax_year', type: 'smallint' })
  @Field(() => Int, {
    description: 'The calendar year it reports (January 1 to December 31, UTC).',
  })
  year!: number;

  @Column({ name: 'form_type', type: 'varchar', length: 12 })
  @Field(() => TaxFormTypeEnum, { description: 'Which form.' })
  type!: TaxFormType;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '1 for the form first issued, then one more per correction.' })
  version!: number;

  @Column({ type: 'boolean' })
  @Field({ description: 'True for a correction of an earlier version: marked CORRECTED.' })
  corrected!: boolean;

  @Column({ type: 'varchar', length: 16 })
  @Field(() => TaxFormStatus, { description: 'Where it stands.' })
  status!: TaxFormStatus;

  @Column({ name: 'superseded_by', type: 'varchar', length: 40, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The corrected version that replaced it.' })
  supersededBy!: string | null;

  @Column({ type: 'char', length: 3 })
  @Field({ description: 'Always usd: US forms report US dollars.' })
  currency!: string;

  @Column(bigintColumn())
  @Field(() => SafeInt, {
    description:
      'Box 1a of a 1099-K (gross amount) or box 1 of a 1099-NEC (nonemployee compensation), in cents.',
  })
  amount!: number;

  @Column({ name: 'transaction_count', type: 'int', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'Box 3 of a 1099-K: the number of payment transactions; null on a 1099-NEC.',
  })
  transactionCount!: number | null;

  @Column({ name: 'monthly_amounts', type: 'simple-json', nullable: true })
  @Field(() => [SafeInt], {
    nullable: true,
    description:
      'Boxes 5a–5l of a 1099-K: the gross of each month, January first, in cents; null on a 1099-NEC.',
  })
  monthlyAmounts!: number[] | null;

  @Column({ type: 'simple-json' })
  recipient!: RecipientFacts;

  @Column({ type: 'simple-json' })
  payer!: PayerFacts;

  @Field({ description: 'The name it was issued to.' })
  get recipientName(): string {
    return this.recipient.name;
  }

  @Field(() => String, {
    nullable: true,
    description: 'The payee’s taxpayer id as the form shows it: ***-**-6789 or **-***6789.',
  })
  get recipientTin(): string | null {
    return truncatedTin(this.recipient.tinType, this.recipient.tinLast4);
  }

  /** What the content was made from: the same inputs make no new version. */
  @Column({ name: 'inputs_hash', type: 'char', length: 64 })
  inputsHash!: string;

  /** Kept out of every list: read only to download. */
  @Column({ type: 'mediumblob', select: false })
  pdf!: Buffer;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64 })
  @Field({ description: 'SHA-256 of the PDF, hex: a download is always this document.' })
  pdfSha256!: string;

  @Column({ name: 'run_id', type: 'varchar', length: 40, nullable: true })
  runId!: string | null;

  @Field({
    description:
      'Where its PDF downloads, on the dashboard’s or the gateway’s origin (with the session, or with the key).',
  })
  get downloadPath(): string {
    return `/exports/tax-form.pdf?form=${encodeURIComponent(this.id)}`;
  }
}

/** A platform's tax settings in one mode: the payer on its forms, which form, its thresholds. */
@Entity('tax_settings')
export class TaxSettingsRow {
  @PrimaryColumn({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @PrimaryColumn({ type: 'boolean' }) livemode!: boolean;
  @Column({ name: 'form_type', type: 'varchar', length: 12 }) formType!: TaxFormType;
  @Column({ name: 'payer_name', type: 'varchar', length: 200, nullable: true })
  payerName!: string | null;

  @Column({ name: 'payer_address', type: 'simple-json', nullable: true })
  payerAddress!: PostalAddress | null;

  @Column({ name: 'payer_phone', type: 'varchar', length: 20, nullable: true })
  payerPhone!: string | null;

  @Column({ name: 'payer_tin', type: 'char', length: 9, nullable: true }) payerTin!: string | null;
  @Column({ ...bigintColumn({ name: 'k_gross_threshold' }), nullable: true })
  kGrossThreshold!: number | null;

  @Column({ name: 'k_count_threshold', type: 'int', nullable: true })
  kCountThreshold!: number | null;

  @Column({ ...bigintColumn({ name: 'nec_threshold' }), nullable: true })
  necThreshold!: number | null;

  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}

/** The ledger's copy of a US account's tax information (identity's `tax_info.updated`). */
@Entity('tax_profiles')
export class TaxProfileRow {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @Column({ type: 'boolean' }) livemode!: boolean;
  @Column({ name: 'legal_name', type: 'varchar', length: 200, nullable: true })
  legalName!: string | null;

  @Column({ type: 'simple-json', nullable: true }) address!: PostalAddress | null;
  @Column({ name: 'tin_type', type: 'varchar', length: 4, nullable: true }) tinType!: string | null;
  @Column({ name: 'tin_last4', type: 'char', length: 4, nullable: true }) tinLast4!: string | null;
  @Column(datetimeColumn({ name: 'certified_at', nullable: true })) certifiedAt!: Date | null;
  @Column({ name: 'edelivery_consent', type: 'boolean' }) edeliveryConsent!: boolean;
  @Column(datetimeColumn({ name: 'as_of' })) asOf!: Date;
}
