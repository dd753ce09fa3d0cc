import type { DataSource } from 'typeorm';
import type { Caller } from '@dash/auth-context';
import { newId } from '@dash/ids';
import { normalizeCurrency } from '@dash/money';
import { Account } from './entities/account.entity.js';
import { Platform } from './entities/platform.entity.js';
import type { BusinessProfile } from './entities/business-profile.type.js';
import type { CreateAccountInput, UpdateAccountInput } from './resolvers/account.inputs.js';

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

  /** A platform is visible to its own accounts and to itself. */
  findPlatform(id: string, caller: Caller): Promise<Platform | null> {
    const allowed =
      caller.kind === 'account' || caller.kind === 'platform' ? caller.platformId === id : false;
    return allowed
      ? this.dataSource.getRepository(Platform).findOneBy({ id })
      : Promise.resolve(null);
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

  async update(account: Account, input: UpdateAccountInput): Promise<Account> {
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
              ...emptyProfile(),
              ...account.businessProfile,
              ...toProfile(input.businessProfile),
            },
          }
        : {}),
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(Account).update({ id: account.id }, changes);
    return Object.assign(account, changes);
  }
}

const emptyProfile = (): BusinessProfile => ({
  name: null,
  url: null,
  supportEmail: null,
  supportPhone: null,
  supportAddress: null,
});

/** Only the fields given, so an update merges instead of wiping the rest. */
function toProfile(
  input: NonNullable<CreateAccountInput['businessProfile']>,
): Partial<BusinessProfile> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<BusinessProfile>;
}

const EURO_COUNTRIES = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const CURRENCY_BY_COUNTRY: Record<string, string> = {
  ...Object.fromEntries(EURO_COUNTRIES.map((country) => [country, 'eur'])),
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
