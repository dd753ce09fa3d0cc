import type { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { fileUploadRoute, type Access } from '@dash/subgraph';
import type { EvidenceFiles } from './evidence-files.service.js';
import type { UploadOwners } from './upload-owner.service.js';

export const UPLOAD_PATH = '/files';

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
  return fileUploadRoute(UPLOAD_PATH, secret, maxBytes, async (caller, { name, bytes, query }) => {
    const owner = await owners.ownerFor(accessFor(caller), query.account);
    const file = await files.upload(owner, name, bytes);
    return { id: file.id, filename: file.filename, mimeType: file.mimeType, size: file.size };
  });
}
