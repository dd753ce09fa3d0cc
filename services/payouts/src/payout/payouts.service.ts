import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { placeholders, preparedEntities, preparedRead } from '@dash/db';
import { AccountRecords, type Keyset } from '@dash/subgraph';
import { Payout, PayoutStatus } from './payout.entity.js';

/** Payouts not yet in the bank: the money "on the way". */
export const UNDERWAY = [PayoutStatus.pending, PayoutStatus.in_transit];

/** A list's narrowing to some statuses (none: every status). */
const inStatuses =
  (statuses: PayoutStatus[] | undefined) =>
  (query: SelectQueryBuilder<Payout>, alias: string): void => {
    if (statuses?.length) query.andWhere(`${alias}.status IN (:...statuses)`, { statuses });
  };

/** Reads of an account's payouts. */
export class Payouts extends AccountRecords<Payout> {
  constructor(private readonly dataSource: DataSource) {
    super(dataSource.getRepository(Payout));
  }

  /**
   * Newest first, by keyset (created, id); optionally of some statuses only. The list a person
   * reads, so from a replica: a payout a second late appears on the next refresh. What may be
   * paid out is never decided from it (that reads the ledger's balance on the primary).
   */
  payoutsPage(account: AccountRef, first: number, after?: Keyset, statuses?: PayoutStatus[]) {
    return this.replicaPage(account, first, after, inStatuses(statuses));
  }

  /** The first page of `payoutsPage` for many accounts of one tenant, with one statement. */
  firstPayoutPages(accounts: readonly AccountRef[], first: number, statuses?: PayoutStatus[]) {
    return this.firstPages(accounts, first, inStatuses(statuses));
  }

  /** One payout by id alone, whoever's it is: the caller checks it may see it. */
  byId(id: string): Promise<Payout | null> {
    return this.repository.findOneBy({ id });
  }

  /** The payout that will reach the bank soonest among those not yet there. */
  async next(account: AccountRef): Promise<Payout | null> {
    // Asked by the balance card on every dashboard home: a prepared statement.
    const [payout] = await preparedEntities(
      this.dataSource,
      Payout,
      `WHERE account_id = ? AND platform_id = ? AND livemode = ? AND status IN (${placeholders(UNDERWAY)})
       ORDER BY arrival_date ASC, id ASC LIMIT 1`,
      [account.accountId, account.platformId, account.livemode, ...UNDERWAY],
    );
    return payout ?? null;
  }

  /** Per currency, what is on its way to the bank (amounts, without instant fees). */
  async underway(account: AccountRef): Promise<Array<{ currency: string; amount: number }>> {
    const rows = await preparedRead<{ currency: string; amount: string }>(
      this.dataSource,
      `SELECT currency, SUM(amount) AS amount FROM payouts
       WHERE account_id = ? AND platform_id = ? AND livemode = ? AND status IN (${placeholders(UNDERWAY)})
       GROUP BY currency ORDER BY currency`,
      [account.accountId, account.platformId, account.livemode, ...UNDERWAY],
    );
    return rows.map((row) => ({ currency: row.currency, amount: Number(row.amount) }));
  }

  /** Payouts still on their way to the bank (asked before the account closes). */
  countUnderway(account: AccountRef): Promise<number> {
    return this.count(account, { status: In(UNDERWAY) });
  }
}
