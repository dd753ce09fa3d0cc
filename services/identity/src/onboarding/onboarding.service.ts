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
   * prefill that queued behind the submission is refused too.
   */
  async save(
    accountId: string,
    values: OnboardingValue[],
    by: Actor = 'account',
  ): Promise<Account> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lock(manager, accountId);
      if (by === 'platform' && account.tosAcceptance)
        throw new DashError(
          'FAILED_PRECONDITION',
          'The account has submitted its details; only the account can change them now.',
          { reason: 'DETAILS_SUBMITTED' },
        );
      const changes = this.checkedChanges(account, values);
      const changedKeys = values.map(({ key }) => key);
      // A changed answer is no longer verified; once submitted, it is checked again at once.
      const verification = Object.fromEntries(
        Object.entries(account.verification ?? {}).filter(([key]) => !changedKeys.includes(key)),
      );
      const candidate = Object.assign(new Account(), account, changes, { verification });
      if (candidate.tosAcceptance)
        Object.assign(verification, await this.verify(candidate, changedKeys));
      return saveAccountChange(
        manager,
        account,
        { ...changes, verification },
        {
          fields: [],
          by,
          now: this.now(),
        },
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
      const verification = { ...account.verification, ...(await this.verify(account)) };
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

  /** Every value checked against its rule; any problem refuses the whole batch. */
  private checkedChanges(account: Account, values: OnboardingValue[]): Partial<Account> {
    const businessType =
      values.find(({ key }) => key === 'business_type')?.value?.trim() || account.businessType;
    const context = { country: account.country, livemode: account.livemode, now: this.now() };
    const problems: FieldProblem[] = [];
    const details: Record<string, string> = { ...account.onboardingDetails };
    const profile = { ...emptyBusinessProfile(), ...account.businessProfile };
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
    return { businessType: type, businessProfile: profile, onboardingDetails: details };
  }

  /** Asks the mode's provider about the verifiable answers (only `keys`, when given). */
  private async verify(
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
