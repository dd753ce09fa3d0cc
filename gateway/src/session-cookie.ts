import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'cookie';
import { parseSessionHeader } from '@dash/auth-context';

export const SESSION_COOKIE = 'dash_session';

export function sessionTokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/**
 * Turns identity's session header into the browser's cookie: httpOnly (scripts cannot read it),
 * SameSite=Lax (other sites cannot send it with their requests), Secure outside development.
 */
export function applySessionHeader(value: string, response: ServerResponse, secure: boolean): void {
  const handover = parseSessionHeader(value);
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  const cookie =
    handover.action === 'set'
      ? serialize(SESSION_COOKIE, handover.token, { ...base, expires: handover.expiresAt })
      : serialize(SESSION_COOKIE, '', { ...base, maxAge: 0 });
  response.appendHeader('set-cookie', cookie);
}
