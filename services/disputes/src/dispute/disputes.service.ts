import type { DataSource } from 'typeorm';
import { fromReplica } from '@dash/db';
import type { AccountRef } from '@dash/contracts';
import { AccountRecords } from '@dash/subgraph';
import { AWAITING_RESPONSE } from './dispute.rules.js';
import { Dispute } from './dispute.entity.js';

/** Reads of one account's disputes. */
export class Disputes extends AccountRecords<Dispute> {
  constructor(dataSource: DataSource) {
    super(dataSource.getRepository(Dispute));
  }

  /**
   * Those waiting for a response first, soonest due first; then the rest, newest first. Read
   * from a replica: the list is for reading; responding to a dispute reads it on the primary.
   */
  listed(account: AccountRef, first: number): Promise<Dispute[]> {
    const query = this.scoped('dp', account)
      .setParameter('awaiting', AWAITING_RESPONSE)
      .orderBy('dp.status IN (:...awaiting)', 'DESC')
      .addOrderBy('CASE WHEN dp.status IN (:...awaiting) THEN dp.evidence_due_by END', 'ASC')
      .addOrderBy('dp.created_at', 'DESC')
      .addOrderBy('dp.id', 'DESC')
      .take(first);
    return fromReplica(query, (list) => list.getMany());
  }

  /** A dispute found by its id alone (another subgraph points at it); the caller checks access. */
  byId(id: string): Promise<Dispute | null> {
    return this.repository.findOneBy({ id });
  }
}
