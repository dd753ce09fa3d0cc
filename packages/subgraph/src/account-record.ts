import {
  Column,
  FindOperator,
  PrimaryColumn,
  type DataSource,
  type EntityMetadata,
  type ObjectLiteral,
  type FindOptionsWhere,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  bucketed,
  datetimeColumn,
  fromReplica,
  placeholders,
  preparedManyEach,
  preparedRead,
} from '@dash/db';
import { afterKeyset, type Keyset } from './pagination.js';

/**
 * The columns every row owned by a connected account carries: its id, the account and platform
 * it belongs to (what tenant scoping filters on) and when it was made. Entities extend this.
 */
// An object type so subclasses inherit its fields; schemas only emit the types they reach.
@ObjectType()
export abstract class AccountRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID, { description: 'The id; its prefix names the kind of object (`ch_…`, `po_…`).' })
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 40 })
  accountId!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  /** Test and live data never mix: a test key or test account sees only test rows. */
  @Column({ type: 'boolean', default: false })
  livemode!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}

/** Reads of account-owned rows that every list needs, always within a scope. */
export class AccountRecords<Row extends AccountRecord> {
  constructor(protected readonly repository: Repository<Row>) {}

  /** One account's rows (as Access vouched for it) as a query under `alias`. */
  protected scoped(alias: string, account: AccountRef): SelectQueryBuilder<Row> {
    return this.repository
      .createQueryBuilder(alias)
      .where(
        `${alias}.account_id = :accountId AND ${alias}.platform_id = :platformId AND ${alias}.livemode = :livemode`,
        accountRefOf(account),
      );
  }

  /**
   * A page newest first, by keyset (created, id), fetched one row beyond `first` (see toPage);
   * `narrow` adds the list's own conditions.
   */
  page(
    account: AccountRef,
    first: number,
    after?: Keyset,
    narrow?: (query: SelectQueryBuilder<Row>, alias: string) => void,
  ): Promise<Row[]> {
    return this.pageQuery(account, first, after, narrow).getMany();
  }

  /**
   * The same page read from a read replica (the primary when none is configured): for lists a
   * person looks at, where a row a second late shows up on the next refresh — never for a
   * decision about money.
   */
  replicaPage(
    account: AccountRef,
    first: number,
    after?: Keyset,
    narrow?: (query: SelectQueryBuilder<Row>, alias: string) => void,
  ): Promise<Row[]> {
    return fromReplica(this.pageQuery(account, first, after, narrow), (query) => query.getMany());
  }

  /**
   * Each account's first page (as `replicaPage` without `after`), for many accounts of one
   * tenant and mode with one statement: each account's page stays its own indexed read.
   */
  firstPages(
    accounts: readonly AccountRef[],
    first: number,
    narrow?: (query: SelectQueryBuilder<Row>, alias: string) => void,
  ): Promise<Row[][]> {
    return preparedManyEach(
      accounts.map((account) => this.pageQuery(account, first, undefined, narrow)),
      { replica: true },
    );
  }

  private pageQuery(
    account: AccountRef,
    first: number,
    after?: Keyset,
    narrow?: (query: SelectQueryBuilder<Row>, alias: string) => void,
  ): SelectQueryBuilder<Row> {
    const alias = 'row';
    const query = this.scoped(alias, account);
    narrow?.(query, alias);
    return afterKeyset(query, alias, after)
      .orderBy(`${alias}.created_at`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      .take(first + 1);
  }

  find(account: AccountRef, id: string): Promise<Row | null> {
    return this.repository.findOneBy({ ...accountRefOf(account), id } as FindOptionsWhere<Row>);
  }

  /** How many of the account's rows match `where` (see `countEach`). */
  async count(account: AccountRef, where: FindOptionsWhere<Row> = {}): Promise<number> {
    const [count] = await this.countEach([account], where);
    return count!;
  }

  /**
   * How many of each account's rows match `where`, for accounts of one tenant and mode; answers
   * in the order asked. Counts on the dashboard's every page (unread activity, disputes to
   * answer) are one prepared statement for all the accounts (`GROUP BY` the account) where
   * `where` holds only plain values and IsNull(); anything else goes through TypeORM, account by
   * account.
   */
  async countEach(
    accounts: readonly AccountRef[],
    where: FindOptionsWhere<Row> = {},
  ): Promise<number[]> {
    const [tenant] = accounts;
    if (!tenant) return [];
    const { platformId, livemode } = accountRefOf(tenant);
    const conditions = plainConditions(this.repository.metadata, {
      ...where,
      platformId,
      livemode,
    });
    if (!conditions)
      return Promise.all(
        accounts.map((account) =>
          this.repository.countBy({ ...where, ...accountRefOf(account) } as FindOptionsWhere<Row>),
        ),
      );
    const ids = bucketed(accounts.map((account) => account.accountId));
    const rows = await preparedRead<{ account_id: string; count: number | string }>(
      this.repository.manager.connection,
      `SELECT account_id, COUNT(*) AS count FROM \`${this.repository.metadata.tableName}\`
        WHERE ${conditions.sql} AND account_id IN (${placeholders(ids)}) GROUP BY account_id`,
      [...conditions.values, ...ids],
    );
    // Matched as the database compares ids (without case), as each account was counted alone.
    const counts = new Map(rows.map((row) => [row.account_id.toLowerCase(), Number(row.count)]));
    return accounts.map((account) => counts.get(account.accountId.toLowerCase()) ?? 0);
  }
}

/**
 * `where` as SQL conditions joined by AND, for a where of plain values and IsNull() only (what
 * a prepared statement takes); otherwise undefined.
 */
function plainConditions(
  metadata: EntityMetadata,
  where: ObjectLiteral,
): { sql: string; values: unknown[] } | undefined {
  const conditions: string[] = [];
  const values: unknown[] = [];
  for (const [property, value] of Object.entries(where)) {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column || column.transformer || value === undefined) return undefined;
    if (value instanceof FindOperator) {
      if (value.type !== 'isNull') return undefined;
      conditions.push(`\`${column.databaseName}\` IS NULL`);
    } else if (value === null || typeof value === 'object') {
      return undefined;
    } else {
      conditions.push(`\`${column.databaseName}\` = ?`);
      values.push(value);
    }
  }
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', values };
}

/** A demo or fixture row: test mode unless it says otherwise. */
export type SeedRow<Row extends AccountRecord> = Omit<Row, 'livemode'> & { livemode?: boolean };

/** Writes seed rows; running it twice leaves the same rows (upsert by id). */
export async function upsertSeedRows<Row extends AccountRecord>(
  dataSource: DataSource,
  entity: new () => Row,
  rows: ReadonlyArray<SeedRow<Row>>,
): Promise<void> {
  await dataSource
    .getRepository(entity)
    .upsert(rows.map((row) => ({ livemode: false, ...row })) as never, ['id']);
}
