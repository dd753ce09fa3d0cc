import { timingSafeEqual } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { isURL } from 'class-validator';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import type { Account } from '../account/account.entity.js';
import { openForChanges } from '../account/account.rules.js';
import { hashSecret } from '../api-key/secret-key.rules.js';
import { randomToken } from '../login/challenge.service.js';
import { LOGIN_RULES } from '../login/login.service.js';
import { AccountLinkRow } from './account-link.entity.js';

export type AccountLinkType = AccountLinkRow['type'];

/**
 * A refusal that sends the browser back to the platform: the platform's refresh URL makes a
 * new link. Without a recognisable link there is no URL to go to.
 */
const linkRefused = (reason: string, message: string, refreshUrl?: string) =>
  new DashError('UNAUTHENTICATED', message, { reason, ...(refreshUrl ? { refreshUrl } : {}) });

/** Where a platform may send the browser: its own web address; https in live mode. */
function checkUrl(url: string, field: string, livemode: boolean): string {
  const protocols = livemode ? ['https'] : ['http', 'https'];
  if (!isURL(url, { protocols, require_protocol: true, require_tld: livemode }))
    throw new DashError(
      'BAD_USER_INPUT',
      `${field} must be an absolute ${livemode ? 'https' : 'http(s)'} URL.`,
      { field },
    );
  return url;
}

/**
 * Account links: how a platform sends an account's owner into hosted onboarding. The URL holds
 * the link's id and a secret, /onboarding/<id>/<secret> (only the secret's hash is kept), so an expired, used or tampered
 * link is still recognised and its browser sent to the platform's refresh URL.
 */
export class AccountLinks {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboardUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(
    account: Account,
    type: AccountLinkType,
    urls: { refreshUrl: string; returnUrl: string },
  ): Promise<{ url: string; createdAt: Date; expiresAt: Date }> {
    openForChanges(account);
    const refreshUrl = checkUrl(urls.refreshUrl, 'refreshUrl', account.livemode);
    const returnUrl = checkUrl(urls.returnUrl, 'returnUrl', account.livemode);
    const id = newId('accountLink');
    const secret = randomToken();
    const createdAt = this.now();
    // As long as a login link: five minutes.
    const expiresAt = new Date(createdAt.getTime() + LOGIN_RULES.linkTtlMs);
    await this.dataSource.getRepository(AccountLinkRow).insert({
      id,
      accountId: account.id,
      type,
      tokenHash: hashSecret(secret),
      refreshUrl,
      returnUrl,
      createdAt,
      expiresAt,
      usedAt: null,
    });
    return {
      url: new URL(`/onboarding/${id}/${secret}`, this.dashboardUrl).toString(),
      createdAt,
      expiresAt,
    };
  }

  /** Uses a link up (once, whatever the race) and returns it. */
  async redeem(token: string): Promise<AccountLinkRow> {
    const [id, secret, extra] = token.split('/');
    const links = this.dataSource.getRepository(AccountLinkRow);
    const link = id && secret && extra === undefined ? await links.findOneBy({ id }) : null;
    if (!link) throw linkRefused('LINK_INVALID', 'This onboarding link is not valid.');
    const given = Buffer.from(hashSecret(secret!));
    if (!timingSafeEqual(given, Buffer.from(link.tokenHash)))
      throw linkRefused('LINK_INVALID', 'This onboarding link is not valid.', link.refreshUrl);
    const used = () =>
      linkRefused('LINK_USED', 'This onboarding link has already been used.', link.refreshUrl);
    if (link.usedAt) throw used();
    if (link.expiresAt <= this.now())
      throw linkRefused('LINK_EXPIRED', 'This onboarding link has expired.', link.refreshUrl);
    const claimed = await links.update({ id: link.id, usedAt: IsNull() }, { usedAt: this.now() });
    if (!claimed.affected) throw used();
    return link;
  }

  find(id: string): Promise<AccountLinkRow | null> {
    return this.dataSource.getRepository(AccountLinkRow).findOneBy({ id });
  }
}
