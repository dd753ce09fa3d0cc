import type { DataSource } from 'typeorm';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import { checkIdempotencyKey, currencyInput } from '@dash/subgraph';
import { ReserveTopup } from '../entities/reserve-topup.entity.js';
import type { LedgerClient } from './ledger-client.js';

type Owner = { accountId: string; platformId: string; livemode: boolean };

/**
 * Top-ups of the refunds-and-disputes reserve, once per idempotency key: the top-up is written
 * first (pending), then the ledger credits the reserve (idempotent by the top-up's id); one the
 * ledger did not take yet is taken by the worker.
 */
export class ReserveTopups {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async topUp(
    owner: Owner,
    amount: number,
    currencyCode: string,
    key: string,
  ): Promise<ReserveTopup> {
    if (!Number.isSafeInteger(amount) || amount < 1)
      throw new DashError('BAD_USER_INPUT', 'amount must be at least 1 minor unit', {
        field: 'amount',
      });
    checkIdempotencyKey(key);
    const currency = currencyInput(currencyCode);
    const repository = this.dataSource.getRepository(ReserveTopup);
    const row = repository.create({
      id: newId('topup'),
      ...owner,
      amount,
      currency,
      status: 'pending',
      idempotencyKey: key,
      balanceTransactionId: null,
      createdAt: this.now(),
    });
    const inserted = (await this.dataSource.query(
      `INSERT IGNORE INTO reserve_topups
         (id, account_id, platform_id, livemode, amount, currency, status, idempotency_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      [row.id, row.accountId, row.platformId, row.livemode, amount, currency, key, row.createdAt],
    )) as { affectedRows: number };
    const topup = inserted.affectedRows
      ? row
      : (await repository.findOneBy({ accountId: owner.accountId, idempotencyKey: key }))!;
    if (topup.amount !== amount || topup.currency !== currency)
      throw new DashError(
        'CONFLICT',
        'This idempotency key was already used with other parameters. Use a new key for a new request.',
        { reason: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' },
      );
    return topup.status === 'succeeded' ? topup : this.credit(topup);
  }

  /** Top-ups the ledger has not taken yet (it was unreachable): tried again. */
  async retryPending(): Promise<void> {
    const pending = await this.dataSource
      .getRepository(ReserveTopup)
      .find({ where: { status: 'pending' }, take: 100 });
    for (const topup of pending) await this.credit(topup).catch(() => undefined);
  }

  private async credit(topup: ReserveTopup): Promise<ReserveTopup> {
    const credited = await this.ledger.topUp({
      topupId: topup.id,
      accountId: topup.accountId,
      platformId: topup.platformId,
      livemode: topup.livemode,
      amount: topup.amount,
      currency: topup.currency,
      description: 'Added to the refunds and disputes reserve',
    });
    await this.dataSource
      .getRepository(ReserveTopup)
      .update(
        { id: topup.id },
        { status: 'succeeded', balanceTransactionId: credited.balanceTransactionId },
      );
    return Object.assign(topup, {
      status: 'succeeded',
      balanceTransactionId: credited.balanceTransactionId,
    });
  }
}
