import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { ApiKeyService, createPlatform } from '../src/index.js';
import { MAX_ACTIVE_KEYS_PER_MODE } from '../src/api-key/api-key.service.js';
import { authenticate as authenticateAt } from './support.js';

let service: TestService;
let platform: Awaited<ReturnType<typeof createPlatform>>;

/** As the gateway asks (or `signer`, null for nobody). */
const authenticate = (apiKey: string, signer?: Caller | null) =>
  authenticateAt(service, { apiKey }, signer);

type PlatformCaller = Extract<Caller, { kind: 'platform' }>;
type NewKey = { secret: string; key: { id: string; livemode: boolean; last4: string } };
type Failure = { extensions?: { code?: string; reason?: string } };

async function callerOf(secret: string): Promise<PlatformCaller> {
  const { status, body } = await authenticate(secret);
  expect(status).toBe(200);
  return body.caller as PlatformCaller;
}

const createKeyAs = (caller: Caller) =>
  service.query<{ createApiKey: NewKey }>(
    'mutation { createApiKey { secret key { id livemode last4 } } }',
    {},
    caller,
  );
async function createKey(caller: Caller): Promise<NewKey> {
  const created = await createKeyAs(caller);
  expect(created.errors).toBeUndefined();
  return created.data!.createApiKey;
}
const revokeKey = (id: string, caller: Caller) =>
  service.query<{ revokeApiKey: { id: string; revokedAt: string } }>(
    'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }',
    { id },
    caller,
  );

beforeAll(async () => {
  service = await startTestService((await import('../src/index.js')).identityService);
  platform = await createPlatform(service.dataSource, {
    name: 'Rocket Rides',
    brandColor: '#5B4CF0',
  });
});
afterAll(() => service.close());

describe('platforms and API keys', () => {
  it('creates a platform with a test and a live key, storing only hashes', async () => {
    expect(platform.testSecret).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(platform.liveSecret).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(platform.platform.brandColor).toBe('#5b4cf0');
    const rows: Array<Record<string, unknown>> =
      await service.dataSource.query('SELECT * FROM api_keys');
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(platform.testSecret.slice(8));
  });

  it('refuses a bad platform name or colour', async () => {
    await expect(createPlatform(service.dataSource, { name: '  ' })).rejects.toThrow(
      /name must be/,
    );
    await expect(
      createPlatform(service.dataSource, { name: 'X', brandColor: 'red' }),
    ).rejects.toThrow(/brandColor/);
  });

  it('tells the gateway which platform and mode a key belongs to', async () => {
    const test = await authenticate(platform.testSecret);
    expect(test.status).toBe(200);
    expect(test.body.caller).toMatchObject({
      kind: 'platform',
      platformId: platform.platform.id,
      livemode: false,
    });
    const live = await authenticate(platform.liveSecret);
    expect(live.body.caller).toMatchObject({ livemode: true });
    expect((await authenticate('sk_test_' + 'x'.repeat(32))).status).toBe(401);
    expect((await authenticate('not a key')).status).toBe(401);
  });

  it('answers the key check only to our own services', async () => {
    expect((await authenticate(platform.testSecret, null)).status).toBe(401);
    expect(
      (await authenticate(platform.testSecret, platformCaller(platform.platform.id))).status,
    ).toBe(401);
    expect(
      (await authenticate(platform.testSecret, { kind: 'service', service: 'ledger' })).status,
    ).toBe(401);
  });

  it('rotates: an older key issues a new key in its mode and later revokes it', async () => {
    const old = await callerOf(platform.testSecret);
    const fresh = await createKey(old);
    expect(fresh.key.livemode).toBe(false);
    expect(fresh.secret.endsWith(fresh.key.last4)).toBe(true);

    const self = await revokeKey(old.keyId, old);
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const freshCaller = await callerOf(fresh.secret);
    const listed = await service.query<{ apiKeys: Array<{ livemode: boolean }> }>(
      '{ apiKeys { livemode } }',
      {},
      freshCaller,
    );
    expect(listed.data?.apiKeys.every((key) => key.livemode === false)).toBe(true);

    const revoked = await revokeKey(fresh.key.id, old);
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    expect((await authenticate(fresh.secret)).status).toBe(401);
    expect((await authenticate(platform.testSecret)).status).toBe(200);
  });

  it('keeps key management to platforms, each to its own keys', async () => {
    const account: Caller = {
      kind: 'account',
      accountId: 'acct_1',
      platformId: platform.platform.id,
      livemode: false,
    };
    expect(
      (await service.query('{ apiKeys { id } }', {}, account)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');

    const liveCaller = (await authenticate(platform.liveSecret)).body.caller as Extract<
      Caller,
      { kind: 'platform' }
    >;
    const other = await createPlatform(service.dataSource, { name: 'Other' });
    const otherLive = (await authenticate(other.liveSecret)).body.caller as Caller;
    const foreign = await service.query(
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: liveCaller.keyId },
      otherLive,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await authenticate(platform.liveSecret)).status).toBe(200);
  });
});

describe('a leaked key', () => {
  it('takes every key it made, and the keys those made, with it when revoked', async () => {
    const { platform: own, testSecret } = await createPlatform(service.dataSource, {
      name: 'Leaky',
    });
    const k0 = await callerOf(testSecret);
    const leaked = await createKey(k0);
    const k1 = await callerOf(leaked.secret);
    const minted = await createKey(k1);
    const grandchild = await createKey(await callerOf(minted.secret));
    const sibling = await createKey(k0);

    const revoked = await revokeKey(leaked.key.id, k0);
    expect(revoked.data?.revokeApiKey).toMatchObject({ id: leaked.key.id });
    // At once: the next key check the gateway makes is refused.
    for (const secret of [leaked.secret, minted.secret, grandchild.secret])
      expect((await authenticate(secret)).status).toBe(401);
    expect((await authenticate(sibling.secret)).status).toBe(200);
    expect((await authenticate(testSecret)).status).toBe(200);

    const events: Array<{ type: string; data: string }> = await service.dataSource.query(
      `SELECT type, data FROM outbox_events WHERE platform_id = ? AND type LIKE 'api_key.%'`,
      [own.id],
    );
    const revokedEvents = events
      .filter((event) => event.type === 'api_key.revoked')
      .map((event) => (JSON.parse(event.data) as { data: Record<string, unknown> }).data);
    expect(revokedEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          keyId: leaked.key.id,
          revokedByKeyId: k0.keyId,
          withKeyId: null,
        }),
        expect.objectContaining({ keyId: minted.key.id, withKeyId: leaked.key.id }),
        expect.objectContaining({ keyId: grandchild.key.id, withKeyId: leaked.key.id }),
      ]),
    );
    expect(revokedEvents).toHaveLength(3);
    expect(events.filter((event) => event.type === 'api_key.created')).toHaveLength(6);
    expect(JSON.stringify(events)).not.toContain(leaked.secret.slice(8));
  });

  it('cannot revoke the keys made before it', async () => {
    const { testSecret } = await createPlatform(service.dataSource, { name: 'Elder' });
    const k0 = await callerOf(testSecret);
    const first = await createKey(k0);
    const leaked = await createKey(k0);
    const k2 = await callerOf(leaked.secret);
    for (const older of [k0.keyId, first.key.id]) {
      const refused = (await revokeKey(older, k2)).errors?.[0] as Failure;
      expect(refused.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'KEY_OLDER_THAN_CALLER',
      });
    }
    // Parallel attempts change nothing either.
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => revokeKey(i % 2 ? k0.keyId : first.key.id, k2)),
    );
    expect(attempts.every((attempt) => attempt.errors?.[0]?.extensions?.code === 'FORBIDDEN')).toBe(
      true,
    );
    expect((await authenticate(testSecret)).status).toBe(200);
    expect((await authenticate(first.secret)).status).toBe(200);
    // The operator's CLI can revoke the oldest key, and everything made from it goes too.
    const revoked = await new ApiKeyService(service.dataSource).revoke(k0.platformId, k0.keyId);
    expect(revoked?.map((key) => key.id).sort()).toEqual(
      [k0.keyId, first.key.id, leaked.key.id].sort(),
    );
    for (const secret of [testSecret, first.secret, leaked.secret])
      expect((await authenticate(secret)).status).toBe(401);
  });

  it('mints nothing that outlives it, even while it is being revoked', async () => {
    const { testSecret } = await createPlatform(service.dataSource, { name: 'Racer' });
    const k0 = await callerOf(testSecret);
    const leaked = await createKey(k0);
    const k1 = await callerOf(leaked.secret);
    // The revocation lands in the middle of a burst of mints by the key being revoked.
    const mints = (count: number) => Array.from({ length: count }, () => createKeyAs(k1));
    const results = await Promise.all([...mints(4), revokeKey(leaked.key.id, k0), ...mints(4)]);
    expect(results[4]!.errors).toBeUndefined();
    const minted = results.filter((_, index) => index !== 4) as Array<
      Awaited<ReturnType<typeof createKeyAs>>
    >;
    for (const result of minted) {
      const secret = result.data?.createApiKey.secret;
      if (secret) expect((await authenticate(secret)).status).toBe(401);
      else expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const [{ n }] = await service.dataSource.query(
      'SELECT COUNT(*) AS n FROM api_keys WHERE created_by_key_id = ? AND revoked_at IS NULL',
      [leaked.key.id],
    );
    expect(Number(n)).toBe(0);
  });

  it(`cannot hold more than ${MAX_ACTIVE_KEYS_PER_MODE} active keys per mode, however fast it asks`, async () => {
    const {
      platform: own,
      testSecret,
      liveSecret,
    } = await createPlatform(service.dataSource, {
      name: 'Greedy',
    });
    const k0 = await callerOf(testSecret);
    const results = await Promise.all(Array.from({ length: 30 }, () => createKeyAs(k0)));
    const made = results.filter((result) => result.data?.createApiKey);
    const refused = results.filter((result) => result.errors);
    // The platform's own test key is one of the ten.
    expect(made).toHaveLength(MAX_ACTIVE_KEYS_PER_MODE - 1);
    expect(refused).toHaveLength(30 - (MAX_ACTIVE_KEYS_PER_MODE - 1));
    for (const result of refused)
      expect((result.errors![0] as Failure).extensions).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'TOO_MANY_KEYS',
      });
    const [{ n }] = await service.dataSource.query(
      'SELECT COUNT(*) AS n FROM api_keys WHERE platform_id = ? AND livemode = 0 AND revoked_at IS NULL',
      [own.id],
    );
    expect(Number(n)).toBe(MAX_ACTIVE_KEYS_PER_MODE);
    // Live mode counts on its own; a revoked key frees its place.
    await createKey(await callerOf(liveSecret));
    await revokeKey(made[0]!.data!.createApiKey.key.id, k0);
    await createKey(k0);
  });
});
