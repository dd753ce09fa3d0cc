import { In, type DataSource } from 'typeorm';
import { AccountRecords, type AccountScope, type Keyset } from '@dash/subgraph';
import { Payout, PayoutStatus } from './entities/payout.entity.js';

/** Payouts not yet in the bank: the money "on the way". */
const UNDERWAY = [PayoutStatus.pending, PayoutStatus.in_transit];

export class PayoutRepository extends AccountRecords<Payout> {
  constructor(private readonly dataSource: DataSource) {
    super(dataSource.getRepository(Payout));
  }

  /** Newest first, by keyset (created, id); optionally of some statuses only. */
  page(scope: AccountScope, first: number, after?: Keyset, statuses?: PayoutStatus[]) {
    const query = this.repository
      .createQueryBuilder('po')
      .where('po.account_id = :accountId AND po.livemode = :livemode', scope);
    if (scope.platformId) query.andWhere('po.platform_id = :platformId', scope);
    if (statuses?.length) query.andWhere('po.status IN (:...statuses)', { statuses });
    if (after)
      query.andWhere(
        '(po.created_at < :afterAt OR (po.created_at = :afterAt AND po.id < :afterId))',
        { afterAt: after.createdAt, afterId: after.id },
      );
    return query
      .orderBy('po.created_at', 'DESC')
      .addOrderBy('po.id', 'DESC')
      .take(first + 1)
      .getMany();
  }

  findById(id: string): Promise<Payout | null> {
    return this.repository.findOneBy({ id });
  }

  find(scope: AccountScope, id: string): Promise<Payout | null> {
    return this.repository.findOneBy({ ...scope, id });
  }

  /** The payout that will reach the bank soonest among those not yet there. */
  next(scope: AccountScope): Promise<Payout | null> {
    return this.repository.findOne({
      where: { ...scope, status: In(UNDERWAY) },
      order: { arrivalDate: 'ASC', id: 'ASC' },
    });
  }

  /** Per currency, what is on its way to the bank (amounts, without instant fees). */
  async underway(scope: AccountScope): Promise<Array<{ currency: string; amount: number }>> {
    const rows = (await this.dataSource.query(
      `SELECT currency, SUM(amount) AS amount FROM payouts
       WHERE account_id = ? AND livemode = ? ${scope.platformId ? 'AND platform_id = ?' : ''}
         AND status IN ('pending', 'in_transit')
       GROUP BY currency ORDER BY currency`,
      [scope.accountId, scope.livemode, ...(scope.platformId ? [scope.platformId] : [])],
    )) as Array<{ currency: string; amount: string }>;
    return rows.map((row) => ({ currency: row.currency, amount: Number(row.amount) }));
  }
}
