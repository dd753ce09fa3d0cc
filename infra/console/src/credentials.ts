import type { IncomingHttpHeaders } from 'node:http';

/**
 * The secret a request presents: `Authorization: Bearer <token>` for scripts, or HTTP Basic with
 * the token as password (any user name) so a browser can open the console with its own prompt.
 */
export function presentedSecret(headers: IncomingHttpHeaders): string | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return undefined;
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value;
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      return separator < 0 ? undefined : decoded.slice(separator + 1) || undefined;
    }
    default:
      return undefined;
  }
}
