import { Column, DataSource, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { datetimeColumn, preparedEntities } from '@dash/db';
import type { Locale } from '../activity/formats.rules.js';

/** Which activity an account also wants by email, and the language it reads the dashboard and messages in. */
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

  @Column({ type: 'varchar', length: 8, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'The language the account chose: en, zh-CN, ja, de, fr or es. Its dashboard uses it on every device, and its emails and text messages (sign-in codes included) are written in it. Null until it chooses: the dashboard then follows the browser, and messages are in English.',
  })
  locale!: Locale | null;

  @Column(datetimeColumn({ name: 'updated_at' })) updatedAt!: Date;

  /** What an account has before it chooses: the emails that matter, in no language of its own. */
  static defaults(accountId: string): NotificationPreferences {
    return Object.assign(new NotificationPreferences(), {
      accountId,
      emailPayoutFailed: true,
      emailDisputeOpened: true,
      emailRequirementsDue: true,
      locale: null,
      updatedAt: new Date(0),
    });
  }

  /** The account's preferences as saved, or the defaults while it has saved none. */
  static async of(
    source: DataSource | EntityManager,
    accountId: string,
  ): Promise<NotificationPreferences> {
    // The top bar asks on every page: a prepared read, unless inside a transaction.
    const [saved] =
      source instanceof DataSource
        ? await preparedEntities(source, NotificationPreferences, 'WHERE account_id = ?', [
            accountId,
          ])
        : [await source.getRepository(NotificationPreferences).findOneBy({ accountId })];
    return saved ?? NotificationPreferences.defaults(accountId);
  }
}
