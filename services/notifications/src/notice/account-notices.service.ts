import { preparedEntities } from '@dash/db';
import { IsNull, type DataSource } from 'typeorm';
import { DashError, notFound } from '@dash/errors';
import { newId } from '@dash/ids';
import { touchReads } from '@dash/read-cache';
import type { AccountRef, Tenant } from '@dash/contracts';
import { AccountNotice, type NoticeKind } from './account-notice.entity.js';

export interface NewNotice {
  kind: NoticeKind;
  title: string;
  body: string;
  actionLabel?: string | undefined;
  actionUrl?: string | undefined;
  dueBy?: Date | undefined;
}

/**
 * A dashboard path, or an https address: nothing that could run script in the dashboard. A path
 * starts with exactly one slash: `//host/x` is protocol-relative, an address on another site
 * that the banner would show as if it were one of ours.
 */
const SAFE_ACTION = /^(\/(?!\/)[\w\-/?=&%.]*|https:\/\/[^\s]+)$/;

/** Notices platforms put in front of their accounts (in the banner) until they resolve them. */
export class AccountNotices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The banner's notices, oldest first (read on every signed-in page: a prepared read). */
  open(account: AccountRef): Promise<AccountNotice[]> {
    return preparedEntities(
      this.dataSource,
      AccountNotice,
      `WHERE account_id = ? AND platform_id = ? AND livemode = ? AND resolved_at IS NULL
       ORDER BY created_at ASC LIMIT 20`,
      [account.accountId, account.platformId, account.livemode],
    );
  }

  async create(owner: AccountRef, notice: NewNotice): Promise<AccountNotice> {
    if (notice.actionUrl && !SAFE_ACTION.test(notice.actionUrl))
      throw new DashError(
        'BAD_USER_INPUT',
        'actionUrl must be a dashboard path (/settings) or an https address.',
        {
          field: 'actionUrl',
        },
      );
    const row = this.dataSource.getRepository(AccountNotice).create({
      id: newId('notice'),
      ...owner,
      kind: notice.kind,
      title: notice.title.trim(),
      body: notice.body.trim(),
      actionLabel: notice.actionLabel?.trim() || null,
      actionUrl: notice.actionUrl ?? null,
      dueBy: notice.dueBy ?? null,
      resolvedAt: null,
      createdAt: this.now(),
    });
    await this.dataSource.getRepository(AccountNotice).insert(row);
    await touchReads(this.dataSource.manager, { accountId: owner.accountId });
    return row;
  }

  async resolve(platform: Tenant, id: string): Promise<AccountNotice> {
    const repository = this.dataSource.getRepository(AccountNotice);
    const notice = await repository.findOneBy({ id, ...platform });
    if (!notice) throw notFound('notice', id);
    if (!notice.resolvedAt) {
      notice.resolvedAt = this.now();
      await repository.update({ id, resolvedAt: IsNull() }, { resolvedAt: notice.resolvedAt });
      await touchReads(this.dataSource.manager, { accountId: notice.accountId });
    }
    return notice;
  }
}
