/**
 * How identity hands a session to the gateway, which alone turns it into the browser's cookie:
 * a response header "set <token> <expiresAt ISO>" after sign-in, or "clear" after sign-out.
 */
export const SESSION_HEADER = 'x-dash-session';

export type SessionHandover =
  { action: 'set'; token: string; expiresAt: Date } | { action: 'clear' };

export function formatSessionHeader(handover: SessionHandover): string {
  return handover.action === 'set'
    ? `set ${handover.token} ${handover.expiresAt.toISOString()}`
    : 'clear';
}

/** Anything that is not a complete "set" is read as "clear": a broken header never signs in. */
export function parseSessionHeader(value: string): SessionHandover {
  const [action, token, expiresAt] = value.split(' ');
  const expires = expiresAt ? new Date(expiresAt) : undefined;
  return action === 'set' && token && expires && !Number.isNaN(expires.getTime())
    ? { action: 'set', token, expiresAt: expires }
    : { action: 'clear' };
}
