import type { EventHandlers } from '@dash/events';
import { addActivity } from './account-events.js';
import { money } from './formats.js';

/** Refunds in the activity hub, each leading to its payment. */
export const paymentEventHandlers: Pick<EventHandlers<'notifications'>, 'charge.refunded'> = {
  'charge.refunded': (event, manager) =>
    addActivity(
      manager,
      event,
      'Refund sent',
      `${money(event.data.amount, event.data.currency)} went back to the customer${event.data.requestedBy === 'platform' ? ' (refunded by your platform)' : ''}.`,
      { type: 'payment', id: event.data.chargeId },
    ),
};
