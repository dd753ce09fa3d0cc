import type { DataSource } from 'typeorm';
import { Dispute } from './entities/dispute.entity.js';

export type DisputeSeed = Array<
  Omit<Dispute, 'status' | 'reason'> & {
    status: `${Dispute['status']}`;
    reason: `${Dispute['reason']}`;
  }
>;

/** Writes demo disputes; running it twice leaves the same rows (upsert by id). */
export async function seedDisputes(dataSource: DataSource, disputes: DisputeSeed): Promise<void> {
  await dataSource.getRepository(Dispute).upsert(disputes as Dispute[], ['id']);
}
