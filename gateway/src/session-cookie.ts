import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'dash_session';
/** How identity hands over a session: "set <token> <expiresAt>" or "clear". */
export const SESSION_HEADER = 'x-dash-session';

export function sessionTokenOf(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[SESSION_COOKIE] : undefined;
}

/**
 * Turns identity's session header into the browser's cookie: httpOnly (scripts cannot read it),
 * SameSite=Lax (other sites cannot send it with their requests), Secure outside development.
 */
export function applySessionHeader(value: string, response: ServerResponse, secure: boolean): void {
  const [action, token, expiresAt] = value.split(' ');
  const base = { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  const cookie =
    action === 'set' && token && expiresAt
      ? serialize(SESSION_COOKIE, token, { ...base, expires: new Date(expiresAt) })
      : serialize(SESSION_COOKIE, '', { ...base, maxAge: 0 });
  response.appendHeader('set-cookie', cookie);
}
