import { IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { Actor } from '@dash/events';
import { recordEvent } from '@dash/events';
import { DashError, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import type { PayoutRail, RailDestination } from '../bank/payout-rail.js';
import { validateBankAccount, type BankAccountInput } from '../domain/bank-details.js';
import { bankFingerprint } from '../domain/fingerprint.js';
import { validateDebitCard, type DebitCardInput } from '../domain/debit-cards.js';
import { ExternalAccount, ExternalAccountKind } from '../entities/external-account.entity.js';
import { accountRefOf, type AccountRef } from '@dash/contracts';

export interface NewExternalAccount {
  bankAccount?: BankAccountInput | undefined;
  card?: DebitCardInput | undefined;
}

/** "Simulated Bank •••• 6789", "Visa •••• 4242": how a destination reads in lists and events. */
export const destinationLabel = (account: Pick<ExternalAccount, 'bankName' | 'brand' | 'last4'>) =>
  `${account.brand ? account.brand[0]!.toUpperCase() + account.brand.slice(1) : (account.bankName ?? 'Bank account')} •••• ${account.last4}`;

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

  /** Defaults first, then newest. */
  list(owner: Pick<AccountRef, 'accountId' | 'livemode'>): Promise<ExternalAccount[]> {
    return this.dataSource
      .getRepository(ExternalAccount)
      .createQueryBuilder('ea')
      .where('ea.account_id = :accountId AND ea.livemode = :livemode', owner)
      .orderBy('ea.default_for IS NULL', 'ASC')
      .addOrderBy('ea.created_at', 'DESC')
      .getMany();
  }

  find(owner: Pick<AccountRef, 'accountId' | 'livemode'>, id: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ id, accountId: owner.accountId, livemode: owner.livemode });
  }

  defaultFor(owner: Pick<AccountRef, 'accountId' | 'livemode'>, currency: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ accountId: owner.accountId, livemode: owner.livemode, defaultFor: currency });
  }

  /** A debit card in this currency, for instant payouts: the default if it is one, or the newest. */
  async cardFor(owner: Pick<AccountRef, 'accountId' | 'livemode'>, currency: string) {
    const cards = await this.dataSource.getRepository(ExternalAccount).find({
      where: { ...ownerWhere(owner), kind: ExternalAccountKind.card, currency },
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
    owner: AccountRef,
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
    const { row, destination } = this.validated(owner, input);
    await options.confirm?.();
    const registration = await this.rail.register(destination);
    row.bankName = registration.bankName;
    row.railToken = registration.token;
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExternalAccount);
      if (options.firstOnly) await this.refuseUnlessFirst(manager, owner);
      // Locks the account's destinations in this currency: two changes at once queue here.
      const same = await repository.find({
        where: { ...ownerWhere(owner), currency: row.currency },
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
      await recordEvent(manager, 'payouts', 'external_account.updated', accountRefOf(owner), {
        change: replaced.length ? 'replaced' : 'added',
        kind: row.kind,
        last4: row.last4,
        currency: row.currency,
        by: options.by,
      });
      return row;
    });
  }

  /**
   * Onboarding's first bank account, and only that: the account's row in the known accounts is
   * locked first, so of many attempts at once (in any currencies) one finds no destination and
   * the rest find it.
   */
  private async refuseUnlessFirst(manager: EntityManager, owner: AccountRef): Promise<void> {
    await manager.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [owner.accountId]);
    const existing = await manager
      .getRepository(ExternalAccount)
      .countBy({ accountId: owner.accountId, livemode: owner.livemode });
    if (existing > 0)
      throw new DashError(
        'CONFLICT',
        'This account already has a bank account; change it from your payout settings.',
        { reason: 'BANK_ACCOUNT_EXISTS' },
      );
  }

  async makeDefault(owner: AccountRef, id: string): Promise<ExternalAccount> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ExternalAccount);
      const chosen = await repository.findOne({
        where: { ...ownerWhere(owner), id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!chosen) throw notFound('external account', id);
      await repository.update(
        { ...ownerWhere(owner), defaultFor: chosen.currency, id: Not(id) },
        { defaultFor: null },
      );
      await repository.update({ id }, { defaultFor: chosen.currency });
      chosen.defaultFor = chosen.currency;
      return chosen;
    });
  }

  /** The default for a currency stays until another takes its place (as in Stripe). */
  async remove(owner: AccountRef, id: string): Promise<void> {
    const found = await this.find(owner, id);
    if (!found) throw notFound('external account', id);
    if (found.defaultFor !== null)
      throw new DashError(
        'FAILED_PRECONDITION',
        'This is the default for its currency: make another one the default first.',
        { reason: 'DEFAULT_EXTERNAL_ACCOUNT' },
      );
    await this.dataSource
      .getRepository(ExternalAccount)
      .delete({ id, defaultFor: IsNull(), accountId: owner.accountId });
  }

  private validated(owner: AccountRef, input: NewExternalAccount) {
    if (Boolean(input.bankAccount) === Boolean(input.card))
      throw new DashError('BAD_USER_INPUT', 'Give either bankAccount or card.', {
        field: 'bankAccount',
      });
    const row = new ExternalAccount();
    Object.assign(row, {
      accountId: owner.accountId,
      platformId: owner.platformId,
      livemode: owner.livemode,
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

const ownerWhere = (owner: Pick<AccountRef, 'accountId' | 'livemode'>) => ({
  accountId: owner.accountId,
  livemode: owner.livemode,
});
