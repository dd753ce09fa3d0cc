import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import type { VerificationResult } from '../onboarding/verification.rules.js';
import type { InterventionEffect } from '../risk-intervention/risk-intervention.rules.js';
import { BusinessProfile, BusinessType } from './business-profile.entity.js';

export interface TosAcceptance {
  /** ISO 8601. */
  date: string;
  ip: string | null;
  userAgent: string | null;
}

/** A connected account: the person or business that signs in to the dashboard. */
@Entity('accounts')
@Index('accounts_platform_mode_created', ['platformId', 'livemode', 'createdAt', 'id'])
@Index('accounts_platform_mode_email', ['platformId', 'livemode', 'email', 'createdAt', 'id'])
@Index('accounts_verification_requested', ['verificationRequestedAt'])
@ObjectType({
  description:
    'A connected account: the person or business paid through the platform, who signs in to the dashboard.',
})
@Directive('@key(fields: "id")')
export class Account {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The account’s id, `acct_…`.' })
  id!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  @Field({ description: 'The name the account goes by in the dashboard and in lists.' })
  displayName!: string;

  @Column({ type: 'varchar', length: 254 })
  @Field({ description: 'Where emails go, and sign-in codes when there is no phone.' })
  email!: string;

  /** ISO 3166-1 alpha-2, e.g. US. */
  @Column({ type: 'char', length: 2 })
  @Field({ description: 'Where the business is: ISO 3166-1 alpha-2, such as US.' })
  country!: string;

  /** Lowercase ISO 4217, e.g. usd. */
  @Column({ name: 'default_currency', type: 'char', length: 3 })
  @Field({ description: 'The currency it is paid in by default: lowercase ISO 4217, such as usd.' })
  defaultCurrency!: string;

  @Column({ type: 'boolean' })
  @Field({ description: 'true for a live-mode account, false for a test-mode one.' })
  livemode!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When the platform created it.' })
  createdAt!: Date;

  @Field({
    description: 'Always express: the platform owns onboarding, the account this dashboard.',
  })
  get type(): string {
    return 'express';
  }

  /** E.164, e.g. +15555550142; where sign-in codes go by SMS. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'E.164, such as +15555550142: where sign-in codes go by SMS.',
  })
  phone!: string | null;

  @Column({ name: 'business_type', type: 'varchar', length: 16, nullable: true })
  @Field(() => BusinessType, { nullable: true, description: 'Null until it is chosen.' })
  businessType!: BusinessType | null;

  @Column({ name: 'business_profile', type: 'simple-json', nullable: true })
  @Field(() => BusinessProfile, { nullable: true, description: 'What customers see of it.' })
  businessProfile!: BusinessProfile | null;

  /** What appears on customers' card statements (5–22 characters). */
  @Column({ name: 'statement_descriptor', type: 'varchar', length: 22, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'What appears on customers’ card statements (5–22 characters).',
  })
  statementDescriptor!: string | null;

  /**
   * The onboarding answers that have no column of their own, by requirement key
   * (individual.first_name, owners.0.dob, …); personal ids are sealed (see onboarding/personal-id.rules.ts).
   */
  @Column({ name: 'onboarding_details', type: 'simple-json', nullable: true })
  onboardingDetails!: Record<string, string> | null;

  /** When, from where and with what browser the account accepted the services agreement. */
  @Column({ name: 'tos_acceptance', type: 'simple-json', nullable: true })
  tosAcceptance!: TosAcceptance | null;

  /** The verification provider's answer per verified requirement key. */
  @Column({ type: 'simple-json', nullable: true })
  verification!: Record<string, VerificationResult> | null;

  /** Whether payouts has a bank account to pay to (learned from its events). */
  @Column({ name: 'external_account_provided', type: 'boolean', default: false })
  externalAccountProvided!: boolean;

  /**
   * When a change to the submitted details asked for verification again; null once the
   * verification chore has the provider's answer (see account-details/reverification.service.ts).
   */
  @Column(datetimeColumn({ name: 'verification_requested_at', nullable: true }))
  verificationRequestedAt!: Date | null;

  /** Since when something has been due again after onboarding: starts the grace period. */
  @Column(datetimeColumn({ name: 'requirements_due_since', nullable: true }))
  requirementsDueSince!: Date | null;

  /**
   * What the risk interventions in force ask of the account (see risk-intervention.rules.ts):
   * kept beside the answers, so every reading of the requirements sees them without a query.
   */
  @Column({ name: 'active_interventions', type: 'simple-json', nullable: true })
  activeInterventions!: InterventionEffect[] | null;

  /** When the email or phone last changed (by the account or its platform): starts a 72-hour hold. */
  @Column(datetimeColumn({ name: 'email_changed_at', nullable: true }))
  emailChangedAt!: Date | null;

  @Column(datetimeColumn({ name: 'phone_changed_at', nullable: true }))
  phoneChangedAt!: Date | null;

  @Column(datetimeColumn({ name: 'updated_at', nullable: true }))
  updatedAt!: Date | null;

  @Column(datetimeColumn({ name: 'closed_at', nullable: true }))
  @Field(() => Date, {
    nullable: true,
    description: 'When the account was closed; a closed account can no longer sign in.',
  })
  closedAt!: Date | null;
}
