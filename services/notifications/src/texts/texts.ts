import type { DomainEventData, RequirementsSummary } from '@dash/events';
import type { ActivityKind, ActivityText } from '../activity/activity-texts.rules.js';
import type { Formats, Locale } from '../activity/formats.rules.js';
import type { RenderedMessage } from '../delivery/templates.rules.js';
import type { InterventionChange, InterventionsInForce } from '../risk/risk-facts.rules.js';
import de from './de.js';
import en from './en.js';
import es from './es.js';
import fr from './fr.js';
import ja from './ja.js';
import zhCN from './zh-CN.js';

/** The messages written to an account, in its language: codes, and what matters by email. */
export const ACCOUNT_TEMPLATES = [
  'dashboard-ready',
  'login-code',
  'confirm-contact',
  'confirm-payout-details',
  'confirm-account-details',
  'confirm-account-close',
  'confirm-tax-info',
  'approve-contact-change',
  'contact-changed',
  'payout-failed',
  'dispute-opened',
  'requirements-due',
  'tax-form-ready',
  'risk-intervention',
  'recovery-debit',
] as const;
export type AccountTemplate = (typeof ACCOUNT_TEMPLATES)[number];

/** One message, from its job's parameters (all strings; any may be missing). */
export type Template = (p: Record<string, string>, f: Formats) => RenderedMessage;

/**
 * A changed or due detail, by what it is (see describeFields): how the activity hub and the
 * emails name it.
 */
export const FIELD_LABELS = [
  'email',
  'phone',
  'displayName',
  'statementDescriptor',
  'defaultCurrency',
  'businessType',
  'businessProfile.name',
  'businessProfile.url',
  'businessProfile.supportEmail',
  'businessProfile.supportPhone',
  'businessProfile.supportAddress',
  'external_account',
  'tos_acceptance',
  'business_profile.product_description',
  'person.legal_name',
  'person.dob',
  'person.id_number',
  'person.address',
  'person.title',
  'person.verification.document',
  'company.name',
  'company.tax_id',
  'company.phone',
  'company.address',
  'company.verification.document',
  'owners',
] as const;
export type FieldLabel = (typeof FIELD_LABELS)[number];

/**
 * Everything notifications writes to an account, in one language: its emails and text
 * messages, the frame of its HTML emails, and its activity items, each made from the facts it
 * keeps when it is read or sent. Every language says all of it (test/languages.test.ts in
 * web-kit checks).
 */
export interface Texts {
  templates: Record<AccountTemplate, Template>;
  /** The HTML email around the text: its button, and who sent it. */
  email: {
    open: string;
    /** The sender's name when the platform's is not known. */
    dashboard: string;
    questions: (platform: string) => string;
    sentBy: (platform: string) => string;
  };
  activity: {
    [Kind in Exclude<ActivityKind, 'account.updated'>]: (
      p: DomainEventData[Kind],
      f: Formats,
    ) => ActivityText;
  };
  /** An account's details changed: by whom, and which (`fields`, named and listed already). */
  detailsChanged: (by: string, fields: string) => ActivityText;
  /** What a change to an onboarded account's requirements means; `fields` names what is due. */
  requirements: (state: RequirementsSummary, fields: string, f: Formats) => ActivityText;
  /**
   * A risk intervention placed on or lifted from the account: why (the signal, or the
   * platform's own words), what it pauses and what lifts it; once lifted, what `inForce` still
   * pauses.
   */
  intervention: (
    change: InterventionChange,
    inForce: InterventionsInForce,
    f: Formats,
  ) => ActivityText;
  fields: Record<FieldLabel, string>;
}

export const TEXTS: Readonly<Record<Locale, Texts>> = {
  en,
  'zh-CN': zhCN,
  ja,
  de,
  fr,
  es,
};
