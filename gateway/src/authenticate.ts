import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Caller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { ApiKeyVerifier } from './api-keys.js';
import type { GatewayConfig } from './config.js';

const BEARER = /^Bearer\s+(\S+)$/i;

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
 * `Authorization: Bearer sk_…`; in development, the configured demo account; else anonymous.
 * Subgraphs only ever see the signed result.
 */
export async function authenticate(
  request: IncomingMessage,
  config: Pick<GatewayConfig, 'devAccount'>,
  apiKeys: ApiKeyVerifier,
): Promise<Caller> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const secret = BEARER.exec(authorization)?.[1];
    const caller = secret ? await apiKeys.verify(secret) : undefined;
    if (!caller) throw invalidKey();
    return caller;
  }
  if (config.devAccount) return { kind: 'account', ...config.devAccount, livemode: false };
  return ANONYMOUS;
}
