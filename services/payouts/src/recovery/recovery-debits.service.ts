import { In, type DataSource } from 'typeorm';
import type { AccountRef, Tenant } from '@dash/contracts';
import { AccountRecords, newestFirstPage, type PageArgs } from '@dash/subgraph';
import { RecoveryDebit, type RecoveryDebitStatus } from './recovery-debit.entity.js';

export interface RecoveryDebitFilter {
  status?: RecoveryDebitStatus | undefined;
  account?: string | undefined;
}

/** Reads of the debits recovering negative balances: an account's, and a platform's. */
export class RecoveryDebits extends AccountRecords<RecoveryDebit> {
  constructor(private readonly dataSource: DataSource) {
    super(dataSource.getRepository(RecoveryDebit));
  }

  /** The account's newest first (the balance card shows the latest). */
  async ofAccount(account: AccountRef, first: number): Promise<RecoveryDebit[]> {
    return (await this.replicaPage(account, first)).slice(0, first);
  }

  /** Debits of the account still in flight or waiting for their next try. */
  countOpen(account: AccountRef): Promise<number> {
    return this.dataSource.getRepository(RecoveryDebit).countBy({
      accountId: account.accountId,
      livemode: account.livemode,
      status: In(['pending', 'retrying']),
    });
  }

  /** A page of the platform's debits in its mode, newest first, filtered. */
  list(tenant: Tenant, filter: RecoveryDebitFilter, page: PageArgs) {
    const query = this.dataSource
      .getRepository(RecoveryDebit)
      .createQueryBuilder('debit')
      .where('debit.platform_id = :platformId AND debit.livemode = :livemode', {
        platformId: tenant.platformId,
        livemode: tenant.livemode,
      });
    if (filter.status !== undefined)
      query.andWhere('debit.status = :status', { status: filter.status });
    if (filter.account !== undefined)
      query.andWhere('debit.account_id = :account', { account: filter.account });
    return newestFirstPage(
      query,
      'debit',
      page,
      `recoveryDebits:${tenant.platformId}:${tenant.livemode ? 'live' : 'test'}`,
    );
  }
}
