import type { AccountRef, OwnedAccount } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { EURO_AREA } from '@dash/money';
import { capabilitiesOf } from '@dash/subgraph';
import { requirementsOf } from '../onboarding/requirements.rules.js';
import type { Account } from './account.entity.js';
import type { BusinessProfile } from './business-profile.entity.js';
import type { CreateAccountInput } from './account.input.js';

/** The refusal of any change to a closed account. */
export const accountClosed = () =>
  new DashError('FAILED_PRECONDITION', 'This account is closed.', { reason: 'ACCOUNT_CLOSED' });

/** A closed account is kept for its records but no longer changes. */
export function openForChanges(account: Account): Account {
  if (account.closedAt) throw accountClosed();
  return account;
}

/**
 * The account as other services (and Access) know it: its owner, whether it is closed, and
 * what its requirements let it do with money as of `now`.
 */
export function ownedAccountOf(account: Account, now: Date): OwnedAccount {
  const requirements = requirementsOf(account, now);
  return {
    accountId: account.id,
    platformId: account.platformId,
    livemode: account.livemode,
    closed: account.closedAt !== null,
    ...capabilitiesOf(
      {
        chargesEnabled: requirements.chargesEnabled,
        payoutsEnabled: requirements.payoutsEnabled,
        currentDeadline: requirements.currentDeadline?.toISOString() ?? null,
      },
      now.toISOString(),
    ),
  };
}

/** The names of the fields whose values differ: email, phone, businessProfile.url, … */
export function changedFields(account: Account, changes: Partial<Account>): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(changes) as Array<[keyof Account, unknown]>) {
    if (key === 'businessProfile') {
      const before = (account.businessProfile ?? {}) as Record<string, unknown>;
      for (const [part, next] of Object.entries(value as Record<string, unknown>)) {
        if (JSON.stringify(before[part] ?? null) !== JSON.stringify(next ?? null))
          fields.push(`businessProfile.${part}`);
      }
    } else if (account[key] !== value) {
      fields.push(key);
    }
  }
  return fields;
}

/** Only the fields given, so an update merges instead of wiping the rest. */
export function toProfile(
  input: NonNullable<CreateAccountInput['businessProfile']>,
): Partial<BusinessProfile> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<BusinessProfile>;
}

const CURRENCY_BY_COUNTRY: Record<string, string> = {
  ...Object.fromEntries([...EURO_AREA].map((country) => [country, 'eur'])),
  US: 'usd',
  GB: 'gbp',
  JP: 'jpy',
  CN: 'cny',
  CA: 'cad',
  AU: 'aud',
  NZ: 'nzd',
  IN: 'inr',
  SG: 'sgd',
  HK: 'hkd',
  CH: 'chf',
  SE: 'sek',
  NO: 'nok',
  DK: 'dkk',
  MX: 'mxn',
  BR: 'brl',
};

/** The country's currency where it is unambiguous; otherwise the platform must say. */
export function defaultCurrencyFor(country: string): string | undefined {
  return CURRENCY_BY_COUNTRY[country.toUpperCase()];
}

/** The account in the tenant vocabulary: whose it is. */
export const accountRefOfRow = (account: Account): AccountRef => ({
  accountId: account.id,
  platformId: account.platformId,
  livemode: account.livemode,
});
