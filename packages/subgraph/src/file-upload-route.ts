import express, { type Request, type Router } from 'express';
import type { Caller } from '@dash/auth-context';
import type { SecretKeys } from '@dash/config';
import { DashError } from '@dash/errors';
import { callerRoute } from './internal-routes.js';

/** A file as the gateway forwards it: the body's bytes, its name from `x-file-name`. */
export interface Upload {
  name: string;
  bytes: Buffer;
  query: Request['query'];
}

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
 * POST `path` for files the gateway forwards (dispute evidence, identity documents): the raw
 * body is the file, at most `maxBytes`; `accept` stores it and answers what the caller is told
 * (201). Malformed names are refused before `accept` looks anything up.
 */
export function fileUploadRoute(
  path: string,
  secret: SecretKeys,
  maxBytes: number,
  accept: (caller: Caller, upload: Upload) => Promise<object>,
): Router {
  return callerRoute(
    path,
    secret,
    async (caller, req, res) => {
      const name = fileNameOf(req.headers['x-file-name']);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.status(201).json(await accept(caller, { name, bytes, query: req.query }));
    },
    // Read a little past the limit, so a file too large gets our answer, not the parser's.
    { method: 'post', body: express.raw({ type: () => true, limit: maxBytes + 1024 * 1024 }) },
  );
}
