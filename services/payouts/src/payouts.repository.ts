import { In, type DataSource } from 'typeorm';
import { Payout, PayoutStatus } from './entities/payout.entity.js';

type AccountScope = { accountId: string; platformId?: string };

export class PayoutRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  latest(scope: AccountScope, first: number): Promise<Payout[]> {
    return this.dataSource.getRepository(Payout).find({
      where: scope,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  /** The payout that will reach the bank soonest among those not yet there. */
  next(scope: AccountScope): Promise<Payout | null> {
    return this.dataSource.getRepository(Payout).findOne({
      where: { ...scope, status: In([PayoutStatus.pending, PayoutStatus.in_transit]) },
      order: { arrivalDate: 'ASC', id: 'ASC' },
    });
  }
}
