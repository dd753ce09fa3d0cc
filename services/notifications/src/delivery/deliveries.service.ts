import type { DataSource } from 'typeorm';
import { afterKeyset, type Keyset } from '@dash/subgraph';
import { Delivery, type DeliveryStatus } from './delivery.entity.js';
import { NotificationPreferences } from '../preferences/notification-preferences.entity.js';

export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The language the account chose (its preferences); English until it chooses, and for a
   * platform's team, like the API its notices are about.
   */
  async localeOf(accountId: string | null): Promise<string> {
    if (accountId === null) return 'en';
    return (await NotificationPreferences.of(this.dataSource, accountId)).locale ?? 'en';
  }

  /** Inserts once; a repeated request with the same id leaves the first row alone. */
  async recordQueued(
    delivery: Omit<Delivery, 'status' | 'attempts' | 'sentAt' | 'lastError' | 'platformId'> &
      Partial<Pick<Delivery, 'platformId'>>,
  ): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values({
        platformId: null,
        ...delivery,
        status: 'queued',
        attempts: 0,
        sentAt: null,
        lastError: null,
      })
      .orIgnore()
      .execute();
  }

  /**
   * A page of an account's messages, newest first, by keyset (created, id) along the index on
   * (account_id, created_at), one row beyond `first` (see toPage); only those in `status` when
   * it names any.
   */
  log(
    accountId: string,
    first: number,
    status?: DeliveryStatus[],
    after?: Keyset,
  ): Promise<Delivery[]> {
    const query = this.dataSource
      .getRepository(Delivery)
      .createQueryBuilder('delivery')
      .where('delivery.account_id = :accountId', { accountId });
    if (status?.length) query.andWhere('delivery.status IN (:...status)', { status });
    return afterKeyset(query, 'delivery', after)
      .orderBy('delivery.created_at', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .take(first + 1)
      .getMany();
  }

  /** A failed message goes back to the queue (its job is retried). */
  async requeueFailed(id: string): Promise<void> {
    await this.dataSource
      .getRepository(Delivery)
      .update({ id, status: 'failed' }, { status: 'queued' });
  }

  find(id: string): Promise<Delivery | null> {
    return this.dataSource.getRepository(Delivery).findOneBy({ id });
  }

  async markAttempt(
    id: string,
    attempts: number,
    outcome: 'sent' | 'failed' | 'queued',
    error?: string,
  ): Promise<void> {
    await this.dataSource.getRepository(Delivery).update(
      { id },
      {
        attempts,
        status: outcome,
        ...(outcome === 'sent' ? { sentAt: new Date() } : {}),
        ...(error ? { lastError: error.slice(0, 300) } : {}),
      },
    );
  }
}
