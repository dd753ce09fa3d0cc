import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '@dash/events';
import { Account } from '../account/account.entity.js';
import { liftIntervention, placeIntervention } from './intervention-change.service.js';
import { RiskIntervention } from './risk-intervention.entity.js';
import { automaticPlacement, reconcile } from './risk-intervention.rules.js';

/**
 * The ledger's `risk.assessed`: what its risk settings want in force against what is. The
 * account row is locked first, so deliveries of one assessment (or of two) are taken one after
 * the other and the second finds the first's interventions in force; an assessment older than
 * the newest one seen for the account is ignored.
 */
export async function reconcileAssessment(
  manager: EntityManager,
  event: DomainEvent<'risk.assessed'>,
  now: Date,
): Promise<void> {
  if (!event.accountId) return;
  let account = await manager
    .getRepository(Account)
    .findOne({ where: { id: event.accountId }, lock: { mode: 'pessimistic_write' } });
  // Another tenant's account never takes an assessment made for this one; a closed one keeps none.
  if (
    !account ||
    account.closedAt ||
    account.platformId !== event.platformId ||
    account.livemode !== event.livemode
  )
    return;
  const assessedAt = new Date(event.data.assessedAt);
  const [newer] = (await manager.query(
    'SELECT 1 FROM risk_assessment_marks WHERE account_id = ? AND assessed_at > ?',
    [account.id, assessedAt],
  )) as unknown[];
  // A newer assessment was seen: this one arrived late and is out of date.
  if (newer) return;
  await manager.query(
    `INSERT INTO risk_assessment_marks (account_id, assessed_at) VALUES (?, ?)
     ON DUPLICATE KEY UPDATE assessed_at = VALUES(assessed_at)`,
    [account.id, assessedAt],
  );

  const interventions = await manager
    .getRepository(RiskIntervention)
    .findBy({ accountId: account.id });
  const inForce = interventions.filter((intervention) => intervention.status === 'active');
  // Resolved by the account, or lifted by the platform: not placed again for the same breach.
  const settled = interventions.filter(
    (intervention) => intervention.status === 'lifted' && intervention.liftedBy !== 'automatic',
  );
  const { place, lift } = reconcile(event.data.wanted, inForce, settled);
  for (const id of lift) {
    const intervention = inForce.find((candidate) => candidate.id === id)!;
    ({ account } = await liftIntervention(manager, account, intervention, {
      by: 'automatic',
      now,
      reason: 'The risk signal that placed it is back within its threshold.',
    }));
  }
  for (const wanted of place)
    ({ account } = await placeIntervention(manager, account, automaticPlacement(wanted), { now }));
}
