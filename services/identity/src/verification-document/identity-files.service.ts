import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { In, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { accountRefOf, type AccountRef } from '@dash/contracts';
import { DashError } from '@dash/errors';
import { newId } from '@dash/ids';
import { Account } from '../account/account.entity.js';
import { accountClosed } from '../account/account.rules.js';
import { requirementFactsOf } from '../onboarding/requirements.rules.js';
import { documentRequirements } from './document-requirements.rules.js';
import { cleanFileName, DOCUMENT_MIME_TYPES, isTestDocument } from './document-review.rules.js';
import { IdentityFile } from './identity-file.entity.js';

export const IDENTITY_DOCUMENT_PURPOSE = 'identity_document';

export interface IdentityFileLimits {
  /** One file's bytes at most. */
  maxBytes: number;
  /** Files one account may upload in a day, used or not. */
  perDay: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The bytes as a prepared statement's binary parameter on the transaction's connection: a plain
 * query would send them hex-encoded, twice their size, past MariaDB's default 16 MiB packet for
 * a 10 MB file.
 */
async function insertBytes(manager: EntityManager, fileId: string, bytes: Buffer): Promise<void> {
  const connection = (await manager.queryRunner!.connect()) as {
    promise(): { execute(sql: string, values: unknown[]): Promise<unknown> };
  };
  await connection
    .promise()
    .execute('INSERT INTO identity_file_bytes (file_id, bytes) VALUES (?, ?)', [fileId, bytes]);
}

/** The account row, locked for the rest of the transaction: its uploads and documents queue here. */
export async function lockedOpenAccount(manager: EntityManager, accountId: string) {
  const account = await manager
    .getRepository(Account)
    .findOne({ where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
  if (!account || account.closedAt) throw accountClosed();
  return account;
}

/**
 * Identity documents' files: the type is read from the bytes (never the name or the declared
 * type), the size capped, test-mode files kept out of live mode, and a file taken only while the
 * account is asked for a document, at most `perDay` a day. The row and its bytes are written in
 * one transaction in identity's own database.
 */
export class IdentityFiles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: IdentityFileLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async upload(owner: AccountRef, filename: string, bytes: Buffer): Promise<IdentityFile> {
    if (bytes.length === 0)
      throw new DashError('BAD_USER_INPUT', 'The file is empty.', { reason: 'FILE_EMPTY' });
    if (bytes.length > this.limits.maxBytes)
      throw new DashError(
        'BAD_USER_INPUT',
        `Files can be at most ${Math.floor(this.limits.maxBytes / 1024 / 1024)} MB.`,
        { reason: 'FILE_TOO_LARGE', maxBytes: this.limits.maxBytes },
      );
    const type = await fileTypeFromBuffer(bytes);
    if (!type || !DOCUMENT_MIME_TYPES.has(type.mime))
      throw new DashError('BAD_USER_INPUT', 'Documents must be JPEG, PNG or PDF files.', {
        reason: 'FILE_TYPE_NOT_ALLOWED',
      });
    if (owner.livemode && isTestDocument(bytes))
      throw new DashError('BAD_USER_INPUT', 'Test documents cannot be used in live mode.', {
        reason: 'TEST_FILE_IN_LIVE_MODE',
      });
    const now = this.now();
    const id = newId('file');
    const file = this.dataSource.getRepository(IdentityFile).create({
      id,
      ...accountRefOf(owner),
      purpose: IDENTITY_DOCUMENT_PURPOSE,
      filename: cleanFileName(filename, type.ext),
      mimeType: type.mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      const account = await lockedOpenAccount(manager, owner.accountId);
      if (!documentRequirements(requirementFactsOf(account)).some((document) => document.due))
        throw new DashError(
          'FAILED_PRECONDITION',
          'Documents can be uploaded only while one is asked for.',
          { reason: 'NO_DOCUMENT_REQUESTED' },
        );
      const today = await manager.getRepository(IdentityFile).countBy({
        accountId: owner.accountId,
        createdAt: MoreThan(new Date(now.getTime() - DAY_MS)),
      });
      if (today >= this.limits.perDay)
        throw new DashError('RATE_LIMITED', 'Too many files today. Try again tomorrow.', {
          reason: 'FILE_QUOTA_EXCEEDED',
        });
      await manager.getRepository(IdentityFile).insert(file);
      await insertBytes(manager, id, bytes);
    });
    return file;
  }

  /**
   * The account's own files by id, with their bytes, in the order asked; NOT_FOUND (naming
   * `fields[i]`) for any that is not the account's, in its mode.
   */
  async ownFiles(
    manager: EntityManager,
    owner: AccountRef,
    ids: Array<{ id: string; field: string }>,
  ): Promise<Array<IdentityFile & { bytes: Buffer }>> {
    const found = await manager
      .getRepository(IdentityFile)
      .findBy({ id: In(ids.map(({ id }) => id)), ...accountRefOf(owner) });
    const rows = (await manager.query(
      `SELECT file_id, bytes FROM identity_file_bytes WHERE file_id IN (${ids.map(() => '?').join(', ')})`,
      ids.map(({ id }) => id),
    )) as Array<{ file_id: string; bytes: Buffer }>;
    return ids.map(({ id, field }) => {
      const file = found.find((candidate) => candidate.id === id);
      const stored = rows.find((row) => row.file_id === id);
      if (!file || !stored)
        throw new DashError('NOT_FOUND', `No such file: ${id}`, {
          field,
          reason: 'FILE_NOT_FOUND',
        });
      return Object.assign(file, { bytes: stored.bytes });
    });
  }
}
