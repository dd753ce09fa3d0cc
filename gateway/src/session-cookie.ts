import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'cookie';
import { parseSessionHeader } from '@dash/auth-context';

/** The session cookie over plain http (development and tests). */
export const SESSION_COOKIE = 'dash_session';
/**
 * In production: the `__Host-` prefix makes the browser accept the cookie only if it is Secure,
 * has Path=/ and no Domain — so a sibling subdomain cannot plant a session of its choosing.
 */
export const HOST_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export const sessionCookieName = (secure: boolean) =>
  secure ? HOST_SESSION_COOKIE : SESSION_COOKIE;

/** The browser's session token; in production only from the `__Host-` cookie. */
export function sessionTokenOf(
  request: Pick<IncomingMessage, 'headers'>,
  secure: boolean,
): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[sessionCookieName(secure)] : undefined;
}

/**
 * Turns identity's session header into the browser's cookie: httpOnly (scripts cannot read it),
 * SameSite=Lax (other sites cannot send it with their requests), Secure and `__Host-` outside
 * development.
 */
export function applySessionHeader(value: string, response: ServerResponse, secure: boolean): void {
  const handover = parseSessionHeader(value);
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  const name = sessionCookieName(secure);
  const cookie =
    handover.action === 'set'
      ? serialize(name, handover.token, { ...base, expires: handover.expiresAt })
      : serialize(name, '', { ...base, maxAge: 0 });
  response.appendHeader('set-cookie', cookie);
}
