import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context.js';
import { Account } from '../activity/account.type.js';
import { NotificationPreferences } from './notification-preferences.entity.js';
import { NotificationPreferencesInput } from './preferences.input.js';

/**
 * Which activity an account also wants by email, and the language of its dashboard and messages:
 * its own choice, which only it reads and changes.
 */
@Resolver(() => Account)
export class PreferencesResolver {
  @FieldResolver(() => NotificationPreferences, {
    nullable: true,
    description: 'The account’s own choice: only the account itself reads it.',
  })
  async notificationPreferences(
    @Root() account: Account,
    @Ctx() { access, dataSource }: NotificationsContext,
  ): Promise<NotificationPreferences | null> {
    const own = access.caller.kind === 'account' && (await access.readAccount(account.id));
    return own ? NotificationPreferences.of(dataSource, account.id) : null;
  }

  @Mutation(() => NotificationPreferences, {
    description:
      'For the signed-in account: which activity it also wants by email, and the language of its dashboard (on every device) and of its emails and text messages.',
  })
  async updateNotificationPreferences(
    @Arg('input', () => NotificationPreferencesInput, { description: 'What to change.' })
    input: NotificationPreferencesInput,
    @Ctx() { access, dataSource }: NotificationsContext,
  ): Promise<NotificationPreferences> {
    const { accountId } = access.signedInAccount();
    const current = await NotificationPreferences.of(dataSource, accountId);
    // A null switch is left as it is; a null language is a choice: to follow the browser again.
    const changes = Object.entries(input).filter(
      ([key, value]) => value !== undefined && (value !== null || key === 'locale'),
    );
    const next = Object.assign(current, Object.fromEntries(changes), { updatedAt: new Date() });
    await dataSource.getRepository(NotificationPreferences).upsert(next, ['accountId']);
    return next;
  }
}
