import type { SecretKeys } from '@dash/config';
import express, { type Router } from 'express';
import { callerRoute, DashError } from '@dash/subgraph';
import type { EvidenceFiles } from './evidence-files.js';

export const UPLOAD_PATH = '/files';

/**
 * POST /files — the file's bytes as the body, its name in `x-file-name` — for the signed-in
 * account (through the gateway): answers the file's id for the evidence form.
 */
export function uploadRoute(secret: SecretKeys, files: EvidenceFiles, maxBytes: number): Router {
  return callerRoute(
    UPLOAD_PATH,
    secret,
    async (caller, req, res) => {
      if (caller.kind !== 'account')
        throw new DashError(
          'FORBIDDEN',
          'Evidence is uploaded by the account, from its dashboard.',
        );
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = await files.upload(caller, name, bytes);
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
