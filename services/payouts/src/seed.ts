import type { DataSource } from 'typeorm';
import {
  rememberAccount,
  savePlatform,
  upsertSeedRows,
  type PlatformFacts,
  type SeedRow,
} from '@dash/subgraph';
import { ExternalAccount } from './external-account/external-account.entity.js';
import { Payout } from './payout/payout.entity.js';
import { PayoutScheduleRow } from './schedule/payout-schedule.entity.js';

export type PayoutSeedRow = Omit<SeedRow<Payout>, 'status' | 'method'> & {
  status: `${Payout['status']}`;
  method: `${Payout['method']}`;
};

export interface PayoutsSeed {
  platform: PlatformFacts;
  accounts: Array<{ id: string; livemode: boolean }>;
  externalAccounts: Array<SeedRow<ExternalAccount>>;
  schedules: PayoutScheduleRow[];
  /** Past payouts; the ledger seed records the same payouts' debits. */
  payouts: PayoutSeedRow[];
}

/** Writes demo payouts, bank accounts and schedules; running it twice changes nothing. */
export async function seedPayouts(dataSource: DataSource, seed: PayoutsSeed, now = new Date()) {
  await dataSource.transaction(async (manager) => {
    await savePlatform(manager, seed.platform, now);
    for (const account of seed.accounts)
      await rememberAccount(manager, {
        accountId: account.id,
        platformId: seed.platform.id,
        livemode: account.livemode,
      });
  });
  await upsertSeedRows(dataSource, ExternalAccount, seed.externalAccounts);
  if (seed.schedules.length)
    await dataSource.getRepository(PayoutScheduleRow).upsert(seed.schedules, ['accountId']);
  await upsertSeedRows(dataSource, Payout, seed.payouts as Array<SeedRow<Payout>>);
}
