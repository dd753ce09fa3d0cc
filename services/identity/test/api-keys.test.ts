import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import {
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { createPlatform } from '../src/index.js';

let service: TestService;
let platform: Awaited<ReturnType<typeof createPlatform>>;

const authenticateUrl = () => service.url.replace('/graphql', '/internal/authenticate');
async function authenticate(
  apiKey: string,
  signer: Caller | null = { kind: 'service', service: 'gateway' },
) {
  const response = await fetch(authenticateUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signer
        ? { [CALLER_HEADER]: signCaller(signer, TEST_SECRET_KEYS, { audience: 'identity' }) }
        : {}),
    },
    body: JSON.stringify({ apiKey }),
  });
  return { status: response.status, body: (await response.json()) as { caller?: Caller } };
}

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

  it('rotates: a platform issues a new key in its mode and revokes the old one', async () => {
    const old = (await authenticate(platform.testSecret)).body.caller as Extract<
      Caller,
      { kind: 'platform' }
    >;
    const created = await service.query<{
      createApiKey: { secret: string; key: { id: string; livemode: boolean; last4: string } };
    }>('mutation { createApiKey { secret key { id livemode last4 } } }', {}, old);
    const fresh = created.data!.createApiKey;
    expect(fresh.key.livemode).toBe(false);
    expect(fresh.secret.endsWith(fresh.key.last4)).toBe(true);

    const self = await service.query(
      'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
      { id: old.keyId },
      old,
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const freshCaller = (await authenticate(fresh.secret)).body.caller as Caller;
    const revoked = await service.query<{ revokeApiKey: { revokedAt: string } }>(
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: old.keyId },
      freshCaller,
    );
    expect(revoked.data?.revokeApiKey.revokedAt).toBeTruthy();
    expect((await authenticate(platform.testSecret)).status).toBe(401);

    const listed = await service.query<{ apiKeys: Array<{ livemode: boolean }> }>(
      '{ apiKeys { livemode } }',
      {},
      freshCaller,
    );
    expect(listed.data?.apiKeys.every((key) => key.livemode === false)).toBe(true);
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
