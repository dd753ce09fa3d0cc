import type { EntityManager } from 'typeorm';
import { DashError, isDuplicateKey } from '@dash/errors';
import type { Actor, InterventionChange } from '@dash/events';
import { newId } from '@dash/ids';
import type { Account } from '../account/account.entity.js';
import { saveAccountChange } from '../account/account-change.service.js';
import type { VerificationResult } from '../onboarding/verification.rules.js';
import { interventionDocumentKey } from '../verification-document/document-requirements.rules.js';
import { RiskIntervention } from './risk-intervention.entity.js';
import {
  informationRequirement,
  summaryOf,
  type InterventionEffect,
  type InterventionLiftedBy,
  type Placement,
} from './risk-intervention.rules.js';

/**
 * Placing and lifting one intervention inside a transaction that holds the account row locked:
 * the intervention's row, what the account row keeps of those in force (so its requirements
 * follow), and the `account.updated` event naming `risk_interventions` (with the requirements
 * when they changed) — all or nothing. Every caller (the platform, the account, an assessment,
 * a verified document) goes through here.
 */

const alreadyActive = (kind: string, id?: string) =>
  new DashError('CONFLICT', `A ${kind} intervention is already in force on this account.`, {
    reason: 'INTERVENTION_ALREADY_ACTIVE',
    ...(id ? { interventionId: id } : {}),
  });

const effectOf = (row: RiskIntervention): InterventionEffect => ({
  id: row.id,
  kind: row.kind,
  requirement: row.requirement,
  document: null,
  reservePercent: row.reservePercent,
  reserveDays: row.reserveDays,
});

const changeOf = (
  row: RiskIntervention,
  action: 'placed' | 'lifted',
  liftedBy?: InterventionLiftedBy,
): InterventionChange => ({
  interventionId: row.id,
  kind: row.kind,
  action,
  source: row.source,
  signal: row.signal,
  reason: row.reason,
  resolution: row.resolution,
  reservePercent: row.reservePercent,
  reserveDays: row.reserveDays,
  ...(liftedBy ? { liftedBy } : {}),
});

/**
 * Writes the account's interventions in force (with any other `changes` and `fields` of the
 * same change), and says so with `change`.
 */
function saveEffects(
  manager: EntityManager,
  account: Account,
  effects: InterventionEffect[],
  announce: {
    change: InterventionChange;
    by: Actor;
    now: Date;
    fields?: string[] | undefined;
    changes?: Partial<Account> | undefined;
  },
): Promise<Account> {
  return saveAccountChange(
    manager,
    account,
    { ...announce.changes, activeInterventions: effects },
    {
      fields: [...(announce.fields ?? []), 'risk_interventions'],
      by: announce.by,
      now: announce.now,
      interventions: { summary: summaryOf(effects), change: announce.change },
    },
  );
}

/**
 * Places an intervention on the locked `account`; CONFLICT (INTERVENTION_ALREADY_ACTIVE) when
 * one of its kind is in force. Returns the account as it now is, and the intervention.
 */
export async function placeIntervention(
  manager: EntityManager,
  account: Account,
  placement: Placement,
  options: { now: Date; id?: string; idempotencyKey?: string },
): Promise<{ account: Account; intervention: RiskIntervention }> {
  const repository = manager.getRepository(RiskIntervention);
  const active = await repository.findOneBy({
    accountId: account.id,
    kind: placement.kind,
    status: 'active',
  });
  if (active) throw alreadyActive(placement.kind, active.id);
  const id = options.id ?? newId('riskIntervention');
  const intervention = repository.create({
    ...placement,
    id,
    accountId: account.id,
    platformId: account.platformId,
    livemode: account.livemode,
    createdAt: options.now,
    status: 'active',
    requirement:
      placement.kind === 'require_document'
        ? interventionDocumentKey(account.businessType)
        : placement.kind === 'require_information'
          ? informationRequirement(id)
          : null,
    answer: null,
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
    idempotencyKey: options.idempotencyKey ?? null,
  });
  try {
    await repository.insert(intervention);
  } catch (error) {
    // The unique key on (account, kind in force) backs the check above.
    if (isDuplicateKey(error)) throw alreadyActive(placement.kind);
    throw error;
  }
  const after = await saveEffects(
    manager,
    account,
    [...(account.activeInterventions ?? []), effectOf(intervention)],
    { change: changeOf(intervention, 'placed'), by: 'platform', now: options.now },
  );
  return { account: after, intervention };
}

/** Lifts an intervention in force on the locked `account`. */
export async function liftIntervention(
  manager: EntityManager,
  account: Account,
  intervention: RiskIntervention,
  lift: {
    by: InterventionLiftedBy;
    now: Date;
    reason?: string | null;
    answer?: string | null;
    /** Who made the change, when not the one `by` names (a platform sending the account's document). */
    actor?: Actor;
    /** Other fields and changes of the same change (a document's answer). */
    fields?: string[];
    changes?: Partial<Account>;
  },
): Promise<{ account: Account; intervention: RiskIntervention }> {
  const lifted = Object.assign(intervention, {
    status: 'lifted' as const,
    liftedAt: lift.now,
    liftedBy: lift.by,
    liftReason: lift.reason ?? null,
    answer: lift.answer ?? intervention.answer,
  });
  await manager.getRepository(RiskIntervention).update(
    { id: intervention.id, status: 'active' },
    {
      status: lifted.status,
      liftedAt: lifted.liftedAt,
      liftedBy: lifted.liftedBy,
      liftReason: lifted.liftReason,
      answer: lifted.answer,
    },
  );
  const effects = (account.activeInterventions ?? []).filter(
    (effect) => effect.id !== intervention.id,
  );
  const after = await saveEffects(manager, account, effects, {
    change: changeOf(lifted, 'lifted', lift.by),
    by: lift.actor ?? (lift.by === 'account' ? 'account' : 'platform'),
    now: lift.now,
    fields: lift.fields,
    changes: lift.changes,
  });
  return { account: after, intervention: lifted };
}

/**
 * Records a reviewed document's answer on the locked `account`. A `require_document`
 * intervention waiting for this document is lifted by it when it is verified (the account
 * resolved it), in the same change; pending or failed, the intervention keeps what became of it,
 * which its requirement shows.
 */
export async function saveReviewedDocument(
  manager: EntityManager,
  account: Account,
  requirement: string,
  result: VerificationResult,
  change: { by: Actor; now: Date },
): Promise<Account> {
  const verification = { ...account.verification, [requirement]: result };
  const effects = account.activeInterventions ?? [];
  const waiting = effects.find(
    (effect) => effect.kind === 'require_document' && effect.requirement === requirement,
  );
  if (waiting && result.status === 'verified') {
    const intervention = await manager
      .getRepository(RiskIntervention)
      .findOneByOrFail({ id: waiting.id });
    const lifted = await liftIntervention(manager, account, intervention, {
      by: 'account',
      actor: change.by,
      now: change.now,
      reason: 'The document was verified.',
      fields: [requirement],
      changes: { verification },
    });
    return lifted.account;
  }
  return saveAccountChange(
    manager,
    account,
    {
      verification,
      ...(waiting
        ? {
            activeInterventions: effects.map((effect) =>
              effect === waiting ? { ...effect, document: result.status } : effect,
            ),
          }
        : {}),
    },
    { fields: [requirement], by: change.by, now: change.now },
  );
}
