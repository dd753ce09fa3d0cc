import { In, type DataSource } from 'typeorm';
import { AccountRecords, type AccountScope, type Keyset } from '@dash/subgraph';
import { Payout, PayoutStatus } from './entities/payout.entity.js';

/** Payouts not yet in the bank: the money "on the way". */
export const UNDERWAY = [PayoutStatus.pending, PayoutStatus.in_transit];

export class PayoutRepository extends AccountRecords<Payout> {
  constructor(dataSource: DataSource) {
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
    const rows = (await this.scoped('po', scope)
      .select('po.currency', 'currency')
      .addSelect('SUM(po.amount)', 'amount')
      .andWhere('po.status IN (:...underway)', { underway: UNDERWAY })
      .groupBy('po.currency')
      .orderBy('po.currency')
      .getRawMany()) as Array<{ currency: string; amount: string }>;
    return rows.map((row) => ({ currency: row.currency, amount: Number(row.amount) }));
  }
}
