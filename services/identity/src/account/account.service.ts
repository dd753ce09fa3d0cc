import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { recordEvent, type Actor } from '@dash/events';
import { newId } from '@dash/ids';
import { EURO_AREA, normalizeCurrency } from '@dash/money';
import { Account } from './account.entity.js';
import { Platform } from '../platform/platform.entity.js';
import type { StoredFeatures } from '../platform/platform-features.type.js';
import { recordPlatformUpdated } from '../platform/platform.service.js';
import { saveAccountChange } from './account-change.service.js';
import { emptyBusinessProfile, type BusinessProfile } from './business-profile.entity.js';
import type { CreateAccountInput, UpdateAccountInput } from './account.input.js';

/**
 * Which accounts a caller can see: an account itself; a platform its own accounts in the mode
 * of its key (test keys never see live accounts); nobody else any.
 */
function visibleAccounts(
  caller: Caller,
): Partial<Pick<Account, 'id' | 'platformId' | 'livemode'>> | null {
  switch (caller.kind) {
    case 'account':
      return { id: caller.accountId };
    case 'platform':
      return { platformId: caller.platformId, livemode: caller.livemode };
    default:
      return null;
  }
}

/** All reads and writes of accounts and platforms, always within what the caller may see. */
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAccount(id: string, caller: Caller): Promise<Account | null> {
    const visible = visibleAccounts(caller);
    if (!visible || (visible.id && visible.id !== id)) return null;
    return this.dataSource.getRepository(Account).findOneBy({ ...visible, id });
  }

  /** A platform's accounts, newest first. */
  listForPlatform(platformId: string, livemode: boolean, first: number): Promise<Account[]> {
    return this.dataSource.getRepository(Account).find({
      where: { platformId, livemode },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  /** A platform is visible to its own accounts (onboarding ones too) and to itself. */
  findPlatform(id: string, caller: Caller): Promise<Platform | null> {
    const allowed =
      caller.kind === 'account' || caller.kind === 'platform' || caller.kind === 'onboarding'
        ? caller.platformId === id
        : false;
    return allowed
      ? this.dataSource.getRepository(Platform).findOneBy({ id })
      : Promise.resolve(null);
  }

  /** Sets some feature switches; the read-modify-write is one transaction, so none is lost. */
  /** Changes one mode's switches only: a test key's call never reaches live mode's. */
  updateFeatures(
    platformId: string,
    livemode: boolean,
    switches: StoredFeatures,
  ): Promise<Platform> {
    return this.dataSource.transaction(async (manager) => {
      const platforms = manager.getRepository(Platform);
      const platform = await platforms.findOneOrFail({
        where: { id: platformId },
        lock: { mode: 'pessimistic_write' },
      });
      const column = livemode ? 'storedFeatures' : 'storedTestFeatures';
      platform[column] = { ...platform[column], ...switches };
      await platforms.update({ id: platformId }, { [column]: platform[column] });
      await recordPlatformUpdated(manager, platformId);
      return platform;
    });
  }

  async create(platformId: string, livemode: boolean, input: CreateAccountInput): Promise<Account> {
    const now = new Date();
    const account = this.dataSource.getRepository(Account).create({
      id: newId('account'),
      platformId,
      livemode,
      email: input.email.toLowerCase(),
      country: input.country.toUpperCase(),
      defaultCurrency: normalizeCurrency(
        input.defaultCurrency ?? defaultCurrencyFor(input.country)!,
      ),
      displayName: input.displayName ?? input.businessProfile?.name ?? input.email.split('@')[0]!,
      phone: input.phone ?? null,
      businessType: input.businessType ?? null,
      businessProfile: input.businessProfile ? toProfile(input.businessProfile) : null,
      statementDescriptor: input.statementDescriptor ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.getRepository(Account).insert(account);
    return account;
  }

  /**
   * Applies the fields given (others stay) and, in the same transaction, records an
   * `account.updated` event naming what actually changed (and the requirements, when a new
   * business type changes what is due); an edit that changes nothing records nothing.
   */
  async update(account: Account, input: UpdateAccountInput, by: Actor): Promise<Account> {
    const changes: Partial<Account> = {
      ...(input.email !== undefined ? { email: input.email.toLowerCase() } : {}),
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.defaultCurrency !== undefined
        ? { defaultCurrency: normalizeCurrency(input.defaultCurrency) }
        : {}),
      ...(input.businessType !== undefined ? { businessType: input.businessType } : {}),
      ...(input.statementDescriptor !== undefined
        ? { statementDescriptor: input.statementDescriptor }
        : {}),
      ...(input.businessProfile !== undefined
        ? {
            businessProfile: {
              ...emptyBusinessProfile(),
              ...account.businessProfile,
              ...toProfile(input.businessProfile),
            },
          }
        : {}),
    };
    const fields = changedFields(account, changes);
    if (fields.length === 0) return account;
    const now = new Date();
    // Whoever changes the email or phone (the platform too) moves where sign-in and step-up
    // codes go, so the change starts the same 72-hour hold as the account's own change.
    const held: Partial<Account> = {
      ...(fields.includes('email') ? { emailChangedAt: now } : {}),
      ...(fields.includes('phone') ? { phoneChangedAt: now } : {}),
    };
    return this.dataSource.transaction((manager) =>
      saveAccountChange(manager, account, { ...changes, ...held }, { fields, by, now }),
    );
  }

  /**
   * The account's own change of email or phone, confirmed by code: the new value and when it
   * changed (which starts the hold on payout details) are written together.
   */
  changeContact(account: Account, kind: 'email' | 'phone', value: string, at: Date) {
    const changes: Partial<Account> =
      kind === 'email'
        ? { email: value, emailChangedAt: at }
        : { phone: value, phoneChangedAt: at };
    return this.dataSource.transaction((manager) =>
      saveAccountChange(manager, account, changes, { fields: [kind], by: 'account', now: at }),
    );
  }
}

/** Records an event about an account in the transaction that changed it. */
export const recordAccountEvent = <Type extends 'account.updated' | 'account.closed'>(
  manager: EntityManager,
  type: Type,
  account: Account,
  data: Parameters<typeof recordEvent<Type>>[4],
) =>
  recordEvent(
    manager,
    'identity',
    type,
    { accountId: account.id, platformId: account.platformId, livemode: account.livemode },
    data,
  );

/** The names of the fields whose values differ: email, phone, businessProfile.url, … */
function changedFields(account: Account, changes: Partial<Account>): string[] {
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
function toProfile(
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
