import type { DataSource } from 'typeorm';
import { Dispute, DisputeStatus } from './entities/dispute.entity.js';

type AccountScope = { accountId: string; platformId?: string };

export class DisputeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  latest(scope: AccountScope, first: number): Promise<Dispute[]> {
    return this.dataSource.getRepository(Dispute).find({
      where: scope,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  countNeedingResponse(scope: AccountScope): Promise<number> {
    return this.dataSource
      .getRepository(Dispute)
      .countBy({ ...scope, status: DisputeStatus.needs_response });
  }
}
