import {
  Column,
  PrimaryColumn,
  type DataSource,
  type FindOptionsWhere,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn, fromReplica } from '@dash/db';
import { afterKeyset, type Keyset } from './pagination.js';

/**
 * The columns every row owned by a connected account carries: its id, the account and platform
 * it belongs to (what tenant scoping filters on) and when it was made. Entities extend this.
 */
// An object type so subclasses inherit its fields; schemas only emit the types they reach.
@ObjectType()
export abstract class AccountRecord {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'account_id', type: 'varchar', length: 40 })
  accountId!: string;

  @Column({ name: 'platform_id', type: 'varchar', length: 40 })
  platformId!: string;

  /** Test and live data never mix: a test key or test account sees only test rows. */
  @Column({ type: 'boolean', default: false })
  livemode!: boolean;

  @Column(datetimeColumn({ name: 'created_at' }))
  @Field()
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

  count(account: AccountRef, where: FindOptionsWhere<Row> = {}): Promise<number> {
    return this.repository.countBy({ ...where, ...accountRefOf(account) } as FindOptionsWhere<Row>);
  }
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
