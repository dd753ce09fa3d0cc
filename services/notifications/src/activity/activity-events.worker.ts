import type { EntityManager } from 'typeorm';
import type { DomainEvent, EventHandlers } from '@dash/events';
import type {
  EmailNotifier,
  EmailParams,
  EmailTemplate,
} from '../notice/email-notifier.service.js';
import type { ActivityItems, ActivitySubject } from './activity.service.js';
import type { ActivityKind } from './activity-texts.rules.js';
import { describeFields } from './activity-texts.rules.js';
import { formatsIn, taxFormName } from './formats.rules.js';
import { hrefOf } from './subject.rules.js';
import { riskEventHandlers } from '../risk/risk-events.worker.js';

type Handlers = Pick<EventHandlers<'notifications'>, ActivityKind>;

/** What each event's item is about (where the hub links to); risk events have their own. */
type OneItemKind = Exclude<ActivityKind, 'account.updated' | 'recovery_debit.updated'>;

const SUBJECTS: { [Kind in OneItemKind]: (event: DomainEvent<Kind>) => ActivitySubject } = {
  'account.closed': () => null,
  'tax_form.available': (event) => ({ type: 'tax_form', id: event.data.taxFormId }),
  'charge.refunded': (event) => ({ type: 'payment', id: event.data.chargeId }),
  'payout.created': (event) => ({ type: 'payout', id: event.data.payoutId }),
  'payout.upcoming': (event) => ({ type: 'payout', id: event.data.payoutId }),
  'payout.paid': (event) => ({ type: 'payout', id: event.data.payoutId }),
  'payout.failed': (event) => ({ type: 'payout', id: event.data.payoutId }),
  'payout.canceled': (event) => ({ type: 'payout', id: event.data.payoutId }),
  'external_account.updated': () => ({ type: 'payout_methods' }),
  'payout_schedule.updated': () => ({ type: 'payouts' }),
  'dispute.created': (event) => ({ type: 'dispute', id: event.data.disputeId }),
  'dispute.funds_withdrawn': (event) => ({ type: 'dispute', id: event.data.disputeId }),
  'dispute.updated': (event) => ({ type: 'dispute', id: event.data.disputeId }),
  'dispute.closed': (event) => ({ type: 'dispute', id: event.data.disputeId }),
  'dispute.funds_reinstated': (event) => ({ type: 'dispute', id: event.data.disputeId }),
};

/**
 * The items that matter most go by email too: the template, and what it says, with amounts and
 * days written as the reader's language writes them.
 */
const EMAILS: {
  [Kind in OneItemKind]?: (event: DomainEvent<Kind>) => [EmailTemplate, EmailParams];
} = {
  'payout.failed': (event) => [
    'payout-failed',
    (locale) => ({
      amount: formatsIn(locale).money(event.data.amount, event.data.currency),
      destination: event.data.destination,
      path: hrefOf('payout', event.data.payoutId),
    }),
  ],
  'tax_form.available': (event) => [
    'tax-form-ready',
    () => ({
      form: taxFormName(event.data.formType),
      year: String(event.data.taxYear),
      corrected: String(event.data.corrected),
      path: hrefOf('tax_form', event.data.taxFormId),
    }),
  ],
  'dispute.created': (event) => [
    'dispute-opened',
    (locale) => ({
      amount: formatsIn(locale).money(event.data.amount, event.data.currency),
      dueBy: formatsIn(locale).day(event.data.evidenceDueBy),
      path: hrefOf('dispute', event.data.disputeId),
    }),
  ],
};

/**
 * Every event the hub shows becomes an item keeping the event's facts; what matters most goes
 * by email too (a new dispute, a failed payout, information newly due). An account's details
 * changed and its requirements changed are two items: an unexpected change is noticed, and
 * what the account must do is said on its own (once onboarded: while onboarding, the flow
 * itself says it). Risk interventions and the recovery of a negative balance: see risk/.
 */
export function activityEventHandlers(activity: ActivityItems, email: EmailNotifier): Handlers {
  const oneItem =
    <Kind extends OneItemKind>(kind: Kind) =>
    async (event: DomainEvent<Kind>, manager: EntityManager) => {
      await activity.record(manager, event, event.data, SUBJECTS[kind](event));
      const message = EMAILS[kind]?.(event);
      if (message) await email.notify(manager, event, ...message);
    };
  const oneItemKinds = Object.keys(SUBJECTS) as OneItemKind[];
  const risk = riskEventHandlers(activity, email);
  return {
    ...(Object.fromEntries(oneItemKinds.map((kind) => [kind, oneItem(kind)])) as Pick<
      Handlers,
      OneItemKind
    >),
    'recovery_debit.updated': risk['recovery_debit.updated'],
    'account.updated': async (event, manager) => {
      const fields = event.data.fields.filter(
        (field) => field !== 'requirements' && field !== 'risk_interventions',
      );
      if (fields.length > 0)
        await activity.record(manager, event, { fields, by: event.data.by }, { type: 'settings' });
      // An intervention's item says what it pauses and what lifts it: the requirements it made
      // due (or no longer due) are that, said once.
      if (event.data.intervention) return risk.intervention(event, manager);
      const state = event.data.requirements;
      if (!state?.detailsSubmitted) return;
      await activity.record(
        manager,
        event,
        { fields: [], by: event.data.by, requirements: state },
        { type: 'onboarding' },
      );
      if (state.currentlyDue.length > 0 && state.newlyDue.length > 0)
        await email.notify(manager, event, 'requirements-due', (locale) => ({
          fields: describeFields(state.currentlyDue, locale),
          deadline: formatsIn(locale).day(state.currentDeadline),
          path: hrefOf('onboarding'),
        }));
    },
  };
}
