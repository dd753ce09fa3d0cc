import type { DataSource } from 'typeorm';
import { rememberAccount, savePlatform, type PlatformFacts } from '@dash/subgraph';
import { BalanceTransaction } from './balance-transaction/balance-transaction.entity.js';
import { Charge } from './charge/charge.entity.js';
import { DEFAULT_FEE_SCHEDULE, processingFee } from './charge/fees.rules.js';
import { attachToPayout } from './payout/payout-debits.service.js';
import { chargeEntry, payoutEntry } from './postings/entries.rules.js';
import { postEntry } from './postings/post-entry.service.js';

const DAY = 24 * 3600 * 1000;

export interface LedgerSeed {
  platform: PlatformFacts;
  accounts: Array<{ id: string; livemode: boolean }>;
  /** Past card payments, each settling two days after it was made. */
  charges: Array<{
    id: string;
    accountId: string;
    amount: number;
    currency: string;
    description: string;
    customerName?: string;
    customerEmail?: string;
    createdAt: Date;
  }>;
  /** Past automatic payouts of available money to the bank. */
  payouts: Array<{
    id: string;
    accountId: string;
    amount: number;
    currency: string;
    createdAt: Date;
  }>;
}

/**
 * Writes demo history through the same postings as live traffic, so every ledger invariant holds
 * for seeded data too. Rows with ids already present are left alone: running it twice changes
 * nothing.
 */
export async function seedLedger(dataSource: DataSource, seed: LedgerSeed, now = new Date()) {
  const platformId = seed.platform.id;
  await dataSource.transaction(async (manager) => {
    await savePlatform(manager, seed.platform, now);
    for (const account of seed.accounts)
      await rememberAccount(manager, {
        accountId: account.id,
        platformId,
        livemode: account.livemode,
      });
  });
  const livemodeOf = new Map(seed.accounts.map((account) => [account.id, account.livemode]));
  for (const seeded of seed.charges) {
    await dataSource.transaction(async (manager) => {
      if (await manager.getRepository(Charge).existsBy({ id: seeded.id })) return;
      const account = {
        accountId: seeded.accountId,
        platformId,
        livemode: livemodeOf.get(seeded.accountId) ?? false,
      };
      const fee = processingFee(seeded.amount, seeded.currency, DEFAULT_FEE_SCHEDULE);
      const entry = chargeEntry({
        ...account,
        currency: seeded.currency,
        amount: seeded.amount,
        processingFee: fee,
        applicationFee: 0,
        availableOn: new Date(seeded.createdAt.getTime() + 2 * DAY),
        sourceId: seeded.id,
        description: seeded.description,
        now,
      });
      const posted = await postEntry(manager, account, entry, seeded.createdAt);
      await manager.getRepository(Charge).insert({
        id: seeded.id,
        ...account,
        amount: seeded.amount,
        amountRefunded: 0,
        currency: seeded.currency,
        outcome: 'succeeded',
        failureMessage: null,
        disputed: false,
        description: seeded.description,
        customerName: seeded.customerName ?? null,
        customerEmail: seeded.customerEmail ?? null,
        cardBrand: 'visa',
        cardLast4: '4242',
        fee,
        applicationFeeAmount: 0,
        metadata: {},
        balanceTransactionId: posted.id,
        createdAt: seeded.createdAt,
      });
    });
  }
  for (const payout of seed.payouts) {
    await dataSource.transaction(async (manager) => {
      if (await manager.getRepository(BalanceTransaction).existsBy({ source: payout.id })) return;
      const account = {
        accountId: payout.accountId,
        platformId,
        livemode: livemodeOf.get(payout.accountId) ?? false,
      };
      const entry = payoutEntry({
        ...account,
        currency: payout.currency,
        amount: payout.amount,
        sourceId: payout.id,
        description: 'Payout to bank account',
        now: payout.createdAt,
      });
      await postEntry(manager, account, entry, payout.createdAt);
      await attachToPayout(manager, payout.id, account, payout.currency, {
        availableBy: payout.createdAt,
      });
    });
  }
}
