import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The page's one inline script is its import map (browsers take no import map from a file), so
 * the policy allows exactly that script by its hash — any other inline script, or one injected
 * into the page, does not run.
 */
export function importMapHash(page: string): string {
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(page)?.[1];
  if (importMap === undefined) throw new Error('The page has no import map');
  return `'sha256-${createHash('sha256').update(importMap).digest('base64')}'`;
}

/**
 * The headers with which the page defends itself (helmet): scripts from this origin only
 * (plus the import map, by hash), no framing by any site (clickjacking), no content-type
 * sniffing, no Referer — the login and onboarding URLs carry single-use secrets — and, in
 * production (https), HSTS. Styles may be inline: the micro-frontends' builds inject theirs.
 */
export function securityHeaders(options: {
  /** The page as served now (it changes when a build does, in development). */
  page: () => string;
  https: boolean;
}): RequestHandler {
  let hashed = { page: '', hash: '' };
  const pageHash = () => {
    const page = options.page();
    if (hashed.page !== page) hashed = { page, hash: importMapHash(page) };
    return hashed.hash;
  };
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", pageHash],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https
      ? { maxAge: 365 * 24 * 3600, includeSubDomains: true }
      : false,
  });
}
