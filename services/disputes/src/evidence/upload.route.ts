import type { SecretKeys } from '@dash/config';
import express, { type Router } from 'express';
import type { Caller } from '@dash/auth-context';
import { callerRoute, type Access } from '@dash/subgraph';
import { DashError } from '@dash/errors';
import type { EvidenceFiles } from './evidence-files.service.js';
import type { UploadOwners } from './upload-owner.service.js';

export const UPLOAD_PATH = '/files';

/** The file's name from `x-file-name` (percent-encoded, so any name fits in a header). */
function fileNameOf(header: string | string[] | undefined): string {
  try {
    return decodeURIComponent(typeof header === 'string' ? header : '');
  } catch {
    throw new DashError('BAD_USER_INPUT', 'The file name is not percent-encoded UTF-8.', {
      field: 'x-file-name',
    });
  }
}

/**
 * POST /files — the file's bytes as the body, its name in `x-file-name` — for the signed-in
 * account, or a platform with `?account=acct_…` (through the gateway), while that account has
 * a dispute to answer: answers the file's id for the evidence form.
 */
export function uploadRoute(
  secret: SecretKeys,
  files: EvidenceFiles,
  owners: UploadOwners,
  accessFor: (caller: Caller) => Access,
  maxBytes: number,
): Router {
  return callerRoute(
    UPLOAD_PATH,
    secret,
    async (caller, req, res) => {
      // Malformed input is refused before anything is looked up.
      const name = fileNameOf(req.headers['x-file-name']);
      const owner = await owners.ownerFor(accessFor(caller), req.query.account);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = await files.upload(owner, name, bytes);
      res.status(201).json({
        id: file.id,
        filename: file.filename,
        mimeType: file.mimeType,
        size: file.size,
      });
    },
    // Read a little past the limit, so a file too large gets our answer, not the parser's.
    { method: 'post', body: express.raw({ type: () => true, limit: maxBytes + 1024 * 1024 }) },
  );
}
