import {
  Column,
  PrimaryColumn,
  type DataSource,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

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

  /** Newest first; `id` breaks ties so pages are stable. */
  newest(scope: AccountScope, first: number, where: FindOptionsWhere<Row> = {}): Promise<Row[]> {
    return this.repository.find({
      where: { ...where, ...scope } as FindOptionsWhere<Row>,
      order: { createdAt: 'DESC', id: 'DESC' } as never,
      take: first,
    });
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
