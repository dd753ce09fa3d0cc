import type { DataSource, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The part of a mysql2 pool connection a prepared read uses. */
interface PooledConnection {
  execute(
    sql: string,
    values: readonly unknown[],
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
  release(): void;
}

/** The part of TypeORM's MySQL driver that hands out pool connections. */
interface MysqlPools {
  obtainMasterConnection(): Promise<PooledConnection>;
  obtainSlaveConnection(): Promise<PooledConnection>;
}

/**
 * A read on the hot path of a dashboard request, as a server-side prepared statement on a
 * connection of the DataSource's own pool. It skips what TypeORM adds around every query (a
 * query runner, subscribers' broadcast, and mysql2's promise wrapper capturing a stack trace per
 * call) and the statement is parsed by the server once per connection. Rows come back as the
 * driver reads them (the DataSource's options apply: UTC times, BIGINT and DECIMAL as strings).
 * `replica` reads from a read replica where one is configured, under the same rule as
 * `onReplica`: only for what a person looks at, never for a decision about money.
 */
export async function preparedRead<Row>(
  dataSource: DataSource,
  sql: string,
  values: readonly unknown[],
  { replica = false }: { replica?: boolean } = {},
): Promise<Row[]> {
  const pools = dataSource.driver as unknown as MysqlPools;
  const connection = await (replica
    ? pools.obtainSlaveConnection()
    : pools.obtainMasterConnection());
  try {
    return await new Promise<Row[]>((resolve, reject) =>
      connection.execute(sql, values, (error, rows) =>
        error ? reject(error) : resolve(rows as Row[]),
      ),
    );
  } finally {
    connection.release();
  }
}

/** `?, ?, ?` for a list bound one value per placeholder (a prepared statement expands none). */
export const placeholders = (values: readonly unknown[]): string =>
  values.map(() => '?').join(', ');

/** One entity's prepared `SELECT` of all its columns, built once from TypeORM's metadata. */
const selects = new WeakMap<object, string>();

/**
 * Rows of `entity` read by a prepared statement (`where` follows `FROM <table>`, e.g.
 * `WHERE id = ?`), turned into entities by TypeORM's own column rules (JSON, booleans, dates,
 * transformers) as `find` would, without building a query each time. For entities without
 * relations or inheritance, read on the hot path.
 */
export async function preparedEntities<Entity extends object>(
  dataSource: DataSource,
  entity: new () => Entity,
  where: string,
  values: readonly unknown[],
): Promise<Entity[]> {
  const metadata = dataSource.getMetadata(entity);
  let select = selects.get(metadata);
  if (!select) {
    const columns = metadata.columns
      .filter((column) => !column.isVirtualProperty)
      .map((column) => `\`${column.databaseName}\``)
      .join(', ');
    select = `SELECT ${columns} FROM \`${metadata.tableName}\``;
    selects.set(metadata, select);
  }
  const rows = await preparedRead<Record<string, unknown>>(
    dataSource,
    `${select} ${where}`,
    values,
  );
  return rows.map((row) => hydrate<Entity>(dataSource, metadata, row, ''));
}

/**
 * The entities a built query selects, read as a prepared statement: TypeORM writes the SQL (so
 * the filters stay written once, in the query builder) and the rows are turned into entities as
 * `getMany` would, without its query runner, result transformer and the driver's promise
 * wrapper. For a query of one entity without joins; anything else is left to `getMany`.
 */
export async function preparedMany<Entity extends ObjectLiteral>(
  query: SelectQueryBuilder<Entity>,
  { replica = false }: { replica?: boolean } = {},
): Promise<Entity[]> {
  const { mainAlias, joinAttributes } = query.expressionMap;
  if (!mainAlias?.hasMetadata || joinAttributes.length > 0) return query.getMany();
  const [sql, values] = query.getQueryAndParameters();
  const rows = await preparedRead<Record<string, unknown>>(query.connection, sql, values, {
    replica,
  });
  const prefix = `${mainAlias.name}_`;
  const missing =
    rows[0] &&
    mainAlias.metadata.columns.find(
      // Columns kept out of selects (`select: false`, a PDF's bytes) are not expected.
      (column) => column.isSelect && !(prefix + column.databaseName in rows[0]!),
    );
  // A partial select (or an alias the driver shortened) would hydrate half an entity: say so.
  if (missing) throw new Error(`preparedMany: ${prefix}${missing.databaseName} is not selected`);
  return rows.map((row) => hydrate<Entity>(query.connection, mainAlias.metadata, row, prefix));
}

/** An entity from a row whose columns are named `<prefix><column>`, by TypeORM's column rules. */
function hydrate<Entity>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  prefix: string,
): Entity {
  const hydrated = metadata.create(undefined, { fromDeserializer: true }) as Entity;
  for (const column of metadata.columns) {
    const value = row[prefix + column.databaseName];
    if (value !== undefined)
      column.setEntityValue(
        hydrated as ObjectLiteral,
        dataSource.driver.prepareHydratedValue(value, column),
      );
  }
  return hydrated;
}
