import {
  Column,
  PrimaryColumn,
  type DataSource,
  type FindOptionsWhere,
  type Repository,
  type SelectQueryBuilder,
} from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';
import { rowVisibleTo } from './caller-checks.js';
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

/** The rows of one account as a caller may see them (see `accountRowsScope`). */
export type AccountScope = { accountId: string; platformId?: string; livemode: boolean };

/** Reads of account-owned rows that every list needs, always within a scope. */
export class AccountRecords<Row extends AccountRecord> {
  constructor(protected readonly repository: Repository<Row>) {}

  /**
   * The scope's rows as a query under `alias`: its account and mode, and its platform when the
   * caller is a platform.
   */
  protected scoped(alias: string, scope: AccountScope): SelectQueryBuilder<Row> {
    const query = this.repository
      .createQueryBuilder(alias)
      .where(`${alias}.account_id = :accountId AND ${alias}.livemode = :livemode`, scope);
    if (scope.platformId) query.andWhere(`${alias}.platform_id = :platformId`, scope);
    return query;
  }

  /**
   * A page newest first, by keyset (created, id), fetched one row beyond `first` (see toPage);
   * `narrow` adds the list's own conditions.
   */
  page(
    scope: AccountScope,
    first: number,
    after?: Keyset,
    narrow?: (query: SelectQueryBuilder<Row>, alias: string) => void,
  ): Promise<Row[]> {
    const alias = 'row';
    const query = this.scoped(alias, scope);
    narrow?.(query, alias);
    return afterKeyset(query, alias, after)
      .orderBy(`${alias}.created_at`, 'DESC')
      .addOrderBy(`${alias}.id`, 'DESC')
      .take(first + 1)
      .getMany();
  }

  find(scope: AccountScope, id: string): Promise<Row | null> {
    return this.repository.findOneBy({ ...scope, id } as FindOptionsWhere<Row>);
  }

  /** A row another subgraph points at by id, if the caller may see it (see rowVisibleTo). */
  async visibleById(caller: Caller, id: string): Promise<Row | null> {
    const row = await this.repository.findOneBy({ id } as FindOptionsWhere<Row>);
    return row && rowVisibleTo(caller, row) ? row : null;
  }

  count(scope: AccountScope, where: FindOptionsWhere<Row> = {}): Promise<number> {
    return this.repository.countBy({ ...where, ...scope } as FindOptionsWhere<Row>);
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
