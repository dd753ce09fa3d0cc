import type { DataSource } from 'typeorm';

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
  return rows.map((row) => {
    const hydrated = metadata.create(undefined, { fromDeserializer: true }) as Entity;
    for (const column of metadata.columns) {
      const value = row[column.databaseName];
      if (value !== undefined)
        column.setEntityValue(hydrated, dataSource.driver.prepareHydratedValue(value, column));
    }
    return hydrated;
  });
}
