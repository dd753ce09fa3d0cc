import { bucketed, placeholders, preparedEntities, retryOnDeadlock } from '@dash/db';
import type { DataSource, EntityManager } from 'typeorm';
import type { SecretKeys } from '@dash/config';
import type { Actor, ExternalAccountChange } from '@dash/events';
import { recordEvent } from '@dash/events';
import { DashError, isDuplicateKey, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import type { LedgerClient } from '../payout/ledger-client.service.js';
import type {
  PayoutRail,
  RailDestination,
  RailRegistration,
} from '../payout/payout-rail.service.js';
import { validateBankAccount, type BankAccountInput } from './bank-details.rules.js';
import { validateDebitCard, type DebitCardInput } from './debit-cards.rules.js';
import { ExternalAccount, ExternalAccountKind } from './external-account.entity.js';
import { bankFingerprint } from './fingerprint.rules.js';
import { balanceRefusal, removalCheck } from './removal.rules.js';

export interface NewExternalAccount {
  bankAccount?: BankAccountInput | undefined;
  card?: DebitCardInput | undefined;
}

/**
 * The account's one-time code for a change: `confirm` checks it with identity and uses it up,
 * and is called only once the change is known to be possible; `challengeId` is recorded with
 * the change it confirmed, so one challenge confirms one change.
 */
export interface CodeConfirmation {
  challengeId: string;
  confirm: () => Promise<void>;
}

/** Who makes a change, and the code that confirms it when the account makes it itself. */
export interface ChangeOptions {
  by: Actor;
  confirmation?: CodeConfirmation | undefined;
}

type AccountScope = Pick<AccountRef, 'accountId' | 'livemode'>;

/**
 * Bank accounts and debit cards payouts go to. Each is checked the way its bank would, handed
 * to the payout rail for a token, and kept masked with a fingerprint. One per currency is the
 * default, which scheduled payouts use. Every change locks the account's known row first, so
 * changes to one account's destinations — from the platform or the dashboard, in any currency —
 * happen one after another, each seeing what the one before left; each is one transaction with
 * its `external_account.updated` event.
 */
export class ExternalAccounts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rail: PayoutRail,
    private readonly fingerprintKeys: SecretKeys,
    private readonly ledger: Pick<LedgerClient, 'forecast'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Defaults first, then newest. */
  async list(account: AccountScope): Promise<ExternalAccount[]> {
    const [destinations] = await this.listEach([account]);
    return destinations!;
  }

  /**
   * `list` of many accounts of one mode with one statement, in the order asked: the balance
   * card's fields and a platform's query for many accounts read them together (a prepared read).
   */
  async listEach(accounts: readonly AccountScope[]): Promise<ExternalAccount[][]> {
    const [first] = accounts;
    if (!first) return [];
    if (accounts.some((account) => account.livemode !== first.livemode))
      throw new Error('listEach: accounts of one mode only');
    const ids = bucketed(accounts.map((account) => account.accountId));
    const rows = await preparedEntities(
      this.dataSource,
      ExternalAccount,
      `WHERE account_id IN (${placeholders(ids)}) AND livemode = ?
       ORDER BY default_for IS NULL, created_at DESC`,
      [...ids, first.livemode],
    );
    // Matched as the database compares ids (without case), as each account was read alone.
    return accounts.map((account) => {
      const accountId = account.accountId.toLowerCase();
      return rows.filter((row) => row.accountId.toLowerCase() === accountId);
    });
  }

  find(account: AccountScope, id: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ ...accountWhere(account), id });
  }

  defaultFor(account: AccountScope, currency: string) {
    return this.dataSource
      .getRepository(ExternalAccount)
      .findOneBy({ ...accountWhere(account), defaultFor: currency });
  }

  /** A debit card in this currency, for instant payouts: the default if it is one, or the newest. */
  async cardFor(account: AccountScope, currency: string) {
    const cards = await this.dataSource.getRepository(ExternalAccount).find({
      where: { ...accountWhere(account), kind: ExternalAccountKind.card, currency },
      order: { createdAt: 'DESC' },
    });
    return cards.find((card) => card.defaultFor !== null) ?? cards[0] ?? null;
  }

  /**
   * Adds a bank account or card. It becomes the default for its currency when asked or when
   * there is none; `replace` (the dashboard's "change bank account") removes the accounts of
   * the same kind and currency it takes the place of. The same details added again refresh
   * the one already there (a new token, its error cleared) instead of adding a second.
   */
  async add(
    account: AccountRef,
    input: NewExternalAccount,
    options: ChangeOptions & {
      makeDefault: boolean;
      replace: boolean;
      /** Only while the account has no bank account or card at all (onboarding's first one). */
      firstOnly?: boolean;
    },
  ): Promise<ExternalAccount> {
    const { row, destination } = this.validated(account, input);
    const registration = await this.rail.register(destination);
    refuseUnlessDebit(row, registration);
    row.bankName = registration.bankName;
    row.railToken = registration.token;
    await options.confirmation?.confirm();
    // Accounts adding their first destination at once lock neighbouring gaps of the same index
    // (nothing to lock yet but the gap) and then insert into them: InnoDB breaks such a
    // deadlock by failing one, which simply runs again.
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const all = await this.lockDestinations(manager, account);
        if (options.firstOnly && all.length > 0)
          throw new DashError(
            'CONFLICT',
            'This account already has a bank account; change it from your payout settings.',
            { reason: 'BANK_ACCOUNT_EXISTS' },
          );
        const repository = manager.getRepository(ExternalAccount);
        const same = all.filter((other) => other.currency === row.currency);
        const again = same.find(
          (other) => other.kind === row.kind && other.fingerprint === row.fingerprint,
        );
        const replaced = options.replace
          ? same.filter((other) => other.kind === row.kind && other !== again)
          : [];
        const keptDefault = same.find(
          (other) => other.defaultFor !== null && !replaced.includes(other),
        );
        if (replaced.length) await repository.delete(replaced.map((other) => other.id));
        const makeDefault = options.makeDefault || !keptDefault || keptDefault === again;
        if (makeDefault && keptDefault && keptDefault !== again)
          await repository.update({ id: keptDefault.id }, { defaultFor: null });
        let saved: ExternalAccount;
        if (again) {
          // The same details confirmed again: the bank has fixed them, or a card was renewed.
          const refreshed = {
            railToken: row.railToken,
            bankName: row.bankName,
            accountHolderName: row.accountHolderName,
            expMonth: row.expMonth,
            expYear: row.expYear,
            status: 'new' as const,
            failureCode: null,
            failureMessage: null,
            defaultFor: makeDefault ? row.currency : again.defaultFor,
          };
          await repository.update({ id: again.id }, refreshed);
          saved = Object.assign(again, refreshed);
        } else {
          row.defaultFor = makeDefault ? row.currency : null;
          await repository.insert(row);
          saved = row;
        }
        const change: ExternalAccountChange = again
          ? 'updated'
          : replaced.length
            ? 'replaced'
            : 'added';
        await this.recorded(manager, account, saved, change, options);
        return saved;
      }),
    );
  }

  /** Makes a bank account or card the default for its currency (the one before stops being it). */
  async makeDefault(
    account: AccountRef,
    id: string,
    options: ChangeOptions,
  ): Promise<ExternalAccount> {
    const before = await this.find(account, id);
    if (!before) throw notFound('external account', id);
    if (before.defaultFor !== null) return before;
    await options.confirmation?.confirm();
    return this.dataSource.transaction(async (manager) => {
      const all = await this.lockDestinations(manager, account);
      const chosen = all.find((other) => other.id === id);
      if (!chosen) throw notFound('external account', id);
      if (chosen.defaultFor !== null) return chosen;
      const repository = manager.getRepository(ExternalAccount);
      // The old default steps down first: the unique index allows one per account and currency.
      const previous = all.find((other) => other.defaultFor === chosen.currency);
      if (previous) await repository.update({ id: previous.id }, { defaultFor: null });
      await repository.update({ id }, { defaultFor: chosen.currency });
      chosen.defaultFor = chosen.currency;
      await this.recorded(manager, account, chosen, 'default_changed', options);
      return chosen;
    });
  }

  /**
   * Removes a bank account or card. A default stays while others of its currency remain, the
   * account's only one stays, and the last one of a currency stays while the account has money
   * in that currency (the ledger is asked, under the account's lock, so of removals racing for
   * a currency's last two, one finds the other gone and asks). Checked once before the code is
   * used up, so a refusal leaves the code good; and again, for good, under the lock.
   */
  async remove(account: AccountRef, id: string, options: ChangeOptions): Promise<ExternalAccount> {
    const before = await this.list(account);
    const target = before.find((other) => other.id === id);
    if (!target) throw notFound('external account', id);
    await this.refuseRemoval(account, before, target);
    await options.confirmation?.confirm();
    return this.dataSource.transaction(async (manager) => {
      const all = await this.lockDestinations(manager, account);
      const removed = all.find((other) => other.id === id);
      if (!removed) throw notFound('external account', id);
      await this.refuseRemoval(account, all, removed);
      await manager.getRepository(ExternalAccount).delete({ id });
      await this.recorded(manager, account, removed, 'removed', options);
      return removed;
    });
  }

  /**
   * After a payout to it failed: the destination is errored with the bank's reason, until it is
   * replaced or added again. `manager` is the transaction that marks the payout failed.
   */
  async markErrored(
    manager: EntityManager,
    account: AccountRef,
    id: string,
    failure: { code: string; message: string },
  ): Promise<void> {
    const repository = manager.getRepository(ExternalAccount);
    const found = await repository.findOneBy({ ...accountWhere(account), id });
    if (!found) return;
    await repository.update(
      { id },
      { status: 'errored', failureCode: failure.code, failureMessage: failure.message },
    );
    await recordEvent(manager, 'payouts', 'external_account.updated', accountRefOf(account), {
      ...factsOf(found, 'errored', 'bank'),
      failureCode: failure.code,
      failureMessage: failure.message,
    });
  }

  /** Why a bank account or card cannot be removed now (what `remove` would refuse), or null. */
  async removalRefusal(
    account: AccountScope,
    destination: ExternalAccount,
  ): Promise<DashError | null> {
    return this.whyNotRemovable(account, await this.list(account), destination);
  }

  private async refuseRemoval(
    account: AccountScope,
    all: readonly ExternalAccount[],
    target: ExternalAccount,
  ): Promise<void> {
    const refusal = await this.whyNotRemovable(account, all, target);
    if (refusal) throw refusal;
  }

  private async whyNotRemovable(
    account: AccountScope,
    all: readonly ExternalAccount[],
    target: ExternalAccount,
  ): Promise<DashError | null> {
    const check = removalCheck(all, target);
    if (check !== 'needs_balance') return check === 'allowed' ? null : check;
    const now = this.now().toISOString();
    const balance = await this.ledger.forecast({
      accountId: account.accountId,
      livemode: account.livemode,
      currency: target.currency,
      at: now,
      createdBefore: now,
    });
    return balanceRefusal(target.currency, balance);
  }

  /**
   * The account's known row first (every change to its destinations queues there), then all of
   * its destinations, locked for the rest of the transaction.
   */
  private async lockDestinations(
    manager: EntityManager,
    account: AccountScope,
  ): Promise<ExternalAccount[]> {
    await manager.query('SELECT id FROM accounts WHERE id = ? FOR UPDATE', [account.accountId]);
    return manager.getRepository(ExternalAccount).find({
      where: accountWhere(account),
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The change's event and, when the account's code confirmed it, the code's one use. */
  private async recorded(
    manager: EntityManager,
    account: AccountRef,
    destination: ExternalAccount,
    change: ExternalAccountChange,
    options: ChangeOptions,
  ): Promise<void> {
    if (options.confirmation)
      try {
        await manager.query(
          `INSERT INTO confirmed_changes
             (challenge_id, account_id, change_kind, external_account_id, created_at)
           VALUES (?, ?, ?, ?, ?)`,
          [options.confirmation.challengeId, account.accountId, change, destination.id, this.now()],
        );
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        throw new DashError(
          'FAILED_PRECONDITION',
          'This code has already confirmed a change. Ask for a new code.',
          { reason: 'CHALLENGE_INVALID' },
        );
      }
    await recordEvent(
      manager,
      'payouts',
      'external_account.updated',
      accountRefOf(account),
      factsOf(destination, change, options.by),
    );
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
      failureCode: null,
      failureMessage: null,
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

/**
 * Payouts go to debit cards only. The rail says how a card is funded, from its network's BIN
 * tables (the simulated rail: from Stripe's test card numbers, vouching for no other).
 */
function refuseUnlessDebit(row: ExternalAccount, registration: RailRegistration): void {
  if (row.kind !== ExternalAccountKind.card || registration.funding === 'debit') return;
  const message =
    registration.funding === 'credit'
      ? 'This is a credit card: payouts go to debit cards only.'
      : registration.funding === 'prepaid'
        ? 'This is a prepaid card: payouts go to debit cards only.'
        : 'This card could not be confirmed as a debit card: use a Visa or Mastercard debit card.';
  throw new DashError('BAD_USER_INPUT', message, {
    field: 'number',
    reason: 'CARD_NOT_DEBIT',
    funding: registration.funding ?? 'unknown',
  });
}

/** What an event says of a destination and its change: never more than the last four digits. */
const factsOf = (
  destination: ExternalAccount,
  change: ExternalAccountChange,
  by: Actor | 'bank',
) => ({
  change,
  externalAccountId: destination.id,
  kind: destination.kind,
  last4: destination.last4,
  currency: destination.currency,
  defaultForCurrency: change !== 'removed' && destination.defaultFor !== null,
  by,
});

const accountWhere = (account: AccountScope) => ({
  accountId: account.accountId,
  livemode: account.livemode,
});
