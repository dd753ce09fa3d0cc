import type { EventHandlers } from '@dash/events';
import { formatMoney } from '@dash/money';
import { addActivity } from './account-events.js';

/** Refunds in the activity hub, each leading to its payment. */
export const paymentEventHandlers: Pick<EventHandlers<'notifications'>, 'charge.refunded'> = {
  'charge.refunded': (event, manager) =>
    addActivity(
      manager,
      event,
      'Refund sent',
      `${formatMoney(event.data.amount, event.data.currency, 'en')} went back to the customer${event.data.requestedBy === 'platform' ? ' (refunded by your platform)' : ''}.`,
      { type: 'payment', id: event.data.chargeId },
    ),
};
