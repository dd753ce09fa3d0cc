import type { EntityManager } from 'typeorm';
import type { InterventionsSummary } from '@dash/events';

/**
 * The `account.updated` handler's part for rolling reserves: the reserve identity's
 * interventions keep in force on the account, as of the change. An older event arriving late
 * changes nothing. A reserve placed starts holding the payments made from then on; one whose
 * terms change keeps its start; a lifted one stops new holds (held money still releases on its
 * day).
 */
export async function keepRollingReserve(
  event: {
    accountId: string | null;
    platformId: string;
    livemode: boolean;
    occurredAt: string;
    data: { interventions?: InterventionsSummary };
  },
  manager: EntityManager,
): Promise<void> {
  const interventions = event.data.interventions;
  if (!interventions || !event.accountId) return;
  const reserve = interventions.rollingReserve;
  const asOf = new Date(event.occurredAt);
  // Assignments run in order, each seeing the ones before: `as_of` (what `newer` reads) last.
  const newer = 'VALUES(as_of) > as_of';
  await manager.query(
    `INSERT INTO rolling_reserves (account_id, livemode, platform_id, percent, days, in_force_since, as_of)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE
       scan_from = IF(${newer} AND (VALUES(percent) IS NULL OR in_force_since IS NULL), NULL, scan_from),
       in_force_since = IF(${newer},
         IF(VALUES(percent) IS NULL, NULL, COALESCE(in_force_since, VALUES(in_force_since))),
         in_force_since),
       percent = IF(${newer}, VALUES(percent), percent),
       days = IF(${newer}, VALUES(days), days),
       as_of = GREATEST(as_of, VALUES(as_of))`,
    [
      event.accountId,
      event.livemode,
      event.platformId,
      reserve?.percent ?? null,
      reserve?.days ?? null,
      reserve ? asOf : null,
      asOf,
    ],
  );
}
