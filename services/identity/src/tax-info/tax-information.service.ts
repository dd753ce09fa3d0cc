import type { DataSource, EntityManager } from 'typeorm';
import { keyedHash, type SecretKeys } from '@dash/config';
import { insertOrLock, retryOnDeadlock } from '@dash/db';
import { DashError } from '@dash/errors';
import { recordEvent, type TaxInfoFacts } from '@dash/events';
import { badInput } from '@dash/subgraph';
import type { Account } from '../account/account.entity.js';
import { openForChanges } from '../account/account.rules.js';
import type { Challenges, StartedChallenge } from '../login/challenge.service.js';
import { seal } from '../onboarding/personal-id.rules.js';
import { stepUp } from '../settings/step-up.rules.js';
import { refuseDuringHold, sendStepUpCode } from '../settings/step-up.service.js';
import { checkSignature, checkTaxDetails, onboardingPrefill } from './tax-details.rules.js';
import { TaxInformationRow } from './tax-information.entity.js';
import type { TaxInformationInput } from './tax-information.input.js';
import { TinTypeEnum, type TaxInformation } from './tax-information.type.js';
import { checkTin, maskTin, type TinType } from './tin.rules.js';

/** The W-9 whose certification the dashboard shows (Rev. March 2024, Part II). */
export const W9_CERTIFICATION_VERSION = 'w9-rev-2024-03';

/** Where a change came from: the signed-in browser's address and user agent. */
export interface ChangeOrigin {
  clientIp?: string;
  userAgent?: string;
}

/** The refusal for an account outside the US: US tax forms are not for it. */
export const usAccountsOnly = () =>
  new DashError(
    'FAILED_PRECONDITION',
    'Tax information and US tax forms are for accounts in the United States only.',
    { reason: 'US_ACCOUNTS_ONLY' },
  );

/**
 * A taxpayer id's fingerprint: HMAC under the personal-data key of the oldest configured root
 * (as bank fingerprints are), so it survives a rotation and the same id always matches.
 */
const fingerprintOf = (keys: SecretKeys, type: TinType, digits: string) =>
  keyedHash(keys.key('personal-data', keys.oldestKid)!, `tax-id:${type}:${digits}`);

/** What the ledger is told: never the id itself, only its kind and last four digits. */
const factsOf = (row: TaxInformationRow): TaxInfoFacts => ({
  legalName: row.legalName,
  address: row.address,
  tinType: row.tinType,
  tinLast4: row.tinLast4,
  certifiedAt: row.certifiedAt?.toISOString() ?? null,
  edeliveryConsent: row.edeliveryConsent,
});

/**
 * A US account's tax information (its W-9) and its consent to electronic tax forms. The W-9 is
 * saved only with a code sent to the account's own phone or email (a stolen session alone
 * cannot change whose income is reported), the taxpayer id sealed at rest and never returned
 * whole. Each change records `tax_info.updated` in its transaction, for the ledger's copy.
 */
export class TaxInformationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly challenges: Challenges,
    private readonly keys: SecretKeys,
    private readonly origin: ChangeOrigin,
    private readonly now: () => Date,
  ) {}

  /** What the account and its platform see; null for an account outside the US. */
  async view(account: Account): Promise<TaxInformation | null> {
    if (account.country !== 'US') return null;
    const row = await this.dataSource
      .getRepository(TaxInformationRow)
      .findOneBy({ accountId: account.id });
    return viewOf(account, row);
  }

  /** Sends the code that confirms a change of the W-9. */
  start(account: Account, sends = 1): Promise<StartedChallenge> {
    usOnly(account);
    return sendStepUpCode(this.challenges, account, 'tax_info', this.now(), sends);
  }

  async resend(account: Account, challengeId: string): Promise<StartedChallenge> {
    const challenge = await stepUp(() =>
      this.challenges.openOwn(challengeId, 'tax_info', account.id),
    );
    await stepUp(() => this.challenges.retireForResend(challenge));
    return this.start(account, challenge.sends + 1);
  }

  /**
   * Saves a W-9 with its code. Everything is checked before the code, so a typo costs no try;
   * the code is then used up (of parallel saves with one code, one goes through) and the row
   * and its event are written together.
   */
  async save(
    account: Account,
    input: TaxInformationInput,
    challengeId: string,
    code: string,
  ): Promise<TaxInformation> {
    openForChanges(account);
    usOnly(account);
    const tin = checkTin(input.tinType, input.tin);
    if (!tin.ok) throw badInput(tin.message, 'tin');
    const details = checkTaxDetails(input);
    if (!details.ok) throw badInput(details.message, details.field);
    if (input.certify !== true)
      throw badInput('Certify the statements of the W-9 to save it.', 'certify');
    const signature = checkSignature(input.signatureName);
    if (!signature.ok) throw badInput('Type your full name as your signature.', 'signatureName');

    const challenge = await stepUp(() =>
      this.challenges.openOwn(challengeId, 'tax_info', account.id),
    );
    refuseDuringHold(account, 'tax_info', this.now());
    await stepUp(() => this.challenges.check(challenge, code, account, 'code'));
    await stepUp(() => this.challenges.markUsed([challenge.id]));

    const now = this.now();
    const row = await this.change(account, (row) => {
      row.tinType = input.tinType;
      row.tinSealed = seal(tin.digits, this.keys);
      row.tinFingerprint = fingerprintOf(this.keys, input.tinType, tin.digits);
      row.tinLast4 = tin.digits.slice(-4);
      row.legalName = details.value.legalName;
      row.address = details.value.address;
      row.certifiedAt = now;
      row.certifiedName = signature.value;
      row.certificationVersion = W9_CERTIFICATION_VERSION;
      row.certifiedIp = this.origin.clientIp ?? null;
      row.certifiedUserAgent = this.origin.userAgent?.slice(0, 500) ?? null;
      return true;
    });
    return viewOf(account, row);
  }

  /**
   * Gives or withdraws the consent to receive tax forms electronically, recorded with when and
   * from where. No code: withdrawing must stay easy, and giving it reveals nothing.
   */
  async setDeliveryConsent(account: Account, consent: boolean): Promise<TaxInformation> {
    openForChanges(account);
    usOnly(account);
    const now = this.now();
    const row = await this.change(account, (row) => {
      if (row.edeliveryConsent === consent) return false;
      row.edeliveryConsent = consent;
      if (consent) row.edeliveryConsentedAt = now;
      else row.edeliveryWithdrawnAt = now;
      row.edeliveryIp = this.origin.clientIp ?? null;
      row.edeliveryUserAgent = this.origin.userAgent?.slice(0, 500) ?? null;
      return true;
    });
    return viewOf(account, row);
  }

  /**
   * Changes the account's row under a lock (made first if there is none) and records
   * `tax_info.updated` in the same transaction; `apply` answers false when nothing changed.
   */
  private change(
    account: Account,
    apply: (row: TaxInformationRow) => boolean,
  ): Promise<TaxInformationRow> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const row = await lockedRow(manager, account, this.now());
        if (!apply(row)) return row;
        row.updatedAt = this.now();
        await manager.getRepository(TaxInformationRow).save(row);
        await recordEvent(
          manager,
          'identity',
          'tax_info.updated',
          { accountId: account.id, platformId: account.platformId, livemode: account.livemode },
          factsOf(row),
          row.updatedAt,
        );
        return row;
      }),
    );
  }
}

function usOnly(account: Account): void {
  if (account.country !== 'US') throw usAccountsOnly();
}

/** The account's row, locked for the transaction; an empty one is made first when it has none. */
async function lockedRow(
  manager: EntityManager,
  account: Account,
  now: Date,
): Promise<TaxInformationRow> {
  await insertOrLock(manager, 'tax_information', {
    account_id: account.id,
    platform_id: account.platformId,
    livemode: account.livemode,
    edelivery_consent: false,
    updated_at: now,
  });
  return manager
    .getRepository(TaxInformationRow)
    .findOneOrFail({ where: { accountId: account.id }, lock: { mode: 'pessimistic_write' } });
}

/** The saved W-9 as it may be shown, or what onboarding knows to start one with. */
function viewOf(account: Account, row: TaxInformationRow | null): TaxInformation {
  const consent = {
    edeliveryConsent: row?.edeliveryConsent ?? false,
    edeliveryConsentedAt: row?.edeliveryConsentedAt ?? null,
    edeliveryWithdrawnAt: row?.edeliveryWithdrawnAt ?? null,
  };
  if (row?.certifiedAt && row.tinType && row.tinLast4)
    return {
      tinType: TinTypeEnum[row.tinType],
      maskedTin: maskTin(row.tinType, row.tinLast4),
      legalName: row.legalName,
      address: row.address,
      prefilled: false,
      certifiedAt: row.certifiedAt,
      certifiedName: row.certifiedName,
      ...consent,
    };
  const prefill = onboardingPrefill(account.businessType, account.onboardingDetails);
  return {
    tinType: TinTypeEnum[prefill.tinType],
    maskedTin: null,
    legalName: prefill.legalName,
    address: prefill.address,
    prefilled: true,
    certifiedAt: null,
    certifiedName: null,
    ...consent,
  };
}
