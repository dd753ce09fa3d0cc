import type { DataSource } from 'typeorm';
import { Payout } from './entities/payout.entity.js';

export type PayoutSeed = Array<
  Omit<Payout, 'status' | 'method'> & {
    status: `${Payout['status']}`;
    method: `${Payout['method']}`;
  }
>;

/** Writes demo payouts; running it twice leaves the same rows (upsert by id). */
export async function seedPayouts(dataSource: DataSource, payouts: PayoutSeed): Promise<void> {
  await dataSource.getRepository(Payout).upsert(payouts as Payout[], ['id']);
}
