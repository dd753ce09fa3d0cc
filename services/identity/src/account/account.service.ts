import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { placeholders, preparedEntities } from '@dash/db';
import { belongsToTenant, type AccountRef, type OwnedAccount, type Tenant } from '@dash/contracts';
import { notFound } from '@dash/errors';
import type { Actor } from '@dash/events';
import { newId } from '@dash/ids';
import { normalizeCurrency } from '@dash/money';
import type { AccountOwnership } from '@dash/subgraph';
import { Account } from './account.entity.js';
import { AccountList, type AccountFilter, type AccountPageResult } from './account-list.service.js';
import { saveAccountChange } from './account-change.service.js';
import {
  accountClosed,
  accountRefOfRow,
  changedFields,
  defaultCurrencyFor,
  ownedAccountOf,
  toProfile,
} from './account.rules.js';
import { emptyBusinessProfile } from './business-profile.entity.js';
import type { CreateAccountInput, UpdateAccountInput } from './account.input.js';

/** The account a read found; NOT_FOUND if it is gone. */
async function existingAccount(found: Promise<Account | null>, id: string): Promise<Account> {
  const account = await found;
  if (!account) throw notFound('account', id);
  return account;
}

/** The account a read found, with what money may do with it today, if it is the tenant's. */
async function ownedBy(tenant: Tenant, found: Promise<Account | null>) {
  const account = await found;
  return account && belongsToTenant(tenant, account) ? ownedAccountOf(account, new Date()) : null;
}

/**
 * Who owns the account a read found, if it is the tenant's. Reading needs no more: working out
 * the requirements (what `ownedBy` adds) is left to the paths that move money.
 */
async function readableBy(tenant: Tenant, found: Promise<Account | null>) {
  const account = await found;
  return account && belongsToTenant(tenant, account) ? accountRefOfRow(account) : null;
}

/**
 * Identity's accounts table: who owns each account (what Access asks, as other services ask
 * their AccountDirectory), and the reads and writes of accounts that use cases make once Access
 * has let them through.
 */
export class AccountService implements AccountOwnership {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<Account | null> {
    // Every request of the dashboard reads its account: a prepared statement, not a built query.
    const [account] = await preparedEntities(this.dataSource, Account, 'WHERE id = ?', [id]);
    return account ?? null;
  }

  /**
   * One request's reads of accounts: each account read once however many fields (and the
   * gate) ask for it, and the accounts asked for together (a page of entity references) read
   * in one statement. For reading only: a change reads the account afresh (`get`).
   */
  reader(): AccountReader {
    const loader = new DataLoader<string, Account | null>(
      async (ids) => {
        const rows = await preparedEntities(
          this.dataSource,
          Account,
          `WHERE id IN (${placeholders(ids)})`,
          ids,
        );
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: 100 },
    );
    return new AccountReader(this, (id) => loader.load(id));
  }

  /** An account Access has let the caller reach; NOT_FOUND if it is gone. */
  get(id: string): Promise<Account> {
    return existingAccount(this.find(id), id);
  }

  belongsTo(tenant: Tenant, accountId: string): Promise<AccountRef | null> {
    return readableBy(tenant, this.find(accountId));
  }

  async openAccountOf(tenant: Tenant, accountId: string): Promise<OwnedAccount> {
    const owned = await ownedBy(tenant, this.find(accountId));
    if (!owned) throw notFound('account', accountId);
    if (owned.closed) throw accountClosed();
    return owned;
  }

  /** A page of a platform's accounts in one mode, newest first (see AccountList). */
  page(
    tenant: Tenant,
    filter: AccountFilter,
    first: number,
    after?: string,
  ): Promise<AccountPageResult> {
    return new AccountList(this.dataSource).page(tenant, filter, first, after);
  }

  async create({ platformId, livemode }: Tenant, input: CreateAccountInput): Promise<Account> {
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

/**
 * The accounts one request reads (see AccountService.reader), and the gate's ownership check
 * over them: reading goes through the request's reads, a change (`openAccountOf`) asks afresh.
 */
export class AccountReader implements AccountOwnership {
  constructor(
    private readonly accounts: AccountService,
    readonly find: (id: string) => Promise<Account | null>,
  ) {}

  /** An account Access has let the caller read; NOT_FOUND if it is gone. */
  get(id: string): Promise<Account> {
    return existingAccount(this.find(id), id);
  }

  belongsTo(tenant: Tenant, accountId: string): Promise<AccountRef | null> {
    return readableBy(tenant, this.find(accountId));
  }

  openAccountOf(tenant: Tenant, accountId: string): Promise<OwnedAccount> {
    return this.accounts.openAccountOf(tenant, accountId);
  }
}
