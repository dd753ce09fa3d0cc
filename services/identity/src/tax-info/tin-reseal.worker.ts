import type { DataSource } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { ServiceDeps } from '@dash/subgraph';
import { seal, sealedUnderOlderKey, unseal } from '../onboarding/personal-id.rules.js';

const BATCH = 200;

/**
 * Moves taxpayer ids sealed under an older key to the current one, as `resealPersonalIds` does
 * for onboarding's ids: each row re-read under a lock and rewritten only if it still holds an
 * old value, so instances doing this at once, or a save racing it, lose nothing. Returns how
 * many rows were rewritten.
 */
export async function resealTaxIds(dataSource: DataSource, keys: SecretKeys): Promise<number> {
  let rewritten = 0;
  let after = '';
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT account_id, tin_sealed FROM tax_information
        WHERE account_id > ? AND tin_sealed IS NOT NULL ORDER BY account_id LIMIT ?`,
      [after, BATCH],
    )) as Array<{ account_id: string; tin_sealed: string }>;
    if (rows.length === 0) return rewritten;
    after = rows[rows.length - 1]!.account_id;
    for (const row of rows.filter((candidate) => sealedUnderOlderKey(candidate.tin_sealed, keys)))
      if (await resealRow(dataSource, keys, row.account_id)) rewritten++;
  }
}

function resealRow(dataSource: DataSource, keys: SecretKeys, accountId: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [row] = (await manager.query(
      'SELECT tin_sealed FROM tax_information WHERE account_id = ? FOR UPDATE',
      [accountId],
    )) as Array<{ tin_sealed: string | null }>;
    if (!row?.tin_sealed || !sealedUnderOlderKey(row.tin_sealed, keys)) return false;
    await manager.query('UPDATE tax_information SET tin_sealed = ? WHERE account_id = ?', [
      seal(unseal(row.tin_sealed, keys), keys),
      accountId,
    ]);
    return true;
  });
}

/** Taxpayer ids sealed under an older root move to the current one after start-up. */
export async function taxIdResealPart({ dataSource, config, log }: ServiceDeps) {
  const running = resealTaxIds(dataSource, config.internalSecret).then(
    (rewritten) => {
      if (rewritten > 0) log.info({ rewritten }, 'taxpayer ids moved to the current key');
    },
    (error: unknown) => log.error({ err: error }, 'moving taxpayer ids to the current key failed'),
  );
  return { stop: () => running };
}
