import type {
  DataSource,
  EntityManager,
  ObjectLiteral,
  QueryRunner,
  SelectQueryBuilder,
} from 'typeorm';

/** A replica connection for `work`, given back to the pool however `work` ends. */
async function withReplicaRunner<T>(
  dataSource: DataSource,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('slave');
  try {
    return await work(runner);
  } finally {
    await runner.release();
  }
}

/**
 * Runs `read` on a read replica (the primary when none is configured), for dashboard lists
 * where a row a second old does no harm: the caller sees it on the next refresh. Never for
 * anything that decides about money (balances a payout is checked against, idempotency keys,
 * locks) or runs in a transaction — those use the DataSource, which stays on the primary.
 */
export async function onReplica<T>(
  dataSource: DataSource,
  read: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return withReplicaRunner(dataSource, (runner) => read(runner.manager));
}

/**
 * Runs a built query on a read replica: `read(query)` fetches (getMany, getRawMany…). The same
 * rule as onReplica: dashboard lists only.
 */
export async function fromReplica<Query extends SelectQueryBuilder<ObjectLiteral>, T>(
  query: Query,
  read: (query: Query) => Promise<T>,
): Promise<T> {
  return withReplicaRunner(query.dataSource, (runner) =>
    read(query.setQueryRunner(runner) as Query),
  );
}
