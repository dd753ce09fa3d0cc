import { preparedEntities, retryOnDeadlock } from '@dash/db';
import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { Actor } from '@dash/events';
import { recordEvent } from '@dash/events';
import { DashError, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import type { PayoutRail, RailDestination } from '../payout/payout-rail.service.js';
import { validateBankAccount, type BankAccountInput } from './bank-details.rules.js';
import { validateDebitCard, type DebitCardInput } from './debit-cards.rules.js';
import { ExternalAccount, ExternalAccountKind } from './external-account.entity.js';
import { bankFingerprint } from './fingerprint.rules.js';

export interface NewExternalAccount {
  bankAccount?: BankAccountInput | undefined;
  card?: DebitCardInput | undefined;
}

/**
 * Bank accounts and debit cards payouts go to. Each is checked the way its bank would, handed
 * to the payout rail for a token, and kept masked with a fingerprint. One per currency is the
 * default, which scheduled payouts use.
 */
export class ExternalAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rail: PayoutRail,
    private readonly fingerprintKeys: SecretKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Defaults first, then newest (read for every balance card: a prepared read). */
  list(account: Pick<AccountRef, 'accountId' | 'livemode'>): Promise<ExternalAccount[]> {
    return preparedEntities(
      this.dataSource,
      ExternalAccount,
      'WHERE account_id = ? AND livemode = ? ORDER BY default_for IS NULL, created_at DESC',
      [account.accountId, account.livemode],
    );
  }

  find(account: Pick<AccountRef, 'accountId' | 'livemode'>, id: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ ...accountWhere(account), id });
  }

  defaultFor(account: Pick<AccountRef, 'accountId' | 'livemode'>, currency: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ ...accountWhere(account), defaultFor: currency });
  }

  /** A debit card in this currency, for instant payouts: the default if it is one, or the newest. */
  async cardFor(account: Pick<AccountRef, 'accountId' | 'livemode'>, currency: string) {
    const cards = await this.dataSource.getRepository(ExternalAccount).find({
      where: { ...accountWhere(account), kind: ExternalAccountKind.card, currency },
      order: { createdAt: 'DESC' },
    });
    return cards.find((card) => card.defaultFor !== null) ?? cards[0] ?? null;
  }

  /**
   * Adds a bank account or card. It becomes the default for its currency when asked or when
   * there is none; `replace` (the dashboard's "change bank account") removes the accounts of
   * the same kind and currency it takes the place of.
   */
  async add(
    account: AccountRef,
    input: NewExternalAccount,
    options: {
      makeDefault: boolean;
      replace: boolean;
      by: Actor;
      /** Checked after the details pass, before anything is kept (the account's one-time code). */
      confirm?: () => Promise<void>;
      /** Only while the account has no bank account or card at all (onboarding's first one). */
      firstOnly?: boolean;
    },
  ): Promise<ExternalAccount> {
    const { row, destination } = this.validated(account, input);
    await options.confirm?.();
    const registration = await this.rail.register(destination);
    row.bankName = registration.bankName;
    row.railToken = registration.token;
    // Accounts adding their first destination at once lock neighbouring gaps of the same index
    // (nothing to lock yet but the gap) and then insert into them: InnoDB breaks such a
    // deadlock by failing one, which simply runs again.
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        row.defaultFor = null;
        const repository = manager.getRepository(ExternalAccount);
        if (options.firstOnly) await this.refuseUnlessFirst(manager, account);
        // Locks the account's destinations in this currency: two changes at once queue here.
        const same = await repository.find({
          where: { ...accountWhere(account), currency: row.currency },
          lock: { mode: 'pessimistic_write' },
        });
        const replaced = options.replace ? same.filter((other) => other.kind === row.kind) : [];
        const keptDefault = same.find(
          (other) => other.defaultFor !== null && !replaced.includes(other),
        );
        if (replaced.length) await repository.delete(replaced.map((other) => other.id));
        if (options.makeDefault || !keptDefault) {
          if (keptDefault) await repository.update({ id: keptDefault.id }, { defaultFor: null });
          row.defaultFor = row.currency;
        }
        await repository.insert(row);
        await recordEvent(manager, 'payouts', 'external_account.updated', accountRefOf(account), {
          change: replaced.length ? 'replaced' : 'added',
          kind: row.kind,
          last4: row.last4,
          currency: row.currency,
          by: options.by,
        });
        return row;
      }),
    );
  }

  /**
   * Onboarding's first bank account, and only that: the account's row in the known accounts is
   * locked first, so of many attempts at once (in any currencies) one finds no destination and
   * the rest find it.
   */
  private async refuseUnlessFirst(manager: EntityManager, account: AccountRef): Promise<void> {
    await manager.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [account.accountId]);
    const existing = await manager.getRepository(ExternalAccount).countBy(accountWhere(account));
    if (existing > 0)
      throw new DashError(
        'CONFLICT',
        'This account already has a bank account; change it from your payout settings.',
        { reason: 'BANK_ACCOUNT_EXISTS' },
      );
  }

  async makeDefault(account: AccountRef, id: string): Promise<ExternalAccount> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExternalAccount);
      const chosen = await repository.findOne({
        where: { ...accountWhere(account), id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chosen) throw notFound('external account', id);
      await repository.update(
        { ...accountWhere(account), defaultFor: chosen.currency, id: Not(id) },
        { defaultFor: null },
      );
      await repository.update({ id }, { defaultFor: chosen.currency });
      chosen.defaultFor = chosen.currency;
      return chosen;
    });
  }

  /** The default for a currency stays until another takes its place (as in Stripe). */
  async remove(account: AccountRef, id: string): Promise<void> {
    const found = await this.find(account, id);
    if (!found) throw notFound('external account', id);
    if (found.defaultFor !== null)
      throw new DashError(
        'FAILED_PRECONDITION',
        'This is the default for its currency: make another one the default first.',
        { reason: 'DEFAULT_EXTERNAL_ACCOUNT' },
      );
    await this.dataSource
      .getRepository(ExternalAccount)
      .delete({ id, defaultFor: IsNull(), accountId: account.accountId });
  }

  private validated(account: AccountRef, input: NewExternalAccount) {
    if (Boolean(input.bankAccount) === Boolean(input.card))
      throw new DashError('BAD_USER_INPUT', 'Give either bankAccount or card.', {
        field: 'bankAccount',
      });
    const row = new ExternalAccount();
    Object.assign(row, {
      accountId: account.accountId,
      platformId: account.platformId,
      livemode: account.livemode,
      createdAt: this.now(),
      status: 'new',
      defaultFor: null,
      brand: null,
      bankName: null,
      accountHolderName: null,
      routingNumber: null,
      expMonth: null,
      expYear: null,
    });
    let destination: RailDestination;
    if (input.bankAccount) {
      const bank = validateBankAccount(input.bankAccount);
      Object.assign(row, {
        id: newId('bankAccount'),
        kind: ExternalAccountKind.bank_account,
        country: bank.country,
        currency: bank.currency,
        accountHolderName: bank.holderName,
        routingNumber: bank.routingNumber,
        last4: bank.last4,
      });
      destination = {
        kind: 'bank_account',
        country: bank.country,
        currency: bank.currency,
        routingNumber: bank.normalized.routingNumber,
        number: bank.normalized.accountNumber,
      };
    } else {
      const card = validateDebitCard(input.card!, this.now());
      Object.assign(row, {
        id: newId('card'),
        kind: ExternalAccountKind.card,
        country: card.country,
        currency: card.currency,
        brand: card.brand,
        last4: card.last4,
        expMonth: card.expMonth,
        expYear: card.expYear,
      });
      destination = {
        kind: 'card',
        country: card.country,
        currency: card.currency,
        routingNumber: null,
        number: card.normalized.number,
      };
    }
    row.fingerprint = bankFingerprint(this.fingerprintKeys, destination);
    return { row, destination };
  }
}

const accountWhere = (account: Pick<AccountRef, 'accountId' | 'livemode'>) => ({
  accountId: account.accountId,
  livemode: account.livemode,
});
