import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { ReadScope } from './keys.js';
import type { ReadVersions } from './read-versions.js';

/** Where a transaction's touched scopes wait for its commit (TypeORM's per-runner `data`). */
const TOUCHED = 'touchedReadScopes';

type Touched = Map<string, ReadScope>;

const idOf = (scope: ReadScope) =>
  'accountId' in scope ? `account:${scope.accountId}` : `platform:${scope.platformId}`;

/**
 * Marks what an account (or a platform) reads as changed by the write `manager` is making. Inside
 * a transaction the versions are bumped once it has committed (bumping earlier would let a reader
 * cache the old rows under the new version); outside one, the write has already committed and they
 * are bumped now. A data source without read-version bumps installed (a seed, a unit test) ignores it.
 */
export async function touchReads(manager: EntityManager, ...scopes: ReadScope[]): Promise<void> {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) {
    const touched = ((runner.data as Record<string, Touched | undefined>)[TOUCHED] ??= new Map());
    for (const scope of scopes) touched.set(idOf(scope), scope);
    return;
  }
  await bumpsOf(manager.connection)?.bump(scopes);
}

/** Bumps the read versions a transaction touched once it commits; forgets them if it rolls back. */
export class ReadVersionBumps implements EntitySubscriberInterface {
  constructor(
    private readonly versions: ReadVersions,
    /** A failed bump leaves cached answers stale until they expire; the write itself stands. */
    private readonly onError: (error: unknown) => void,
  ) {}

  async bump(scopes: Iterable<ReadScope>): Promise<void> {
    try {
      await this.versions.bump(scopes);
    } catch (error) {
      this.onError(error);
    }
  }

  async afterTransactionCommit({ queryRunner }: { queryRunner: QueryRunner }): Promise<void> {
    // A released savepoint is not a commit: the outer transaction may still roll back.
    if (queryRunner.isTransactionActive) return;
    const touched = takeTouched(queryRunner);
    if (touched) await this.bump(touched.values());
  }

  afterTransactionRollback({ queryRunner }: { queryRunner: QueryRunner }): void {
    // Scopes touched inside a rolled-back savepoint stay: bumping too often is only a miss.
    if (!queryRunner.isTransactionActive) takeTouched(queryRunner);
  }
}

function takeTouched(runner: QueryRunner): Touched | undefined {
  const data = runner.data as Record<string, Touched | undefined>;
  const touched = data[TOUCHED];
  delete data[TOUCHED];
  return touched;
}

const bumpsOf = (dataSource: DataSource) =>
  dataSource.subscribers.find(
    (subscriber): subscriber is ReadVersionBumps => subscriber instanceof ReadVersionBumps,
  );

/** Makes `touchReads` on this data source bump `versions`; returns the undo. */
export function installReadVersionBumps(
  dataSource: DataSource,
  versions: ReadVersions,
  onError: (error: unknown) => void,
): () => void {
  const bumps = new ReadVersionBumps(versions, onError);
  dataSource.subscribers.push(bumps);
  return () => {
    const at = dataSource.subscribers.indexOf(bumps);
    if (at >= 0) dataSource.subscribers.splice(at, 1);
  };
}
