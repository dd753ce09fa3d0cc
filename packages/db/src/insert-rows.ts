import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** The INSERT statement of each entity, built from its metadata once. */
const insertPlans = new WeakMap<
  EntityMetadata,
  { columnList: string; values: string; columns: ColumnMetadata[] }
>();

function insertPlan(metadata: EntityMetadata) {
  let plan = insertPlans.get(metadata);
  if (!plan) {
    const columns = metadata.columns.filter((column) => !column.isVirtual);
    plan = {
      columns,
      columnList: `\`${metadata.tableName}\` (${columns.map((c) => `\`${c.databaseName}\``).join(', ')})`,
      values: `(${columns.map(() => '?').join(', ')})`,
    };
    insertPlans.set(metadata, plan);
  }
  return plan;
}

/**
 * Inserts entity rows, in one statement, and nothing else; with `ignoreDuplicates`, a row whose
 * key is already there is left as it was (a replayed event). A repository or query-builder
 * insert would build its SQL anew each time and read each row back for its column defaults: on
 * the paths that write for every charge or event, that was a round trip and most of the CPU per
 * row. Values go through TypeORM's own column rules (JSON, booleans, dates, transformers).
 */
export async function insertRows<Row extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<Row>,
  rows: Row[],
  { ignoreDuplicates = false }: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.connection.getMetadata(entity);
  const { columnList, values, columns } = insertPlan(metadata);
  const driver = manager.connection.driver;
  await manager.query(
    `INSERT${ignoreDuplicates ? ' IGNORE' : ''} INTO ${columnList} VALUES ${rows.map(() => values).join(', ')}`,
    rows.flatMap((row) =>
      columns.map((column) =>
        driver.preparePersistentValue(column.getEntityValue(row, true), column),
      ),
    ),
  );
}
