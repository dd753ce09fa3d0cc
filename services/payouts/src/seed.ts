import type { DataSource } from 'typeorm';
import { upsertSeedRows, type SeedRow } from '@dash/subgraph';
import { Payout } from './entities/payout.entity.js';

export type PayoutSeed = Array<
  Omit<SeedRow<Payout>, 'status' | 'method'> & {
    status: `${Payout['status']}`;
    method: `${Payout['method']}`;
  }
>;

/** Writes demo payouts; running it twice changes nothing. */
export function seedPayouts(dataSource: DataSource, payouts: PayoutSeed): Promise<void> {
  return upsertSeedRows(dataSource, Payout, payouts as Array<SeedRow<Payout>>);
}
