import type { EventHandlers } from '@dash/events';
import { hrefOf } from '../entities/activity-item.entity.js';
import type { EmailNotifier } from '../notices/email-notifier.js';
import { addActivity } from './account-events.js';
import { day, money } from './formats.js';

/** Payouts in the activity hub — each step, and any change to where they go; a failure by email too. */
export const payoutEventHandlers = (
  email: EmailNotifier,
): Pick<
  EventHandlers<'notifications'>,
  | 'payout.created'
  | 'payout.upcoming'
  | 'payout.paid'
  | 'payout.failed'
  | 'payout.canceled'
  | 'external_account.updated'
> => {
  const payout = (id: string) => ({ type: 'payout' as const, id });
  return {
    'payout.created': (event, manager) =>
      addActivity(
        manager,
        event,
        'Payout started',
        `${money(event.data.amount, event.data.currency)} to ${event.data.destination}${event.data.method === 'instant' ? ', instantly' : ''}.`,
        payout(event.data.payoutId),
      ),
    'payout.upcoming': (event, manager) =>
      addActivity(
        manager,
        event,
        'Upcoming payout',
        `${money(event.data.amount, event.data.currency)} is on its way to ${event.data.destination}, expected ${day(event.data.arrivalDate)}.`,
        payout(event.data.payoutId),
      ),
    'payout.paid': (event, manager) =>
      addActivity(
        manager,
        event,
        'Payout paid',
        `${money(event.data.amount, event.data.currency)} arrived at ${event.data.destination}.`,
        payout(event.data.payoutId),
      ),
    'payout.failed': async (event, manager) => {
      await addActivity(
        manager,
        event,
        'Payout failed',
        `${money(event.data.amount, event.data.currency)} to ${event.data.destination} was returned: ${event.data.failureMessage} The money is back in your balance; check your bank details.`,
        payout(event.data.payoutId),
      );
      await email.notify(manager, event, 'payout-failed', {
        amount: money(event.data.amount, event.data.currency),
        destination: event.data.destination,
        path: hrefOf('payout', event.data.payoutId),
      });
    },
    'payout.canceled': (event, manager) =>
      addActivity(
        manager,
        event,
        'Payout canceled',
        `${money(event.data.amount, event.data.currency)} is back in your balance.`,
        payout(event.data.payoutId),
      ),
    'external_account.updated': (event, manager) =>
      addActivity(
        manager,
        event,
        event.data.kind === 'card'
          ? 'Debit card for payouts changed'
          : 'Bank account for payouts changed',
        `${event.data.by === 'platform' ? 'Your platform' : 'You'} ${event.data.change === 'replaced' ? 'replaced' : 'added'} the ${event.data.kind === 'card' ? 'card' : 'bank account'} ending ${event.data.last4} (${event.data.currency.toUpperCase()}). If this was not you, contact your platform now.`,
        { type: 'settings' },
      ),
  };
};
