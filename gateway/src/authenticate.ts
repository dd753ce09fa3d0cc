import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Caller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { GatewayConfig } from './config.js';
import type { IdentityCheck } from './identity-check.js';
import { sessionTokenOf } from './session-cookie.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/** The secret key of `Authorization: Bearer sk_…`, if the header has that shape. */
export const bearerTokenOf = (request: Pick<IncomingMessage, 'headers'>): string | undefined => {
  const authorization = request.headers.authorization;
  return authorization ? BEARER.exec(authorization)?.[1] : undefined;
};

const invalidKey = () =>
  new DashError(
    'UNAUTHENTICATED',
    'Invalid API key. Check the Authorization header (Bearer sk_…).',
    {
      http: { status: 401 },
    },
  );

/**
 * Decides who is calling, once per request, at the edge: a platform by its secret key in
 * `Authorization: Bearer sk_…`, an account by its session cookie, in development the configured
 * demo account, else nobody. Subgraphs only ever see the signed result.
 */
export async function authenticate(
  request: Pick<IncomingMessage, 'headers'>,
  config: Pick<GatewayConfig, 'devAccount' | 'nodeEnv'>,
  identity: IdentityCheck,
): Promise<Caller> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const apiKey = bearerTokenOf(request);
    const caller = apiKey ? await identity.verify({ apiKey }) : undefined;
    if (!caller) throw invalidKey();
    return caller;
  }
  const sessionToken = sessionTokenOf(request, config.nodeEnv === 'production');
  if (sessionToken) {
    // An ended session is simply signed out: the dashboard shows its sign-in screen.
    const caller = await identity.verify({ sessionToken });
    if (caller) return caller;
  }
  if (config.devAccount) return { kind: 'account', ...config.devAccount, livemode: false };
  return ANONYMOUS;
}
