import type { EntityManager } from 'typeorm';
import {
  recordEvent,
  type Actor,
  type InterventionChange,
  type InterventionsSummary,
} from '@dash/events';
import { requirementsOf, summarize } from '../onboarding/requirements.rules.js';
import { Account } from './account.entity.js';

/** Records an event about an account in the transaction that changed it. */
export const recordAccountEvent = <Type extends 'account.updated' | 'account.closed'>(
  manager: EntityManager,
  type: Type,
  account: Account,
  data: Parameters<typeof recordEvent<Type>>[4],
) =>
  recordEvent(
    manager,
    'identity',
    type,
    { accountId: account.id, platformId: account.platformId, livemode: account.livemode },
    data,
  );

/**
 * Writes a change to an account and, in the same transaction, tells the world: an
 * `account.updated` naming the changed fields, plus "requirements" and the new state when what
 * the account owes changed. Something newly due after onboarding starts the grace period.
 * A change that names no field and leaves the requirements as they were is written only with
 * `keepUnannounced` (an onboarding draft), and then without an event. A risk intervention placed
 * or lifted rides along as `interventions` (all in force now) and `intervention` (this one).
 */
export async function saveAccountChange(
  manager: EntityManager,
  before: Account,
  changes: Partial<Account>,
  change: {
    fields: string[];
    by: Actor;
    now?: Date;
    keepUnannounced?: boolean;
    interventions?: { summary: InterventionsSummary; change: InterventionChange };
  },
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
  if (fields.length === 0 && !change.keepUnannounced) return before;
  await manager
    .getRepository(Account)
    .update(
      { id: before.id },
      { ...changes, requirementsDueSince: after.requirementsDueSince, updatedAt: now },
    );
  if (fields.length > 0)
    await recordAccountEvent(manager, 'account.updated', after, {
      fields,
      by: change.by,
      ...(requirementsChanged ? { requirements: is } : {}),
      ...(change.interventions
        ? { interventions: change.interventions.summary, intervention: change.interventions.change }
        : {}),
    });
  return Object.assign(after, { updatedAt: now });
}
