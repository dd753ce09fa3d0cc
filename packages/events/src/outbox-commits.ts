import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/** Where a transaction notes that it wrote to the outbox (TypeORM's per-runner `data`). */
const WROTE = 'wroteOutboxEvents';

/** Notes that the transaction of `runner` wrote an event, for the commit listeners. */
export function noteOutboxWrite(runner: QueryRunner): void {
  (runner.data as Record<string, boolean | undefined>)[WROTE] = true;
}

/** Calls its listeners after each commit of a transaction that wrote to the outbox. */
class OutboxCommits implements EntitySubscriberInterface {
  readonly listeners = new Set<() => void>();

  afterTransactionCommit({ queryRunner }: { queryRunner: QueryRunner }): void {
    // A released savepoint is not a commit: the outer transaction may still roll back.
    if (queryRunner.isTransactionActive || !takeWrite(queryRunner)) return;
    for (const listener of this.listeners) listener();
  }

  afterTransactionRollback({ queryRunner }: { queryRunner: QueryRunner }): void {
    if (!queryRunner.isTransactionActive) takeWrite(queryRunner);
  }
}

function takeWrite(runner: QueryRunner): boolean {
  const data = runner.data as Record<string, boolean | undefined>;
  const wrote = data[WROTE] === true;
  delete data[WROTE];
  return wrote;
}

/**
 * Calls `listener` whenever a transaction on `dataSource` that recorded an event has committed
 * (in this process; other processes' events are found by polling). Returns the undo.
 */
export function onOutboxCommit(dataSource: DataSource, listener: () => void): () => void {
  let commits = dataSource.subscribers.find(
    (subscriber): subscriber is OutboxCommits => subscriber instanceof OutboxCommits,
  );
  if (!commits) {
    commits = new OutboxCommits();
    dataSource.subscribers.push(commits);
  }
  const installed = commits;
  installed.listeners.add(listener);
  return () => {
    installed.listeners.delete(listener);
  };
}
