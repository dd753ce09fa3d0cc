import { Column, Entity, PrimaryColumn } from 'typeorm';
import { datetimeColumn } from '@dash/db';
import type { TaxAddressValue } from './tax-details.rules.js';
import type { TinType } from './tin.rules.js';

/**
 * A US account's W-9: its taxpayer id, legal name and address, the certification it signed,
 * and its consent to electronic tax forms. The id is kept sealed (see personal-id.rules.ts);
 * only its kind, last four digits and a keyed fingerprint are in clear.
 */
@Entity('tax_information')
export class TaxInformationRow {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;
  @Column({ name: 'platform_id', type: 'varchar', length: 40 }) platformId!: string;
  @Column({ type: 'boolean' }) livemode!: boolean;

  @Column({ name: 'tin_type', type: 'varchar', length: 4, nullable: true })
  tinType!: TinType | null;
  @Column({ name: 'tin_sealed', type: 'text', nullable: true }) tinSealed!: string | null;
  /** The same id always gives the same fingerprint: a change is told without opening the seal. */
  @Column({ name: 'tin_fingerprint', type: 'varchar', length: 64, nullable: true })
  tinFingerprint!: string | null;
  @Column({ name: 'tin_last4', type: 'char', length: 4, nullable: true }) tinLast4!: string | null;

  @Column({ name: 'legal_name', type: 'varchar', length: 200, nullable: true })
  legalName!: string | null;
  @Column({ type: 'simple-json', nullable: true }) address!: TaxAddressValue | null;

  @Column(datetimeColumn({ name: 'certified_at', nullable: true })) certifiedAt!: Date | null;
  /** The name typed as the signature. */
  @Column({ name: 'certified_name', type: 'varchar', length: 200, nullable: true })
  certifiedName!: string | null;
  /** Which wording was certified (the W-9 revision). */
  @Column({ name: 'certification_version', type: 'varchar', length: 40, nullable: true })
  certificationVersion!: string | null;
  @Column({ name: 'certified_ip', type: 'varchar', length: 45, nullable: true })
  certifiedIp!: string | null;
  @Column({ name: 'certified_user_agent', type: 'varchar', length: 500, nullable: true })
  certifiedUserAgent!: string | null;

  @Column({ name: 'edelivery_consent', type: 'boolean' }) edeliveryConsent!: boolean;
  @Column(datetimeColumn({ name: 'edelivery_consented_at', nullable: true }))
  edeliveryConsentedAt!: Date | null;
  @Column(datetimeColumn({ name: 'edelivery_withdrawn_at', nullable: true }))
  edeliveryWithdrawnAt!: Date | null;
  @Column({ name: 'edelivery_ip', type: 'varchar', length: 45, nullable: true })
  edeliveryIp!: string | null;
  @Column({ name: 'edelivery_user_agent', type: 'varchar', length: 500, nullable: true })
  edeliveryUserAgent!: string | null;

  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;
}
