import { Column, Entity, Index } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import type { InterventionKind, RiskSignalKind } from '@dash/events';
import { AccountRecord } from '@dash/subgraph';
import {
  disablesCharges,
  pausesPayouts,
  type InterventionLiftedBy,
  type InterventionResolution,
  type InterventionSource,
} from './risk-intervention.rules.js';

export const RiskInterventionKind = {
  pause_payouts: 'pause_payouts',
  rolling_reserve: 'rolling_reserve',
  require_document: 'require_document',
  require_information: 'require_information',
  disable_charges: 'disable_charges',
} as const satisfies { [Kind in InterventionKind]: Kind };
registerEnumType(RiskInterventionKind, {
  name: 'RiskInterventionKind',
  description: 'How the provider or the platform steps in on an account it judges risky.',
  valuesConfig: {
    pause_payouts: { description: 'Payouts stop while the account is reviewed.' },
    rolling_reserve: {
      description: 'A share of each new payment is held for a number of days.',
    },
    require_document: {
      description: 'The account proves who it is with a document; payouts wait until verified.',
    },
    require_information: {
      description: 'The account confirms or answers something; payouts wait until it does.',
    },
    disable_charges: { description: 'New payments (and payouts) stop while under review.' },
  },
});

export const RiskInterventionStatus = { active: 'active', lifted: 'lifted' } as const;
export type RiskInterventionStatus = keyof typeof RiskInterventionStatus;
registerEnumType(RiskInterventionStatus, {
  name: 'RiskInterventionStatus',
  description: 'Whether an intervention is in force.',
  valuesConfig: {
    active: { description: 'In force.' },
    lifted: { description: 'Lifted: resolved, no longer wanted, or lifted by the platform.' },
  },
});

export const RiskInterventionSource = {
  automatic: 'automatic',
  platform: 'platform',
} as const satisfies { [Source in InterventionSource]: Source };
registerEnumType(RiskInterventionSource, {
  name: 'RiskInterventionSource',
  description: 'Who placed an intervention.',
  valuesConfig: {
    automatic: { description: 'The platform’s risk settings, on a breached risk signal.' },
    platform: { description: 'The platform, by hand.' },
  },
});

export const RiskInterventionResolution = {
  upload_document: 'upload_document',
  confirm: 'confirm',
  answer: 'answer',
  none: 'none',
} as const satisfies { [Resolution in InterventionResolution]: Resolution };
registerEnumType(RiskInterventionResolution, {
  name: 'RiskInterventionResolution',
  description: 'How the account resolves an intervention from its dashboard.',
  valuesConfig: {
    upload_document: { description: 'It uploads an identity document, which is then verified.' },
    confirm: { description: 'It confirms (resolveRiskIntervention with confirm: true).' },
    answer: { description: 'It answers `question` (resolveRiskIntervention with answer).' },
    none: { description: 'Nothing to do: it lifts when the platform or the provider lifts it.' },
  },
});

/** One risk intervention placed on an account, in force or lifted. */
@Entity('risk_interventions')
@Index('risk_interventions_account_created', ['accountId', 'createdAt', 'id'])
@Index('risk_interventions_platform_created', ['platformId', 'livemode', 'createdAt', 'id'])
@ObjectType({
  description:
    'A risk intervention on a connected account: why it was placed, what it stops, and how it is resolved.',
})
export class RiskIntervention extends AccountRecord {
  @Column({ type: 'varchar', length: 30 })
  @Field(() => RiskInterventionKind, { description: 'What it does.' })
  kind!: InterventionKind;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => RiskInterventionStatus, { description: 'Whether it is in force.' })
  status!: RiskInterventionStatus;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => RiskInterventionSource, { description: 'Who placed it.' })
  source!: InterventionSource;

  @Column({ name: 'risk_signal', type: 'varchar', length: 30, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The risk signal whose breach placed it (automatic ones), such as dispute_rate.',
  })
  signal!: RiskSignalKind | null;

  /** The start of the breach that placed it: the same breach does not place it again once resolved. */
  @Column(datetimeColumn({ name: 'breached_since', nullable: true }))
  breachedSince!: Date | null;

  @Column({ type: 'varchar', length: 500 })
  @Field({ description: 'Why it was placed, in words shown to the account.' })
  reason!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => RiskInterventionResolution, { description: 'How the account resolves it.' })
  resolution!: InterventionResolution;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'What the account is asked to confirm or answer (require_information).',
  })
  question!: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The requirement it makes due: individual.verification.document (or the company’s), or risk_intervention.<id>.',
  })
  requirement!: string | null;

  @Column({ name: 'reserve_percent', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'A rolling reserve: the percent held.' })
  reservePercent!: number | null;

  @Column({ name: 'reserve_days', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: 'A rolling reserve: how long each hold lasts.' })
  reserveDays!: number | null;

  @Field({ description: 'Whether it stops payouts while in force.' })
  get pausesPayouts(): boolean {
    return pausesPayouts(this.kind);
  }

  @Field({ description: 'Whether it stops new payments while in force.' })
  get disablesCharges(): boolean {
    return disablesCharges(this.kind);
  }

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The account’s answer, once it answered.' })
  answer!: string | null;

  @Column(datetimeColumn({ name: 'lifted_at', nullable: true }))
  @Field(() => Date, { nullable: true, description: 'When it was lifted.' })
  liftedAt!: Date | null;

  @Column({ name: 'lifted_by', type: 'varchar', length: 10, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Who lifted it: automatic (its signal recovered), platform, or account (it resolved it).',
  })
  liftedBy!: InterventionLiftedBy | null;

  @Column({ name: 'lift_reason', type: 'varchar', length: 500, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why it was lifted, when a reason was given.',
  })
  liftReason!: string | null;

  /** The platform's idempotency key that placed it (null for automatic ones). */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 255, nullable: true })
  idempotencyKey!: string | null;
}
