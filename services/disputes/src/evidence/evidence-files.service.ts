import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { In, type DataSource } from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import { touchReads } from '@dash/read-cache';
import type { Dispute } from '../dispute/dispute.entity.js';
import { DisputeFile } from './evidence-file.entity.js';
import { fileIdsOf } from './evidence.rules.js';
import type { FileStorage } from './file-storage.service.js';
import { UploadQuota, type UploadLimits } from './upload-quota.service.js';

/** What evidence may be: documents and pictures networks accept. */
const ALLOWED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

/** How large one file may be, and how much one account may upload. */
export interface EvidenceFileLimits extends UploadLimits {
  maxBytes: number;
}

/**
 * Evidence uploads: the type is read from the bytes themselves (not the name or the header the
 * browser sent), the size is capped, each account's uploads count against its quota, and the
 * file is kept under a key of ours.
 */
export class EvidenceFiles {
  private readonly maxBytes: number;
  private readonly quota: UploadQuota;

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    limits: EvidenceFileLimits,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.maxBytes = limits.maxBytes;
    this.quota = new UploadQuota(limits);
  }

  /** Keeps `bytes` as evidence of `owner`, the account that answers a dispute with it. */
  async upload(owner: AccountRef, filename: string, bytes: Buffer): Promise<DisputeFile> {
    if (bytes.length === 0)
      throw new DashError('BAD_USER_INPUT', 'The file is empty.', { reason: 'FILE_EMPTY' });
    if (bytes.length > this.maxBytes)
      throw new DashError(
        'BAD_USER_INPUT',
        `Files can be at most ${Math.floor(this.maxBytes / 1024 / 1024)} MB.`,
        {
          reason: 'FILE_TOO_LARGE',
          maxBytes: this.maxBytes,
        },
      );
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !ALLOWED_TYPES.has(type.mime))
      throw new DashError('BAD_USER_INPUT', 'Evidence files must be PDF, PNG or JPEG.', {
        reason: 'FILE_TYPE_NOT_ALLOWED',
      });
    const now = this.now();
    await this.quota.check(this.dataSource.manager, owner.accountId, bytes.length, now);
    const id = newId('file');
    const file = this.dataSource.getRepository(DisputeFile).create({
      id,
      ...accountRefOf(owner),
      filename: cleanName(filename, type.ext),
      mimeType: type.mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey: `${owner.accountId}/${id}.${type.ext}`,
      createdAt: now,
    });
    // The bytes first, outside the lock (a slow store holds no one up); then the quota and the
    // row in one transaction. A refused or failed upload takes its bytes back, so no file is
    // left that no row describes.
    await this.storage.put(file.storageKey, bytes);
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.quota.take(manager, owner.accountId, file.size, now);
        await manager.getRepository(DisputeFile).insert(file);
        await touchReads(manager, { accountId: owner.accountId });
      });
    } catch (error) {
      await this.storage.delete(file.storageKey);
      throw error;
    }
    return file;
  }

  /** The files a dispute's evidence names. */
  namedBy(dispute: Dispute): Promise<DisputeFile[]> {
    const ids = fileIdsOf(dispute.evidence);
    if (!ids.length) return Promise.resolve([]);
    return this.dataSource
      .getRepository(DisputeFile)
      .findBy({ id: In(ids), accountId: dispute.accountId });
  }
}

/** A name to show: no path, no control characters, at most 200 characters. */
function cleanName(name: string, ext: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()
    ?.replace(/[\p{Cc}]/gu, '')
    .trim()
    .slice(0, 200);
  return base || `evidence.${ext}`;
}
