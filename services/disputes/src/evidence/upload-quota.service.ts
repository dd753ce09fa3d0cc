import type { EntityManager } from 'typeorm';
import { insertOrLock } from '@dash/db';
import { DashError } from '@dash/errors';

const DAY = 24 * 3600 * 1000;

/** How much one account may upload as evidence in a window of days. */
export interface UploadLimits {
  filesPerAccount: number;
  bytesPerAccount: number;
  windowDays: number;
}

interface Usage {
  windowStartedAt: Date;
  files: number;
  bytes: number;
}

interface UsageRow {
  window_started_at: Date;
  files: number | string;
  bytes: number | string;
}

/**
 * Each account's evidence uploads, counted in `dispute_file_usage`: at most so many files and
 * so many bytes per window, used or not. The window starts at the first upload after the last
 * one ended. Counts only grow within a window (deleting an unused file gives nothing back), so
 * uploading and waiting for the clean-up does not reset them.
 */
export class UploadQuota {
  constructor(private readonly limits: UploadLimits) {}

  /**
   * Refuses early, before the bytes are stored, when the account is already at its limit. A
   * read without a lock, so only a shortcut: `take` decides.
   */
  async check(manager: EntityManager, accountId: string, size: number, now: Date): Promise<void> {
    const row = await this.read(manager, accountId, '');
    if (row) this.refuseOver(this.current(row, now), size);
  }

  /**
   * Counts one more file of `size` bytes, inside the caller's transaction, which inserts the
   * file: the account's usage row stays locked until it commits, so parallel uploads take
   * their turns and no more than the limit pass. The first upload makes the row.
   */
  async take(manager: EntityManager, accountId: string, size: number, now: Date): Promise<void> {
    await insertOrLock(manager, 'dispute_file_usage', {
      account_id: accountId,
      window_started_at: now,
      files: 0,
      bytes: 0,
    });
    const row = await this.read(manager, accountId, 'FOR UPDATE');
    if (!row) throw new Error(`no upload usage row for ${accountId}`);
    const usage = this.current(row, now);
    this.refuseOver(usage, size);
    await manager.query(
      'UPDATE dispute_file_usage SET window_started_at = ?, files = ?, bytes = ? WHERE account_id = ?',
      [usage.windowStartedAt, usage.files + 1, usage.bytes + size, accountId],
    );
  }

  private async read(
    manager: EntityManager,
    accountId: string,
    lock: '' | 'FOR UPDATE',
  ): Promise<UsageRow | undefined> {
    const [row] = (await manager.query(
      `SELECT window_started_at, files, bytes FROM dispute_file_usage WHERE account_id = ? ${lock}`,
      [accountId],
    )) as UsageRow[];
    return row;
  }

  /** The usage in the window `now` falls in: a window that ended starts again from nothing. */
  private current(row: UsageRow, now: Date): Usage {
    const started = new Date(row.window_started_at);
    if (now.getTime() - started.getTime() >= this.limits.windowDays * DAY)
      return { windowStartedAt: now, files: 0, bytes: 0 };
    return { windowStartedAt: started, files: Number(row.files), bytes: Number(row.bytes) };
  }

  private refuseOver(usage: Usage, size: number): void {
    const { filesPerAccount, bytesPerAccount, windowDays } = this.limits;
    if (usage.files + 1 <= filesPerAccount && usage.bytes + size <= bytesPerAccount) return;
    const retryAfter = new Date(usage.windowStartedAt.getTime() + windowDays * DAY);
    throw new DashError(
      'RATE_LIMITED',
      `This account has uploaded as many evidence files as it may until ${retryAfter.toISOString()}.`,
      {
        reason: 'FILE_QUOTA_EXCEEDED',
        limit: usage.files + 1 > filesPerAccount ? 'files' : 'bytes',
        filesPerAccount,
        bytesPerAccount,
        windowDays,
        retryAfter: retryAfter.toISOString(),
      },
    );
  }
}
