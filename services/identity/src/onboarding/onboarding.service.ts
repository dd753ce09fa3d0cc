import type { DataSource, EntityManager } from 'typeorm';
import { DashError } from '@dash/errors';
import type { Actor } from '@dash/events';
import { Account } from '../account/account.entity.js';
import { emptyBusinessProfile } from '../account/business-profile.entity.js';
import { checkField, type FieldProblem } from './field-checks.rules.js';
import { ruleFor } from './requirement-table.rules.js';
import type { SecretKeys } from '@dash/config';
import { seal, unseal } from './personal-id.rules.js';
import {
  isVerifiable,
  type VerificationProvider,
  type VerificationResult,
} from './verification.rules.js';
import { saveAccountChange } from '../account/account-change.service.js';
import { accountClosed } from '../account/account.rules.js';
import { answersOf, requirementsOf } from './requirements.rules.js';
import {
  keysToReverify,
  verificationAfterChange,
} from '../account-details/details-change.rules.js';

/** Keys kept in a column of their own rather than in the onboarding details. */
const PROFILE_KEYS: Record<string, 'name' | 'url' | 'supportEmail'> = {
  'business_profile.name': 'name',
  'business_profile.url': 'url',
  'business_profile.support_email': 'supportEmail',
};

export interface OnboardingValue {
  key: string;
  value?: string | null | undefined;
}

/**
 * A check a caller adds to a save, run in its transaction once the values are checked: it sees
 * the locked account and the answers that really change, and refuses or approves (a step-up
 * code is used up here, so it is spent only if the change is written).
 */
export type ChangeGuard = (
  manager: EntityManager,
  account: Account,
  changed: readonly string[],
) => Promise<void>;

export interface Submission {
  acceptTermsOfService: boolean;
  ip: string | null;
  userAgent: string | null;
}

/** Personal ids are shown by their last digits only. */
export const maskIdNumber = (value: string) => `•••••${value.slice(-4)}`;

/**
 * What an account tells us about itself during onboarding: drafts saved step by step (every
 * value checked, all or nothing), the submission that accepts the terms, and verification of
 * what can be verified. Every change recomputes the requirements in the same transaction.
 */
export class OnboardingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly verifiers: { test: VerificationProvider; live: VerificationProvider },
    private readonly secret: SecretKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The answer to show for a key: personal ids masked. */
  shownValue(key: string, stored: string): string {
    return stored.startsWith('sealed:') ? maskIdNumber(unseal(stored, this.secret)) : stored;
  }

  /**
   * Saves answers: the account's own, or its platform's prefill (`by`). A platform may prefill
   * only until the account submits: after that the details are the account's word, under the
   * terms it accepted, and only the account changes them. The check reads the locked row, so a
   * prefill that queued behind the submission is refused too. Once submitted, a change is an
   * `account.updated` naming the answers that changed, and what verification checks of them
   * waits as pending until the verification chore has the provider's answer.
   */
  async save(
    accountId: string,
    values: OnboardingValue[],
    by: Actor = 'account',
    guard?: ChangeGuard,
  ): Promise<Account> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lock(manager, accountId);
      if (by === 'platform' && account.tosAcceptance)
        throw new DashError(
          'FAILED_PRECONDITION',
          'The account has submitted its details; only the account can change them now.',
          { reason: 'DETAILS_SUBMITTED' },
        );
      const { changes, changed } = this.checkedChanges(account, values);
      await guard?.(manager, account, changed);
      const submitted = account.tosAcceptance !== null;
      const reverify = submitted
        ? keysToReverify(changed, answersOf(Object.assign(new Account(), account, changes)))
        : [];
      const verification = verificationAfterChange(account.verification ?? {}, changed, reverify);
      return saveAccountChange(
        manager,
        account,
        {
          ...changes,
          verification,
          ...(reverify.length > 0 ? { verificationRequestedAt: this.now() } : {}),
        },
        // Drafts are kept without a word to anyone; submitted details changing are news.
        { fields: submitted ? changed : [], by, now: this.now(), keepUnannounced: true },
      );
    });
  }

  /** Accepts the services agreement and submits everything for verification. */
  async submit(accountId: string, submission: Submission): Promise<Account> {
    if (!submission.acceptTermsOfService)
      throw new DashError('BAD_USER_INPUT', 'Accept the services agreement to continue.', {
        field: 'acceptTermsOfService',
      });
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lock(manager, accountId);
      const missing = requirementsOf(account, this.now()).currentlyDue.filter(
        (key) => !key.startsWith('tos_acceptance.'),
      );
      if (missing.length > 0)
        throw new DashError('FAILED_PRECONDITION', 'Some required information is missing.', {
          reason: 'REQUIREMENTS_DUE',
          fields: missing,
        });
      const tosAcceptance = account.tosAcceptance ?? {
        date: this.now().toISOString(),
        ip: submission.ip,
        userAgent: submission.userAgent?.slice(0, 500) ?? null,
      };
      const verification = { ...account.verification, ...(await this.verifyAnswers(account)) };
      return saveAccountChange(
        manager,
        account,
        { tosAcceptance, verification },
        {
          fields: [],
          by: 'account',
          now: this.now(),
        },
      );
    });
  }

  private async lock(manager: EntityManager, accountId: string): Promise<Account> {
    const account = await lockedAccount(manager, accountId);
    if (!account || account.closedAt) throw accountClosed();
    return account;
  }

  /**
   * Every value checked against its rule; any problem refuses the whole batch. `changed` names
   * the answers whose value differs from what is kept (ids compared unsealed).
   */
  private checkedChanges(
    account: Account,
    values: OnboardingValue[],
  ): { changes: Partial<Account>; changed: string[] } {
    const businessType =
      values.find(({ key }) => key === 'business_type')?.value?.trim() || account.businessType;
    const context = { country: account.country, livemode: account.livemode, now: this.now() };
    const problems: FieldProblem[] = [];
    const details: Record<string, string> = { ...account.onboardingDetails };
    const profile = { ...emptyBusinessProfile(), ...account.businessProfile };
    const before = answersOf(account);
    const changed = new Set<string>();
    let type = account.businessType;
    for (const { key, value } of values) {
      const rule = ruleFor(account.country, businessType, key);
      if (!rule) {
        problems.push({ field: key, code: 'unknown_field', message: `${key} is not asked for.` });
        continue;
      }
      const cleared = value === null || value === undefined || value.trim() === '';
      const checked = cleared ? null : checkField(rule, value, context);
      if (checked && !checked.ok) {
        problems.push({ field: key, code: checked.code, message: checked.message });
        continue;
      }
      const stored = checked
        ? rule.kind === 'id_number'
          ? seal(checked.value, this.secret)
          : checked.value
        : null;
      const was = before[key];
      if ((was === undefined ? null : unseal(was, this.secret)) !== (checked?.value ?? null))
        changed.add(key);
      if (key === 'business_type') type = (stored as Account['businessType']) ?? null;
      else if (PROFILE_KEYS[key]) profile[PROFILE_KEYS[key]] = stored;
      else if (stored === null) delete details[key];
      else details[key] = stored;
    }
    if (problems.length > 0)
      throw new DashError('BAD_USER_INPUT', problems.map((problem) => problem.message).join(' '), {
        field: problems[0]!.field,
        fieldErrors: problems,
      });
    return {
      changes: { businessType: type, businessProfile: profile, onboardingDetails: details },
      changed: [...changed],
    };
  }

  /** Asks the mode's provider about the verifiable answers (only `keys`, when given). */
  async verifyAnswers(
    account: Account,
    keys?: string[],
  ): Promise<Record<string, VerificationResult>> {
    const values = Object.fromEntries(
      Object.entries(answersOf(account))
        .filter(([key]) => isVerifiable(key) && (!keys || keys.includes(key)))
        .map(([key, value]) => [key, unseal(value, this.secret)]),
    );
    if (Object.keys(values).length === 0) return {};
    const provider = account.livemode ? this.verifiers.live : this.verifiers.test;
    return provider.verify({
      accountId: account.id,
      country: account.country,
      livemode: account.livemode,
      values,
    });
  }
}

/** The account, locked for the rest of the transaction: changes to it queue here. */
const lockedAccount = (manager: EntityManager, accountId: string) =>
  manager
    .getRepository(Account)
    .findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });

/**
 * Payouts has a bank account for the account now: that requirement is met. Runs in the event
 * consumer's transaction; a replayed event, or one for an account identity does not have,
 * changes nothing.
 */
export async function markBankAccountProvided(
  manager: EntityManager,
  accountId: string,
  now = new Date(),
): Promise<void> {
  const account = await lockedAccount(manager, accountId);
  if (!account || account.externalAccountProvided) return;
  await saveAccountChange(
    manager,
    account,
    { externalAccountProvided: true },
    { fields: [], by: 'account', now },
  );
}
