import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Caller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { GatewayConfig } from './config.js';
import type { IdentityCheck } from './identity-check.js';
import { sessionTokenOf } from './session-cookie.js';
import { fromOwnSite } from './same-origin.js';
import { isClientSecretCall } from './embedded/embed-cors.js';

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

const invalidClientSecret = () =>
  new DashError(
    'UNAUTHENTICATED',
    'This client secret does not open embedded components here: it has expired, or this page’s origin is not one the platform listed. Create a new account session.',
    { http: { status: 401 } },
  );

/**
 * Decides who is calling, once per request, at the edge: a platform by its secret key in
 * `Authorization: Bearer sk_…`, a platform's embedded components by an account session's
 * client secret (`Bearer acss_…`, from the page's origin), an account by its session cookie —
 * only on requests from the dashboard's own pages — in development the configured demo account,
 * else nobody. Subgraphs only ever see the signed result.
 */
export async function authenticate(
  request: Pick<IncomingMessage, 'headers'>,
  config: Pick<GatewayConfig, 'devAccount' | 'nodeEnv'>,
  identity: IdentityCheck,
): Promise<Caller> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const token = bearerTokenOf(request);
    if (isClientSecretCall(token)) {
      const origin = request.headers.origin;
      const caller =
        typeof origin === 'string'
          ? await identity.verify({ clientSecret: token, origin })
          : undefined;
      if (!caller) throw invalidClientSecret();
      return caller;
    }
    const caller = token ? await identity.verify({ apiKey: token }) : undefined;
    if (!caller) throw invalidKey();
    return caller;
  }
  const sessionToken = sessionTokenOf(request, config.nodeEnv === 'production');
  // Another site's page (even a sibling subdomain, which SameSite lets send the cookie) never
  // acts with the account's session.
  if (sessionToken && fromOwnSite(request)) {
    // An ended session is simply signed out: the dashboard shows its sign-in screen.
    const caller = await identity.verify({ sessionToken });
    if (caller) return caller;
  }
  if (config.devAccount) return { kind: 'account', ...config.devAccount, livemode: false };
  return ANONYMOUS;
}
