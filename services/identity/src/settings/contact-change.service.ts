import { requestDelivery, type DeliveryJobs } from '@dash/contracts';
import type { TypedQueue } from '@dash/queue';
import type { AccountService } from '../account/account.service.js';
import type { Account } from '../account/account.entity.js';
import {
  refused,
  type Challenges,
  type CodeChannel,
  type StartedChallenge,
} from '../login/challenge.service.js';
import type { LoginChallengeRow } from '../login/login.entity.js';
import { openForChanges } from '../account/account.rules.js';

export type ContactKind = 'email' | 'phone';

const channelFor = (kind: ContactKind): CodeChannel => (kind === 'email' ? 'email' : 'sms');
const fieldFor = (challenge: LoginChallengeRow): ContactKind =>
  challenge.channel === 'email' ? 'email' : 'phone';

/** Where the change was asked from, for the message that tells the old contact. */
export interface RequestOrigin {
  clientIp?: string;
  userAgent?: string;
}

/** A contact change waiting for its codes; `currentContact` is where the second code went. */
export interface StartedContactChange extends StartedChallenge {
  currentContact: string | null;
}

/**
 * The contact that approves a change: the one being replaced, or, when the account has none of
 * that kind yet, its other one (a phone added to an email-only account is approved by email).
 */
function approvingContact(
  account: Account,
  kind: ContactKind,
): { channel: CodeChannel; to: string } | null {
  const same = kind === 'email' ? account.email : account.phone;
  if (same) return { channel: channelFor(kind), to: same };
  const other = kind === 'email' ? account.phone : account.email;
  return other ? { channel: kind === 'email' ? 'sms' : 'email', to: other } : null;
}

/**
 * Changing the account's email or phone. A code goes to the new address (proof the holder
 * receives messages there) and another to the current contact (proof the change is the holder's,
 * not a thief's with a stolen session); only both together make the change. The old contact is
 * then told what changed, when and from where, and the change time starts the 72-hour hold on
 * payout details and on signing in through the new email (see account/contact-hold.rules.ts).
 */
export class ContactChangeService {
  constructor(
    private readonly challenges: Challenges,
    private readonly accounts: AccountService,
    private readonly delivery: TypedQueue<DeliveryJobs>,
    private readonly origin: RequestOrigin,
    private readonly now: () => Date,
  ) {}

  /** `value` is already validated (email address, or E.164 phone). */
  async start(account: Account, kind: ContactKind, value: string): Promise<StartedContactChange> {
    openForChanges(account);
    const destination = kind === 'email' ? value.trim().toLowerCase() : value.trim();
    if (destination === (kind === 'email' ? account.email : account.phone)) {
      throw refused(
        'SAME_CONTACT',
        `That is already this account's ${kind === 'email' ? 'email' : 'phone number'}.`,
        'BAD_USER_INPUT',
        { field: 'value' },
      );
    }
    return this.issuePair(account, kind, destination);
  }

  async resend(account: Account, challengeId: string): Promise<StartedContactChange> {
    const challenge = await this.challenges.openOwn(challengeId, 'contact_change', account.id);
    await this.challenges.retireForResend(
      challenge,
      challenge.currentContactChallengeId ? [challenge.currentContactChallengeId] : [],
    );
    return this.issuePair(
      account,
      fieldFor(challenge),
      challenge.newDestination!,
      challenge.sends + 1,
    );
  }

  /**
   * The right codes, for the new contact and (when one was sent) the current one, apply the
   * change and record `account.updated`. Both are checked before either is used up.
   */
  async confirm(
    account: Account,
    challengeId: string,
    code: string,
    currentCode: string | undefined,
  ): Promise<Account> {
    const challenge = await this.challenges.openOwn(challengeId, 'contact_change', account.id);
    const used = [challenge.id];
    if (challenge.currentContactChallengeId) {
      if (!currentCode)
        throw refused(
          'CURRENT_CODE_REQUIRED',
          'Enter the code sent to your current email or phone as well.',
          'BAD_USER_INPUT',
          { field: 'currentCode' },
        );
      const current = await this.challenges.open(
        challenge.currentContactChallengeId,
        'contact_change_current',
      );
      await this.challenges.check(current, currentCode, account, 'currentCode');
      used.push(current.id);
    }
    await this.challenges.check(challenge, code, account, 'code');
    await this.challenges.markUsed(used);

    const kind = fieldFor(challenge);
    const changedAt = this.now();
    const changed = await this.accounts.changeContact(
      openForChanges(account),
      kind,
      challenge.newDestination!,
      changedAt,
    );
    // The change's challenge id makes the notice's delivery id: one notice, however retried.
    await this.tellOldContact(account, kind, changedAt, `dlv_${challenge.id}_changed`, {
      device: this.origin.userAgent ?? '',
      address: this.origin.clientIp ?? '',
    });
    return changed;
  }

  /**
   * After the platform changed the email or phone through its API (the repository started the
   * hold): the contact that was replaced is told, as after the account's own change.
   */
  async afterPlatformChange(before: Account, after: Account): Promise<void> {
    for (const kind of ['email', 'phone'] as const) {
      const changedAt = kind === 'email' ? after.emailChangedAt : after.phoneChangedAt;
      if (before[kind] === after[kind] || !changedAt) continue;
      await this.tellOldContact(
        before,
        kind,
        changedAt,
        `dlv_${after.id}_${kind}_changed_${changedAt.getTime()}`,
        { by: 'platform' },
      );
    }
  }

  private async tellOldContact(
    before: Account,
    kind: ContactKind,
    at: Date,
    deliveryId: string,
    from: Record<string, string>,
  ): Promise<void> {
    const told = approvingContact(before, kind);
    if (!told) return;
    await requestDelivery(this.delivery, {
      deliveryId,
      accountId: before.id,
      livemode: before.livemode,
      channel: told.channel,
      to: told.to,
      template: 'contact-changed',
      params: { what: kind, at: at.toISOString(), ...from },
    });
  }

  private async issuePair(
    account: Account,
    kind: ContactKind,
    destination: string,
    sends = 1,
  ): Promise<StartedContactChange> {
    const approver = approvingContact(account, kind);
    const current = approver
      ? await this.challenges.issue(account, {
          purpose: 'contact_change_current',
          channel: approver.channel,
          destination: approver.to,
          sends,
        })
      : null;
    const started = await this.challenges.issue(account, {
      purpose: 'contact_change',
      channel: channelFor(kind),
      destination,
      sends,
      ...(current ? { currentContactChallengeId: current.id } : {}),
    });
    return { ...started, currentContact: current?.maskedDestination ?? null };
  }
}
