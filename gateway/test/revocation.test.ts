import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService } from '@dash/identity';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { bearer, platformWithAccount, signIn, startTestGateway } from './support.js';

// Two gateway replicas sharing one Redis prefix with identity, as in production.
const prefix = testRedisPrefix('revocation');
let identity: TestService;
let first: RunningGateway;
let second: RunningGateway;

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  [first, second] = await Promise.all([
    startTestGateway({ identity: identity.url }, prefix),
    startTestGateway({ identity: identity.url }, prefix),
  ]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

const me = (url: string, cookie: string) =>
  graphqlRequest<{ me: { id: string } | null }>(url, '{ me { id displayName } }', {}, { cookie });

/** Twenty requests at once on one replica: how many still got through. */
async function servedOf(requests: () => Promise<boolean>): Promise<number> {
  const results = await Promise.all(Array.from({ length: 20 }, requests));
  return results.filter(Boolean).length;
}

describe('revocation reaches every gateway replica at once', () => {
  it('a sign-out through one replica ends the session on the other at its next request', async () => {
    const { secret } = await platformWithAccount(identity, 'Sign-out Co', 'acct_signout');
    const cookie = await signIn(first.url, secret, 'acct_signout');
    // Both replicas have the session cached.
    expect((await me(first.url, cookie)).data?.me?.id).toBe('acct_signout');
    expect((await me(second.url, cookie)).data?.me?.id).toBe('acct_signout');
    expect((await me(second.url, cookie)).data?.me?.id).toBe('acct_signout');

    const out = await graphqlRequest(first.url, 'mutation { signOut }', {}, { cookie });
    expect(out.errors).toBeUndefined();

    const next = await me(second.url, cookie);
    expect(next.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const served = await servedOf(async () => !!(await me(second.url, cookie)).data?.me);
    expect(served).toBe(0);
  });

  it('signing out everywhere ends every session of the account on every replica', async () => {
    const { secret } = await platformWithAccount(identity, 'Everywhere Co', 'acct_everywhere');
    const phone = await signIn(first.url, secret, 'acct_everywhere');
    const laptop = await signIn(second.url, secret, 'acct_everywhere');
    for (const cookie of [phone, laptop])
      for (const gateway of [first, second])
        expect((await me(gateway.url, cookie)).data?.me?.id).toBe('acct_everywhere');

    await graphqlRequest(first.url, 'mutation { signOutEverywhere }', {}, { cookie: phone });

    const served = await servedOf(
      async () =>
        !!(await me(second.url, laptop)).data?.me || !!(await me(second.url, phone)).data?.me,
    );
    expect(served).toBe(0);
  });

  it('a revoked API key is refused by the other replica at its next request', async () => {
    const { secret } = await platformWithAccount(identity, 'Key Co', 'acct_keyco');
    const issued = await graphqlRequest<{
      createApiKey: { key: { id: string }; secret: string };
    }>(first.url, 'mutation { createApiKey { key { id } secret } }', {}, bearer(secret));
    const leaked = {
      id: issued.data!.createApiKey.key.id,
      secret: issued.data!.createApiKey.secret,
    };
    const accountQuery = '{ account(id: "acct_keyco") { id } }';
    for (const gateway of [first, second])
      expect(
        (await graphqlRequest(gateway.url, accountQuery, {}, bearer(leaked.secret))).status,
      ).toBe(200);

    const revoked = await graphqlRequest(
      first.url,
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: leaked.id },
      bearer(secret),
    );
    expect(revoked.errors).toBeUndefined();

    const next = await graphqlRequest(second.url, accountQuery, {}, bearer(leaked.secret));
    expect(next.status).toBe(401);
    const served = await servedOf(
      async () =>
        (await graphqlRequest(second.url, accountQuery, {}, bearer(leaked.secret))).status !== 401,
    );
    expect(served).toBe(0);
    // The platform's other key still works on both.
    expect((await graphqlRequest(second.url, accountQuery, {}, bearer(secret))).status).toBe(200);
  });
});
