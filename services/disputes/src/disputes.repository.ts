import type { DataSource } from 'typeorm';
import { AccountRecords, type AccountScope } from '@dash/subgraph';
import { awaitingResponse, DISPUTE_STATUSES } from './domain/lifecycle.js';
import { Dispute } from './entities/dispute.entity.js';

/** The statuses that wait for the account's answer (an inquiry's too), as the lifecycle says. */
const AWAITING_RESPONSE = DISPUTE_STATUSES.filter(awaitingResponse);

export class DisputeRepository extends AccountRecords<Dispute> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Dispute));
  }

  /** Those waiting for a response first, soonest due first; then the rest, newest first. */
  listed(scope: AccountScope, first: number): Promise<Dispute[]> {
    return this.scoped('dp', scope)
      .setParameter('awaiting', AWAITING_RESPONSE)
      .orderBy('dp.status IN (:...awaiting)', 'DESC')
      .addOrderBy('CASE WHEN dp.status IN (:...awaiting) THEN dp.evidence_due_by END', 'ASC')
      .addOrderBy('dp.created_at', 'DESC')
      .addOrderBy('dp.id', 'DESC')
      .take(first)
      .getMany();
  }
}
