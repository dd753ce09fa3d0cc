import type { EntityManager } from 'typeorm';

/**
 * Makes a row unless its key is already there, and holds the row's exclusive lock for the rest
 * of the transaction either way: `INSERT … ON DUPLICATE KEY UPDATE` locks an existing row
 * exclusively. INSERT IGNORE would take a shared lock on it instead, and a locking read after it
 * then waits for every other transaction's shared lock on the row: two transactions doing both at
 * once deadlock, each holding the shared lock the other must wait out. Table and column names
 * come from code, never from input.
 */
export async function insertOrLock(
  manager: EntityManager,
  table: string,
  row: Record<string, unknown>,
): Promise<void> {
  const columns = Object.keys(row);
  const [first] = columns;
  if (!first) throw new Error('insertOrLock: a row needs at least one column');
  const quoted = columns.map((column) => `\`${column}\``);
  await manager.query(
    `INSERT INTO \`${table}\` (${quoted.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON DUPLICATE KEY UPDATE ${quoted[0]} = ${quoted[0]}`,
    Object.values(row),
  );
}
