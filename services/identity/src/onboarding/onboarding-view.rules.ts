import type { Account } from '../account/account.entity.js';
import type { Platform } from '../platform/platform.entity.js';
import { AccountLinkTypeEnum, type Onboarding, type OnboardingStep } from './onboarding.type.js';
import type { BusinessType } from '../account/business-profile.entity.js';
import { EXTERNAL_ACCOUNT, stepsFor, type StepKey } from './requirement-table.rules.js';
import { computeRequirements, requirementFactsOf, rulesFor } from './requirements.rules.js';
import {
  documentRequirements,
  documentTypesFor,
} from '../verification-document/document-requirements.rules.js';

/**
 * The flow as the onboarding screens draw it: the account's steps in order, each with its
 * questions, the saved answers (ids masked) and verification's objections.
 */
export function onboardingView(
  account: Account,
  platform: Platform,
  opened: { type: AccountLinkTypeEnum; returnUrl: string | null },
  shownValue: (key: string, stored: string) => string,
  now = new Date(),
): Onboarding {
  const facts = requirementFactsOf(account);
  const state = computeRequirements(facts, now);
  const answers = facts.values;
  const due = new Set(state.currentlyDue);
  const rules = rulesFor(facts);
  const documents = documentRequirements(facts);
  const stepComplete = (step: StepKey) =>
    step === 'bank'
      ? !due.has(EXTERNAL_ACCOUNT)
      : step === 'review'
        ? state.detailsSubmitted
        : step === 'documents'
          ? documents.every((document) => !document.due)
          : rules.every((rule) => rule.step !== step || !due.has(rule.key));
  const steps: OnboardingStep[] = stepsFor(account.businessType, {
    documents: documents.length > 0,
  }).map((step) => ({
    key: step,
    complete: stepComplete(step),
    fields: rules
      .filter((rule) => rule.step === step)
      .map((rule) => {
        const verdict = facts.verification[rule.key];
        const stored = answers[rule.key];
        return {
          key: rule.key,
          kind: rule.kind,
          required: rule.due === 'currently',
          value: stored ? shownValue(rule.key, stored) : null,
          options: rule.options ? [...rule.options] : null,
          error: verdict?.status === 'failed' ? (verdict.reason ?? null) : null,
          errorCode: verdict?.status === 'failed' ? (verdict.code ?? null) : null,
        };
      }),
  }));
  // A document's field shows what became of the last one sent (`value`: its status) and the
  // types it takes (`options`).
  const documentStep = steps.find((step) => step.key === 'documents');
  if (documentStep)
    documentStep.fields = documents.map((document) => ({
      key: document.key,
      kind: 'document',
      required: true,
      value: document.status,
      options: [...documentTypesFor(document.key)],
      error: document.error?.reason ?? null,
      errorCode: document.error?.code ?? null,
    }));
  return {
    accountId: account.id,
    country: account.country,
    livemode: account.livemode,
    businessType: account.businessType as BusinessType | null,
    type: opened.type,
    returnUrl: opened.returnUrl,
    platform: {
      name: platform.name,
      brandColor: platform.brandColor,
      iconUrl: platform.iconUrl,
      supportEmail: platform.supportEmail,
      supportPhone: platform.supportPhone,
      supportUrl: platform.supportUrl,
    },
    steps,
    detailsSubmitted: state.detailsSubmitted,
    chargesEnabled: state.chargesEnabled,
    payoutsEnabled: state.payoutsEnabled,
    requirements: state,
  };
}
