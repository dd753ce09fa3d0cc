import type { DataSource, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The part of a mysql2 pool connection a prepared read uses. */
interface PooledConnection {
  execute(
    sql: string,
    values: readonly unknown[],
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
  query(
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
export function preparedRead<Row>(
  dataSource: DataSource,
  sql: string,
  values: readonly unknown[],
  { replica = false }: { replica?: boolean } = {},
): Promise<Row[]> {
  return poolRead<Row>(dataSource, sql, values, { replica, prepared: true });
}

/**
 * A read on a connection of the DataSource's pool, as a prepared statement or as plain text (for
 * a statement whose text changes with its input, which would only churn the pool's cache of
 * prepared statements).
 */
async function poolRead<Row>(
  dataSource: DataSource,
  sql: string,
  values: readonly unknown[],
  { replica, prepared }: { replica: boolean; prepared: boolean },
): Promise<Row[]> {
  const pools = dataSource.driver as unknown as MysqlPools;
  const connection = await (replica
    ? pools.obtainSlaveConnection()
    : pools.obtainMasterConnection());
  try {
    return await new Promise<Row[]>((resolve, reject) => {
      const done = (error: Error | null, rows: unknown) =>
        error ? reject(error) : resolve(rows as Row[]);
      if (prepared) connection.execute(sql, values, done);
      else connection.query(sql, values, done);
    });
  } finally {
    connection.release();
  }
}

/** `?, ?, ?` for a list bound one value per placeholder (a prepared statement expands none). */
export const placeholders = (values: readonly unknown[]): string =>
  values.map(() => '?').join(', ');

/**
 * `values` for an `IN (…)` list, padded to a power of two by repeating the last one. A list of
 * any length then makes one of a few statement texts, which the pool's cache of prepared
 * statements keeps (it holds 64 per connection; a text per length would churn it).
 */
export function bucketed<Value>(values: readonly Value[]): Value[] {
  if (values.length === 0) return [];
  let size = 1;
  while (size < values.length) size *= 2;
  const padded = [...values];
  while (padded.length < size) padded.push(values[values.length - 1]!);
  return padded;
}

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

/** The column each part's rows are told apart by in `preparedManyEach`. */
const PART = 'dash_part';

/** A column a part is ordered by, as the union's rows name it. */
interface OrderKey {
  column: string;
  descending: boolean;
}

/**
 * What several queries of one entity select (each account's first page, say), read with one
 * statement: each query as written — so its own index and limit serve it — joined by UNION ALL,
 * and its rows handed back on their own, in its order (each query gets a column added that tells
 * its rows apart). For queries of one entity, all ordered alike by columns of that entity (any
 * other order is refused: it could not be checked); queries with joins are read one by one.
 * Sent as text, not prepared: its text changes with the number of queries.
 *
 * The union has no ORDER BY of its own. One would make the server gather every part's rows in a
 * temporary table and sort them there, and with a TEXT or JSON column (a transaction's
 * description) that table is written to disk: on a platform's account reads it was a third of
 * the statement time MariaDB's slow log recorded. Without it MariaDB and MySQL stream each
 * part's rows as the part's own ORDER BY produced them. SQL does not promise that, so each
 * part's order is checked as the rows come in, and a union that came back out of order is read
 * again query by query.
 */
export async function preparedManyEach<Entity extends ObjectLiteral>(
  queries: ReadonlyArray<SelectQueryBuilder<Entity>>,
  { replica = false }: { replica?: boolean } = {},
): Promise<Entity[][]> {
  const oneByOne = () => Promise.all(queries.map((query) => preparedMany(query, { replica })));
  if (queries.length <= 1) return oneByOne();
  const { mainAlias, joinAttributes, orderBys } = queries[0]!.expressionMap;
  if (!mainAlias?.hasMetadata || joinAttributes.length > 0) return oneByOne();
  const prefix = `${mainAlias.name}_`;
  const order = Object.entries(orderBys).map(([key, direction]): OrderKey => {
    const column = key.startsWith(`${mainAlias.name}.`) ? key.slice(prefix.length) : undefined;
    if (!column || typeof direction !== 'string' || !/^\w+$/.test(column))
      throw new Error(`preparedManyEach: cannot order the union by ${key}`);
    return { column: `${prefix}${column}`, descending: direction === 'DESC' };
  });
  const statements: string[] = [];
  const values: unknown[] = [];
  queries.forEach((query, part) => {
    const [sql, parameters] = query.addSelect(String(part), PART).getQueryAndParameters();
    statements.push(`(${sql})`);
    values.push(...parameters);
  });
  const rows = await poolRead<Record<string, unknown>>(
    queries[0]!.connection,
    statements.join(' UNION ALL '),
    values,
    { replica, prepared: false },
  );
  const parts = queries.map((): Array<Record<string, unknown>> => []);
  for (const row of rows) parts[Number(row[PART])]!.push(row);
  if (!parts.every((part) => inOrder(part, order))) return oneByOne();
  return parts.map((part) =>
    part.map((row) => hydrate<Entity>(queries[0]!.connection, mainAlias.metadata, row, prefix)),
  );
}

/**
 * Whether each row comes at or after the one before it by `order`. Times and numbers are
 * compared; a text column is where the check stops for a pair of rows, as only the server knows
 * its collation (so two rows made in the same millisecond are taken in the order they came).
 */
function inOrder(rows: ReadonlyArray<Record<string, unknown>>, order: readonly OrderKey[]) {
  for (let i = 1; i < rows.length; i++) {
    for (const { column, descending } of order) {
      const before = comparable(rows[i - 1]![column]);
      const after = comparable(rows[i]![column]);
      if (before === undefined || after === undefined) break;
      if (before === after) continue;
      if (before < after === descending) return false;
      break;
    }
  }
  return true;
}

/** A time or a number as a number to compare; anything else (text, NULL) cannot be checked. */
const comparable = (value: unknown): number | undefined =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : undefined;

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
