import type { DataSource } from 'typeorm';
import {
  rememberAccount,
  savePlatform,
  upsertSeedRows,
  type PlatformFacts,
  type SeedRow,
} from '@dash/subgraph';
import { Dispute } from './dispute/dispute.entity.js';

/** A demo dispute: what it is; how far the ledger has gone with it is worked out here. */
export type DisputeSeedRow = Pick<
  SeedRow<Dispute>,
  | 'id'
  | 'accountId'
  | 'platformId'
  | 'chargeId'
  | 'amount'
  | 'currency'
  | 'evidenceDueBy'
  | 'createdAt'
> & {
  status: Dispute['status'];
  reason: Dispute['reason'];
  fee: number;
  closedAt?: Date | null;
};

/**
 * Writes demo disputes; running it twice changes nothing. An open chargeback is seeded with
 * its withdrawal due, so the running service takes the money through the ledger as it would
 * for a new one. The disputed accounts are the platform's: that is kept too, as identity would
 * answer it.
 */
export async function seedDisputes(
  dataSource: DataSource,
  seed: { platform: PlatformFacts; disputes: DisputeSeedRow[] },
  now = new Date(),
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await savePlatform(manager, seed.platform, now);
    for (const row of seed.disputes)
      await rememberAccount(manager, {
        accountId: row.accountId,
        platformId: row.platformId,
        livemode: false,
      });
  });
  const existing = new Set(
    (await dataSource.getRepository(Dispute).find({ select: { id: true } })).map((row) => row.id),
  );
  await upsertSeedRows(
    dataSource,
    Dispute,
    seed.disputes
      .filter((row) => !existing.has(row.id))
      .map((row) => ({
        ...row,
        evidence: {},
        evidenceSubmittedAt: null,
        closedAt: row.closedAt ?? null,
        withdrawal:
          row.status === 'needs_response' || row.status === 'under_review' ? 'due' : 'none',
        withdrawnAt: null,
        balanceTransactionId: null,
        reinstatement: 'none',
        reinstatedAt: null,
        inquiryRelease: 'none',
      })) as Array<SeedRow<Dispute>>,
  );
}
