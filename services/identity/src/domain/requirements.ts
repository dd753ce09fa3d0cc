import type { Requirements } from '../entities/business-profile.type.js';

export interface AccountFacts {
  businessType: string | null;
  phone: string | null;
  businessProfile: { name: string | null; url: string | null; supportEmail: string | null } | null;
  statementDescriptor: string | null;
  createdAt: Date;
}

/** How long a new account may take payments before what is due becomes past due. */
const GRACE_DAYS = 14;
const DAY = 24 * 3600 * 1000;

/**
 * What an account still owes, Stripe-style: the fields needed to keep charging and paying out
 * (currently due), those needed later (eventually due), and past due once the grace period since
 * creation has run out — at which point charges and payouts are disabled.
 */
export function computeRequirements(
  account: AccountFacts,
  now = new Date(),
): Requirements & { chargesEnabled: boolean; payoutsEnabled: boolean } {
  const missing = (present: unknown, field: string) => (present ? [] : [field]);
  const currentlyDue = [
    ...missing(account.businessType, 'business_type'),
    ...missing(account.businessProfile?.name, 'business_profile.name'),
    ...missing(account.businessProfile?.url, 'business_profile.url'),
    ...missing(account.phone, 'phone'),
  ];
  const eventuallyDue = [
    ...currentlyDue,
    ...missing(account.businessProfile?.supportEmail, 'business_profile.support_email'),
    ...missing(account.statementDescriptor, 'statement_descriptor'),
  ];
  const deadline = new Date(account.createdAt.getTime() + GRACE_DAYS * DAY);
  const overdue = currentlyDue.length > 0 && now >= deadline;
  const pastDue = overdue ? currentlyDue : [];
  return {
    currentlyDue,
    eventuallyDue,
    pastDue,
    currentDeadline: currentlyDue.length > 0 ? deadline : null,
    disabledReason: overdue ? 'requirements.past_due' : null,
    chargesEnabled: !overdue,
    // Money only leaves once everything currently due is in.
    payoutsEnabled: currentlyDue.length === 0,
  };
}
