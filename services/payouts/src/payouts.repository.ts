import { In, type DataSource } from 'typeorm';
import { AccountRecords, type AccountScope } from '@dash/subgraph';
import { Payout, PayoutStatus } from './entities/payout.entity.js';

export class PayoutRepository extends AccountRecords<Payout> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Payout));
  }

  /** The payout that will reach the bank soonest among those not yet there. */
  next(scope: AccountScope): Promise<Payout | null> {
    return this.repository.findOne({
      where: { ...scope, status: In([PayoutStatus.pending, PayoutStatus.in_transit]) },
      order: { arrivalDate: 'ASC', id: 'ASC' },
    });
  }
}
