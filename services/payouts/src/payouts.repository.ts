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
  payoutsPage(scope: AccountScope, first: number, after?: Keyset, statuses?: PayoutStatus[]) {
    return this.page(scope, first, after, (query, alias) => {
      if (statuses?.length) query.andWhere(`${alias}.status IN (:...statuses)`, { statuses });
    });
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
