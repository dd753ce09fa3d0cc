import type { SecretKeys } from '@dash/config';
import { Router } from 'express';
import { credentialSubjectOf, type Caller, type CredentialEpochs } from '@dash/auth-context';
import {
  ACCOUNT_CONTACT_PATH,
  ACCOUNT_OWNER_PATH,
  CHALLENGE_CHECK_PATH,
  type AccountContact,
  type OwnedAccount,
  type ChallengeCheckRequest,
} from '@dash/contracts';
import { capabilitiesOf, DashError, internalRoute, InternalRouteError } from '@dash/subgraph';
import type { DataSource } from 'typeorm';
import type { ApiKeyRepository } from '../api-key/api-key.service.js';
import { Account } from '../account/account.entity.js';
import { requirementsOf } from '../account/account-change.service.js';
import type { LoginService } from './login.service.js';
import type { PayoutDetailsCodes } from '../settings/payout-details-codes.service.js';

/** Who holds an API key or a session token, read from the database now. */
async function holderOf(
  body: { apiKey?: unknown; sessionToken?: unknown },
  keys: ApiKeyRepository,
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
function authenticateRoute(
  secret: SecretKeys,
  keys: ApiKeyRepository,
  login: LoginService,
  epochs: () => CredentialEpochs,
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
    const epoch = await epochs()
      .read(subject)
      .catch(() => undefined);
    if (epoch === undefined) return { caller: first };
    const caller = await holderOf(body, keys, login);
    if (!caller) throw unauthenticated();
    return { caller, epoch };
  });
}

/** The account an internal request names by `accountId`, or a 404 for the caller. */
async function namedAccount(dataSource: DataSource, body: { accountId?: unknown }) {
  const account =
    typeof body.accountId === 'string'
      ? await dataSource.getRepository(Account).findOneBy({ id: body.accountId })
      : null;
  if (!account) throw new InternalRouteError(404, 'NOT_FOUND', 'No such account.');
  return account;
}

/**
 * POST /internal/account-owner { accountId } → which platform and mode an account belongs to,
 * and what its requirements let it do with money now: how a service that keeps money for
 * accounts (the ledger, payouts) checks a platform's request is for one of its own accounts,
 * and that the account may be charged or paid out.
 */
function accountOwnerRoute(secret: SecretKeys, dataSource: DataSource) {
  return internalRoute<{ accountId: string }, OwnedAccount>(
    ACCOUNT_OWNER_PATH,
    secret,
    ['ledger', 'payouts', 'disputes', 'notifications'],
    async (body) => {
      const account = await namedAccount(dataSource, body);
      const now = new Date();
      const requirements = requirementsOf(account, now);
      return {
        accountId: account.id,
        platformId: account.platformId,
        livemode: account.livemode,
        closed: account.closedAt !== null,
        ...capabilitiesOf(
          {
            chargesEnabled: requirements.chargesEnabled,
            payoutsEnabled: requirements.payoutsEnabled,
            currentDeadline: requirements.currentDeadline?.toISOString() ?? null,
          },
          now.toISOString(),
        ),
      };
    },
  );
}

/**
 * POST /internal/account-contact { accountId } → where to reach the account's holder: for the
 * notifications service, when an email about the account's activity is due.
 */
function accountContactRoute(secret: SecretKeys, dataSource: DataSource) {
  return internalRoute<{ accountId: string }, AccountContact>(
    ACCOUNT_CONTACT_PATH,
    secret,
    ['notifications'],
    async (body) => {
      const account = await namedAccount(dataSource, body);
      return { email: account.email, phone: account.phone, displayName: account.displayName };
    },
  );
}

/**
 * POST /internal/challenges/check { accountId, challengeId, code, purpose } → { ok }: how the
 * payouts service confirms a change to where money goes with the account's one-time code. A
 * wrong, expired or used code answers identity's own typed refusal.
 */
function challengeCheckRoute(secret: SecretKeys, payoutDetails: PayoutDetailsCodes) {
  return internalRoute<ChallengeCheckRequest, { ok: true }>(
    CHALLENGE_CHECK_PATH,
    secret,
    ['payouts'],
    async (body) => {
      const { accountId, challengeId, code, purpose } = body;
      if (
        typeof accountId !== 'string' ||
        typeof challengeId !== 'string' ||
        typeof code !== 'string' ||
        purpose !== 'payout_details'
      )
        throw new InternalRouteError(
          400,
          'BAD_USER_INPUT',
          'accountId, challengeId, code and purpose are required',
        );
      try {
        await payoutDetails.check(accountId, challengeId, code.trim());
      } catch (error) {
        // The caller is signed in; its code request is what ended. UNAUTHENTICATED would read as
        // "signed out" to the dashboard, so the same refusal travels as a failed precondition.
        if (error instanceof DashError && error.extensions.code === 'UNAUTHENTICATED') {
          const { code: _unauthenticated, ...details } = error.extensions;
          throw new DashError('FAILED_PRECONDITION', error.message, details);
        }
        throw error;
      }
      return { ok: true };
    },
  );
}

/** Identity's routes for other services. */
export function identityInternalRoutes(
  secret: SecretKeys,
  dataSource: DataSource,
  keys: ApiKeyRepository,
  login: LoginService,
  payoutDetails: PayoutDetailsCodes,
  credentialEpochs: () => CredentialEpochs,
): Router {
  return Router().use(
    authenticateRoute(secret, keys, login, credentialEpochs),
    accountOwnerRoute(secret, dataSource),
    accountContactRoute(secret, dataSource),
    challengeCheckRoute(secret, payoutDetails),
  );
}
