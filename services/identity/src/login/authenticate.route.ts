import type { SecretKeys } from '@dash/config';
import { credentialSubjectOf, type Caller, type CredentialEpochs } from '@dash/auth-context';
import { internalRoute, InternalRouteError } from '@dash/subgraph';
import type { ApiKeyService } from '../api-key/api-key.service.js';
import type { LoginService } from './login.service.js';

/** Who holds an API key or a session token, read from the database now. */
async function holderOf(
  body: { apiKey?: unknown; sessionToken?: unknown },
  keys: ApiKeyService,
  login: LoginService,
): Promise<Caller | undefined> {
  if (typeof body.apiKey === 'string') {
    const key = await keys.findActive(body.apiKey);
    return key
      ? { kind: 'platform', platformId: key.platformId, livemode: key.livemode, keyId: key.id }
      : undefined;
  }
  if (typeof body.sessionToken !== 'string') return undefined;
  const found = await login.authenticateSession(body.sessionToken);
  if (!found) return undefined;
  const { account, session } = found;
  const who = {
    accountId: account.id,
    platformId: account.platformId,
    livemode: account.livemode,
    sessionId: session.id,
  };
  // An account link's session opens onboarding only: a kind no other resolver accepts.
  return session.scope === 'onboarding' && session.accountLinkId
    ? { kind: 'onboarding', ...who, accountLinkId: session.accountLinkId }
    : { kind: 'account', ...who };
}

/**
 * POST /internal/authenticate { apiKey } or { sessionToken } → { caller, epoch }: how the gateway
 * learns who holds a secret key or a session cookie, without reading identity's tables itself.
 * `epoch` is the holder's credential epoch, read between two checks of the database: a
 * revocation committed before the second check is seen by it, and one committed after it bumps
 * the epoch past this value — so a gateway caching the answer under `epoch` can never keep a
 * revoked credential alive (see CredentialEpochs). Without Redis, no epoch: nothing is cached.
 */
export function authenticateRoute(
  secret: SecretKeys,
  keys: ApiKeyService,
  login: LoginService,
  epochs: CredentialEpochs,
) {
  return internalRoute<
    { apiKey: string; sessionToken: string },
    { caller: Caller; epoch?: string }
  >('/internal/authenticate', secret, ['gateway'], async (body) => {
    const unauthenticated = () =>
      new InternalRouteError(401, 'UNAUTHENTICATED', 'Not a valid key or session.');
    const first = await holderOf(body, keys, login);
    const subject = first && credentialSubjectOf(first);
    if (!first || !subject) throw unauthenticated();
    const epoch = await epochs.read(subject).catch(() => undefined);
    if (epoch === undefined) return { caller: first };
    const caller = await holderOf(body, keys, login);
    if (!caller) throw unauthenticated();
    return { caller, epoch };
  });
}
