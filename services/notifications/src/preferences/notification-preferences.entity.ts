import { Column, Entity, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { datetimeColumn } from '@dash/db';

/** Which activity an account also wants by email, and in which language. */
@Entity('notification_preferences')
@ObjectType({ description: 'Emails the account wants about what matters.' })
export class NotificationPreferences {
  @PrimaryColumn({ name: 'account_id', type: 'varchar', length: 40 }) accountId!: string;

  @Column({ name: 'email_payout_failed', type: 'boolean' })
  @Field({ description: 'Email when a payout fails.' })
  emailPayoutFailed!: boolean;

  @Column({ name: 'email_dispute_opened', type: 'boolean' })
  @Field({ description: 'Email when a payment is disputed.' })
  emailDisputeOpened!: boolean;

  @Column({ name: 'email_requirements_due', type: 'boolean', default: true })
  @Field({ description: 'Email when the platform needs more information.' })
  emailRequirementsDue!: boolean;

  @Column({ type: 'varchar', length: 8 })
  @Field({ description: 'en or zh-CN.' })
  locale!: string;

  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;

  /** What an account has before it chooses: the emails that matter, in English. */
  static defaults(accountId: string): NotificationPreferences {
    return Object.assign(new NotificationPreferences(), {
      accountId,
      emailPayoutFailed: true,
      emailDisputeOpened: true,
      emailRequirementsDue: true,
      locale: 'en',
      updatedAt: new Date(0),
    });
  }

  /** The account's preferences as saved, or the defaults while it has saved none. */
  static async of(
    source: DataSource | EntityManager,
    accountId: string,
  ): Promise<NotificationPreferences> {
    return (
      (await source.getRepository(NotificationPreferences).findOneBy({ accountId })) ??
      NotificationPreferences.defaults(accountId)
    );
  }
}
