import type { EntityManager } from 'typeorm';
import type { DomainEvent } from '@dash/events';
import type { ActivityItems } from '../activity/activity.service.js';
import { hrefOf } from '../activity/subject.rules.js';
import type { EmailNotifier } from '../notice/email-notifier.service.js';
import { interventionEmailParams, recoveryEmailParams } from './risk-facts.rules.js';

/**
 * What an account hears of risk: each intervention placed on or lifted from it, and each step
 * of a debit of its bank recovering its negative balance — an activity item and an email each,
 * both written from the event's facts in the reader's language. Home is where it acts: the
 * banner resolves interventions, the balance card explains the recovery.
 */
export function riskEventHandlers(activity: ActivityItems, email: EmailNotifier) {
  const home = hrefOf('home');
  return {
    /** An `account.updated` that placed or lifted an intervention (`intervention` is set). */
    intervention: async (event: DomainEvent<'account.updated'>, manager: EntityManager) => {
      const { intervention, interventions, by } = event.data;
      if (!intervention) return;
      await activity.record(
        manager,
        event,
        { fields: ['risk_interventions'], by, intervention, interventions },
        { type: 'home' },
      );
      await email.notify(manager, event, 'risk-intervention', () => ({
        ...interventionEmailParams(intervention, interventions),
        path: home,
      }));
    },
    'recovery_debit.updated': async (
      event: DomainEvent<'recovery_debit.updated'>,
      manager: EntityManager,
    ) => {
      await activity.record(manager, event, event.data, { type: 'home' });
      await email.notify(manager, event, 'recovery-debit', () => ({
        ...recoveryEmailParams(event.data),
        path: home,
      }));
    },
  };
}
