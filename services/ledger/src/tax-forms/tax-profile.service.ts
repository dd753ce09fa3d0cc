import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '@dash/events';

/**
 * Keeps identity's `tax_info.updated` as the account's tax profile: what its forms print. An
 * event older than the one kept changes nothing (events of one account may arrive out of
 * order after a retry). MySQL applies the assignments left to right, so `as_of` is compared
 * before it changes, last.
 */
export async function keepTaxProfile(
  event: DomainEvent<'tax_info.updated'>,
  manager: EntityManager,
): Promise<void> {
  if (!event.accountId) return;
  const facts = event.data;
  const newer = 'as_of <= VALUES(as_of)';
  const columns = [
    'legal_name',
    'address',
    'tin_type',
    'tin_last4',
    'certified_at',
    'edelivery_consent',
  ];
  await manager.query(
    `INSERT INTO tax_profiles
       (account_id, platform_id, livemode, ${columns.join(', ')}, as_of)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE
       ${columns.map((column) => `${column} = IF(${newer}, VALUES(${column}), ${column})`).join(',\n       ')},
       as_of = IF(${newer}, VALUES(as_of), as_of)`,
    [
      event.accountId,
      event.platformId,
      event.livemode,
      facts.legalName,
      facts.address ? JSON.stringify(facts.address) : null,
      facts.tinType,
      facts.tinLast4,
      facts.certifiedAt ? new Date(facts.certifiedAt) : null,
      facts.edeliveryConsent,
      new Date(event.occurredAt),
    ],
  );
}
