import type { DataSource } from 'typeorm';
import { AccountRecords, type AccountScope } from '@dash/subgraph';
import { Dispute } from './entities/dispute.entity.js';

export class DisputeRepository extends AccountRecords<Dispute> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Dispute));
  }

  /** Those waiting for a response first, soonest due first; then the rest, newest first. */
  listed(scope: AccountScope, first: number): Promise<Dispute[]> {
    return this.scoped('dp', scope)
      .orderBy("dp.status IN ('needs_response', 'warning_needs_response')", 'DESC')
      .addOrderBy(
        "CASE WHEN dp.status IN ('needs_response', 'warning_needs_response') THEN dp.evidence_due_by END",
        'ASC',
      )
      .addOrderBy('dp.created_at', 'DESC')
      .addOrderBy('dp.id', 'DESC')
      .take(first)
      .getMany();
  }
}
