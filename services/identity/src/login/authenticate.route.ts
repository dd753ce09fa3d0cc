import type { SecretKeys } from '@dash/config';
import { credentialSubjectOf, type Caller, type CredentialEpochs } from '@dash/auth-context';
import { internalRoute, InternalRouteError } from '@dash/subgraph';
import type { ApiKeyService } from '../api-key/api-key.service.js';
import { componentsOf, type AccountSessions } from '../embedding/account-session.service.js';
import type { LoginService } from './login.service.js';

interface Credentials {
  keys: ApiKeyService;
  login: LoginService;
  accountSessions: AccountSessions;
  epochs: CredentialEpochs;
}

type Asked = { apiKey?: unknown; sessionToken?: unknown; clientSecret?: unknown; origin?: unknown };

/**
 * The account an embedded component's client secret opens, used from the page at `origin`: an
 * account caller limited to the session's components.
 */
async function embeddedHolderOf(
  clientSecret: string,
  origin: string,
  { accountSessions, login }: Credentials,
): Promise<Caller | undefined> {
  const session = await accountSessions.authenticate(clientSecret, origin);
  // A closed account's sessions end with it, as its dashboard sessions do.
  if (!session || !(await login.openAccount(session.accountId))) return undefined;
  return {
    kind: 'account',
    accountId: session.accountId,
    platformId: session.platformId,
    livemode: session.livemode,
    sessionId: session.id,
    embedded: componentsOf(session),
  };
}

/** Who holds an API key, a session token or a client secret, read from the database now. */
async function holderOf(body: Asked, credentials: Credentials): Promise<Caller | undefined> {
  const { keys, login } = credentials;
  if (typeof body.clientSecret === 'string')
    return typeof body.origin === 'string'
      ? embeddedHolderOf(body.clientSecret, body.origin, credentials)
      : undefined;
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
 * POST /internal/authenticate { apiKey } or { sessionToken } or { clientSecret, origin } →
 * { caller, epoch }: how the gateway learns who holds a secret key, a session cookie or an
 * embedded component's client secret (used from that web origin), without reading identity's tables itself.
 * `epoch` is the holder's credential epoch, read between two checks of the database: a
 * revocation committed before the second check is seen by it, and one committed after it bumps
 * the epoch past this value — so a gateway caching the answer under `epoch` can never keep a
 * revoked credential alive (see CredentialEpochs). Without Redis, no epoch: nothing is cached.
 */
export function authenticateRoute(secret: SecretKeys, credentials: Credentials) {
  return internalRoute<
    { apiKey: string; sessionToken: string; clientSecret: string; origin: string },
    { caller: Caller; epoch?: string }
  >('/internal/authenticate', secret, ['gateway'], async (body) => {
    const unauthenticated = () =>
      new InternalRouteError(401, 'UNAUTHENTICATED', 'Not a valid key, session or client secret.');
    const first = await holderOf(body, credentials);
    const subject = first && credentialSubjectOf(first);
    if (!first || !subject) throw unauthenticated();
    const epoch = await credentials.epochs.read(subject).catch(() => undefined);
    if (epoch === undefined) return { caller: first };
    const caller = await holderOf(body, credentials);
    if (!caller) throw unauthenticated();
    return { caller, epoch };
  });
}
