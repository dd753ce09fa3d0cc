import type { Router } from 'express';
import type { Caller } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { DashError } from '@dash/errors';
import { fileUploadRoute, type Access } from '@dash/subgraph';
import { documentOwner } from './document-owner.service.js';
import { IDENTITY_DOCUMENT_PURPOSE, type IdentityFiles } from './identity-files.service.js';

/** The gateway sends uploads here by their purpose (dispute evidence goes to disputes). */
export const IDENTITY_FILE_PATH = '/files';

/**
 * POST /files?purpose=identity_document — the page's bytes as the body, its name in
 * `x-file-name` — for the account itself (signed in, or in onboarding), or its platform with
 * `&account=acct_…`: answers the file's id, to name in attachVerificationDocument.
 */
export function identityFileRoute(
  secret: SecretKeys,
  files: IdentityFiles,
  accessFor: (caller: Caller) => Access,
  maxBytes: number,
): Router {
  return fileUploadRoute(
    IDENTITY_FILE_PATH,
    secret,
    maxBytes,
    async (caller, { name, bytes, query }) => {
      // Malformed input is refused before anything is looked up.
      if (query.purpose !== IDENTITY_DOCUMENT_PURPOSE)
        throw new DashError('BAD_USER_INPUT', 'Identity accepts purpose=identity_document only.', {
          field: 'purpose',
        });
      const owner = await documentOwner(accessFor(caller), query.account);
      const file = await files.upload(owner.account, name, bytes);
      return {
        id: file.id,
        purpose: file.purpose,
        filename: file.filename,
        mimeType: file.mimeType,
        size: file.size,
      };
    },
  );
}
