import { In, type DataSource } from 'typeorm';
import { Delivery, type DeliveryStatus } from './delivery.entity.js';
import { NotificationPreferences } from '../preferences/notification-preferences.entity.js';

export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The language the account reads its messages in (its notification preferences). */
  async localeOf(accountId: string): Promise<string> {
    return (await NotificationPreferences.of(this.dataSource, accountId)).locale;
  }

  /** Inserts once; a repeated request with the same id leaves the first row alone. */
  async recordQueued(
    delivery: Omit<Delivery, 'status' | 'attempts' | 'sentAt' | 'lastError'>,
  ): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Delivery)
      .values({ ...delivery, status: 'queued', attempts: 0, sentAt: null, lastError: null })
      .orIgnore()
      .execute();
  }

  /** An account's messages, newest first; only those in `status` when it names any. */
  log(accountId: string, first: number, status?: DeliveryStatus[]): Promise<Delivery[]> {
    return this.dataSource.getRepository(Delivery).find({
      where: { accountId, ...(status?.length ? { status: In(status) } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
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
