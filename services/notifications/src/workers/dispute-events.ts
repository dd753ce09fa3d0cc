import type { EventHandlers } from '@dash/events';
import { hrefOf } from '../entities/activity-item.entity.js';
import type { EmailNotifier } from '../notices/email-notifier.js';
import { addActivity } from './account-events.js';
import { day, money } from './formats.js';

/** Disputes in the activity hub — what the account must do, what happened to its money; a new one by email too. */
export const disputeEventHandlers = (
  email: EmailNotifier,
): Pick<
  EventHandlers<'notifications'>,
  | 'dispute.created'
  | 'dispute.funds_withdrawn'
  | 'dispute.updated'
  | 'dispute.closed'
  | 'dispute.funds_reinstated'
> => {
  const dispute = (id: string) => ({ type: 'dispute' as const, id });
  return {
    'dispute.created': async (event, manager) => {
      const inquiry = event.data.status.startsWith('warning_');
      await addActivity(
        manager,
        event,
        inquiry ? 'A cardholder asked about a payment' : 'A payment was disputed',
        `${money(event.data.amount, event.data.currency)} for ${event.data.chargeId}. Respond by ${day(event.data.evidenceDueBy)}.`,
        dispute(event.data.disputeId),
      );
      await email.notify(manager, event, 'dispute-opened', {
        amount: money(event.data.amount, event.data.currency),
        dueBy: day(event.data.evidenceDueBy),
        path: hrefOf('dispute', event.data.disputeId),
      });
    },
    'dispute.funds_withdrawn': (event, manager) =>
      addActivity(
        manager,
        event,
        'Dispute: funds withdrawn',
        `${money(event.data.amount, event.data.currency)} and a ${money(event.data.fee, event.data.currency)} dispute fee were taken from your balance while the dispute is open.`,
        dispute(event.data.disputeId),
      ),
    'dispute.updated': (event, manager) =>
      addActivity(
        manager,
        event,
        'Dispute evidence submitted',
        'The card network is reviewing your evidence.',
        dispute(event.data.disputeId),
      ),
    'dispute.closed': (event, manager) =>
      addActivity(
        manager,
        event,
        event.data.status === 'won'
          ? 'You won a dispute'
          : event.data.status === 'lost'
            ? 'You lost a dispute'
            : 'Inquiry closed',
        event.data.status === 'won'
          ? `${money(event.data.amount, event.data.currency)} comes back to your balance.`
          : event.data.status === 'lost'
            ? `${money(event.data.amount, event.data.currency)} stays with the cardholder.`
            : 'No money moved.',
        dispute(event.data.disputeId),
      ),
    'dispute.funds_reinstated': (event, manager) =>
      addActivity(
        manager,
        event,
        'Dispute: funds returned',
        `${money(event.data.amount, event.data.currency)} is back in your balance.`,
        dispute(event.data.disputeId),
      ),
  };
};
