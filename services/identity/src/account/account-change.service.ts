import type { EntityManager } from 'typeorm';
import type { Actor, RequirementsSummary } from '@dash/events';
import { Account } from './account.entity.js';
import { recordAccountEvent } from './account.service.js';
import {
  computeRequirements,
  type RequirementFacts,
  type RequirementsState,
} from '../onboarding/requirements.rules.js';

/** The answers an account gave, by requirement key, wherever they are kept. */
export function answersOf(account: Account): Record<string, string> {
  const profile = account.businessProfile;
  const answers: Record<string, string | null | undefined> = {
    business_type: account.businessType,
    'business_profile.name': profile?.name,
    'business_profile.url': profile?.url,
    'business_profile.support_email': profile?.supportEmail,
    ...account.onboardingDetails,
  };
  return Object.fromEntries(
    Object.entries(answers).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export const requirementFactsOf = (account: Account): RequirementFacts => ({
  country: account.country,
  businessType: account.businessType,
  values: answersOf(account),
  externalAccount: account.externalAccountProvided,
  tosAcceptedAt: account.tosAcceptance ? new Date(account.tosAcceptance.date) : null,
  verification: account.verification ?? {},
  dueSince: account.requirementsDueSince,
});

export const requirementsOf = (account: Account, now = new Date()): RequirementsState =>
  computeRequirements(requirementFactsOf(account), now);

const summarize = (state: RequirementsState, before?: RequirementsState): RequirementsSummary => ({
  currentlyDue: state.currentlyDue,
  newlyDue: before ? state.currentlyDue.filter((key) => !before.currentlyDue.includes(key)) : [],
  pastDue: state.pastDue,
  pendingVerification: state.pendingVerification,
  errors: state.errors.map((error) => error.requirement),
  currentDeadline: state.currentDeadline?.toISOString() ?? null,
  detailsSubmitted: state.detailsSubmitted,
  chargesEnabled: state.chargesEnabled,
  payoutsEnabled: state.payoutsEnabled,
});

/**
 * Writes a change to an account and, in the same transaction, tells the world: an
 * `account.updated` naming the changed fields, plus "requirements" and the new state when what
 * the account owes changed. Something newly due after onboarding starts the grace period.
 */
export async function saveAccountChange(
  manager: EntityManager,
  before: Account,
  changes: Partial<Account>,
  change: { fields: string[]; by: Actor; now?: Date },
): Promise<Account> {
  const now = change.now ?? new Date();
  const after = Object.assign(new Account(), before, changes);
  const previous = requirementsOf(before, now);
  const was = summarize(previous);
  const provisional = requirementsOf(after, now);
  const owesAgain = provisional.detailsSubmitted && provisional.currentlyDue.length > 0;
  after.requirementsDueSince = owesAgain
    ? was.detailsSubmitted && was.currentlyDue.length > 0
      ? (before.requirementsDueSince ?? now)
      : now
    : null;
  const is = summarize(requirementsOf(after, now), previous);
  // newlyDue describes the change, not the state: it is left out of the comparison.
  const requirementsChanged =
    JSON.stringify({ ...was, newlyDue: [] }) !== JSON.stringify({ ...is, newlyDue: [] });
  const fields = [...change.fields, ...(requirementsChanged ? ['requirements'] : [])];
  if (fields.length === 0) return before;
  await manager
    .getRepository(Account)
    .update(
      { id: before.id },
      { ...changes, requirementsDueSince: after.requirementsDueSince, updatedAt: now },
    );
  await recordAccountEvent(manager, 'account.updated', after, {
    fields,
    by: change.by,
    ...(requirementsChanged ? { requirements: is } : {}),
  });
  return Object.assign(after, { updatedAt: now });
}
