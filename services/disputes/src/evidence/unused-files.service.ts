import { In, type DataSource } from 'typeorm';
import type { Logger } from '@dash/logger';
import { Dispute } from '../dispute/dispute.entity.js';
import { DisputeFile } from './evidence-file.entity.js';
import { fileIdsOf } from './evidence.rules.js';
import type { FileStorage } from './file-storage.service.js';

const DAY = 24 * 3600 * 1000;
const BATCH = 500;

interface FileRow {
  id: string;
  account_id: string;
  storage_key: string;
  created_at: Date;
}

/**
 * Deletes evidence files that no dispute's evidence names once they are `keepDays` old: an
 * upload that was never attached (or was replaced) stops taking storage. A scheduled chore;
 * safe to run twice at once (deleting what is gone already is no error).
 */
export class UnusedFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly keepDays: number,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Answers how many files it deleted. */
  async deleteExpired(): Promise<number> {
    const before = new Date(this.now().getTime() - this.keepDays * DAY);
    let after = { createdAt: new Date(0), id: '' };
    let deleted = 0;
    for (;;) {
      const batch = await this.oldFiles(before, after);
      const used = await this.usedFileIds([...new Set(batch.map((file) => file.account_id))]);
      for (const file of batch.filter((candidate) => !used.has(candidate.id)))
        if (await this.delete(file)) deleted += 1;
      if (batch.length < BATCH) return deleted;
      const last = batch[batch.length - 1]!;
      after = { createdAt: new Date(last.created_at), id: last.id };
    }
  }

  /** Files older than `before`, a page at a time after `after` (files in use stay behind). */
  private oldFiles(before: Date, after: { createdAt: Date; id: string }): Promise<FileRow[]> {
    return this.dataSource.query(
      `SELECT id, account_id, storage_key, created_at FROM dispute_files
        WHERE created_at < ? AND (created_at > ? OR (created_at = ? AND id > ?))
        ORDER BY created_at, id LIMIT ${BATCH}`,
      [before, after.createdAt, after.createdAt, after.id],
    ) as Promise<FileRow[]>;
  }

  /** Every file these accounts' disputes name as evidence, draft or submitted. */
  private async usedFileIds(accountIds: string[]): Promise<Set<string>> {
    if (!accountIds.length) return new Set();
    const disputes = await this.dataSource
      .getRepository(Dispute)
      .find({ select: { id: true, evidence: true }, where: { accountId: In(accountIds) } });
    return new Set(disputes.flatMap((dispute) => fileIdsOf(dispute.evidence)));
  }

  /**
   * The bytes first, then the row: if the row outlives a failure, the next run finds it again
   * and finishes, whereas bytes left without a row would never be found.
   */
  private async delete(file: FileRow): Promise<boolean> {
    try {
      await this.storage.delete(file.storage_key);
      await this.dataSource.getRepository(DisputeFile).delete({ id: file.id });
      return true;
    } catch (error) {
      this.log.warn({ err: error, fileId: file.id }, 'unused evidence file not deleted yet');
      return false;
    }
  }
}
