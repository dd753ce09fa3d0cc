import type { DataSource } from 'typeorm';
import { Delivery } from './delivery.entity.js';
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
