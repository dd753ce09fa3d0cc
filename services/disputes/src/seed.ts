import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { Dispute } from './entities/dispute.entity.js';

export type DisputeSeed = Array<
  Omit<SeedRow<Dispute>, 'status' | 'reason'> & {
    status: `${Dispute['status']}`;
    reason: `${Dispute['reason']}`;
  }
>;

/** Writes demo disputes; running it twice changes nothing. */
export function seedDisputes(dataSource: DataSource, disputes: DisputeSeed): Promise<void> {
  return upsertSeedRows(dataSource, Dispute, disputes as Array<SeedRow<Dispute>>);
}
