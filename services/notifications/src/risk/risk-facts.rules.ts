import type { DomainEventData } from '@dash/events';
import type { ActivityText } from '../activity/activity-texts.rules.js';
import type { RenderedMessage } from '../delivery/templates.rules.js';

/** One risk intervention placed on or lifted from an account (`account.updated`'s `intervention`). */
export type InterventionChange = NonNullable<DomainEventData['account.updated']['intervention']>;

/** What the interventions in force after the change mean for the account's money. */
export type InterventionsInForce = DomainEventData['account.updated']['interventions'];

/** A debit of the account's bank recovering its negative balance, as it is now. */
export type RecoveryDebitFacts = DomainEventData['recovery_debit.updated'];

/**
 * The facts an intervention's email is written from, as its delivery job carries them (all
 * parameters are strings): the same facts its activity item keeps, so both say the same.
 */
export const interventionEmailParams = (
  change: InterventionChange,
  inForce: InterventionsInForce,
): Record<string, string> => ({ facts: JSON.stringify({ change, inForce: inForce ?? null }) });

// A job missing its facts still makes a message, as every template does with missing params.
const NO_CHANGE: InterventionChange = {
  interventionId: '',
  kind: 'pause_payouts',
  action: 'placed',
  source: 'automatic',
  signal: null,
  reason: '',
  resolution: 'none',
  reservePercent: null,
  reserveDays: null,
};
const NO_DEBIT: RecoveryDebitFacts = {
  recoveryDebitId: '',
  status: 'pending',
  amount: 0,
  currency: 'usd',
  attempt: 1,
  destination: '',
};

const factsOf = <Facts>(p: Record<string, string>) => JSON.parse(p.facts ?? '{}') as Partial<Facts>;

export function interventionOfParams(p: Record<string, string>): {
  change: InterventionChange;
  inForce: InterventionsInForce;
} {
  const { change, inForce } = factsOf<{
    change: InterventionChange;
    inForce: InterventionsInForce | null;
  }>(p);
  return { change: { ...NO_CHANGE, ...change }, inForce: inForce ?? undefined };
}

export const recoveryEmailParams = (facts: RecoveryDebitFacts): Record<string, string> => ({
  facts: JSON.stringify(facts),
});

export const recoveryOfParams = (p: Record<string, string>): RecoveryDebitFacts => ({
  ...NO_DEBIT,
  ...factsOf<RecoveryDebitFacts>(p),
});

/**
 * An email saying what an activity item says: its title as the subject, its body, and where in
 * the dashboard to act (the HTML part makes the link a button).
 */
export const emailOfItem = (item: ActivityText, open: string, url = ''): RenderedMessage => ({
  subject: item.title,
  text: `${item.body}\n\n${open}: ${url}`.trim(),
});
