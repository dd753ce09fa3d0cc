import type { DataSource } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { ServiceDeps } from '@dash/subgraph';
import { seal, sealedUnderOlderKey, unseal } from './personal-id.rules.js';

interface DetailsRow {
  id: string;
  onboarding_details: string | null;
}

const BATCH = 200;

/**
 * Moves personal ids sealed under an older key (or the first, key-less format) to the current
 * key, so an operator can drop an old root from DASH_SECRET_KEYS once this has run. Each row is
 * re-read under a lock and rewritten only if it still holds an old value, so instances doing
 * this at once, or a save racing it, lose nothing. Returns how many rows were rewritten.
 */
export async function resealPersonalIds(dataSource: DataSource, keys: SecretKeys): Promise<number> {
  let rewritten = 0;
  let after = '';
  for (;;) {
    const rows = (await dataSource.query(
      `SELECT id, onboarding_details FROM accounts
        WHERE id > ? AND onboarding_details LIKE '%sealed:%' ORDER BY id LIMIT ?`,
      [after, BATCH],
    )) as DetailsRow[];
    if (rows.length === 0) return rewritten;
    after = rows[rows.length - 1]!.id;
    for (const { id } of rows.filter((row) => holdsOldValue(row, keys)))
      if (await resealRow(dataSource, keys, id)) rewritten++;
  }
}

const detailsOf = (row: DetailsRow): Record<string, string> =>
  row.onboarding_details ? (JSON.parse(row.onboarding_details) as Record<string, string>) : {};

const holdsOldValue = (row: DetailsRow, keys: SecretKeys) =>
  Object.values(detailsOf(row)).some(
    (value) => typeof value === 'string' && sealedUnderOlderKey(value, keys),
  );

function resealRow(dataSource: DataSource, keys: SecretKeys, id: string): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const [row] = (await manager.query(
      'SELECT id, onboarding_details FROM accounts WHERE id = ? FOR UPDATE',
      [id],
    )) as DetailsRow[];
    if (!row || !holdsOldValue(row, keys)) return false;
    const details = Object.fromEntries(
      Object.entries(detailsOf(row)).map(([key, value]) => [
        key,
        typeof value === 'string' && sealedUnderOlderKey(value, keys)
          ? seal(unseal(value, keys), keys)
          : value,
      ]),
    );
    await manager.query('UPDATE accounts SET onboarding_details = ? WHERE id = ?', [
      JSON.stringify(details),
      id,
    ]);
    return true;
  });
}

/**
 * Personal ids sealed under an older root are moved to the current one in the background after
 * start-up, so an operator can drop the old root once every instance has run this (the log
 * says how many rows moved). Reads of old values keep working meanwhile.
 */
export async function personalIdResealPart({ dataSource, config, log }: ServiceDeps) {
  const running = resealPersonalIds(dataSource, config.internalSecret).then(
    (rewritten) => {
      if (rewritten > 0) log.info({ rewritten }, 'personal ids moved to the current key');
    },
    (error: unknown) => log.error({ err: error }, 'moving personal ids to the current key failed'),
  );
  return { stop: () => running };
}
