import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { testRedisPrefix } from '@dash/testing';
import { createIdentityService, seedIdentity } from '../src/index.js';
import { authenticate, usAccount } from './support.js';

const MINUTE = 60_000;
/** The service's clock: the real time moved forward by `aheadMs`. */
const clock = { aheadMs: 0 };
let service: TestService;

const platformKey = (platformId: string, livemode: boolean): Caller => ({
  kind: 'platform',
  platformId,
  livemode,
  keyId: `key_${platformId}_${livemode ? 'live' : 'test'}`,
});
const TEST_KEY = platformKey('plat_embed', false);
const LIVE_KEY = platformKey('plat_embed', true);
const OTHER_PLATFORM = platformKey('plat_other', false);
const APP = 'https://app.rocketrides.example';

type Failure = { extensions?: { code?: string; reason?: string; field?: string } };
const failureOf = (response: { errors?: unknown[] }) =>
  (response.errors?.[0] as Failure | undefined)?.extensions;

type Session = { id: string; account: string; clientSecret: string; components: string[] };
const CREATE =
  'mutation($a: ID!, $c: [EmbeddedComponent!]!) { createAccountSession(account: $a, components: $c) { id account clientSecret components expiresAt livemode } }';
const createSession = (caller: Caller, account: string, components = ['balances', 'payouts']) =>
  service.query<{ createAccountSession: Session }>(CREATE, { a: account, c: components }, caller);
async function sessionFor(account: string, caller = TEST_KEY): Promise<Session> {
  const created = await createSession(caller, account);
  expect(created.errors).toBeUndefined();
  return created.data!.createAccountSession;
}
const setOrigins = (caller: Caller, origins: string[]) =>
  service.query<{ setEmbedOrigins: string[] }>(
    'mutation($o: [String!]!) { setEmbedOrigins(origins: $o) }',
    { o: origins },
    caller,
  );
/** As the gateway asks: the client secret and the origin of the page that sent it. */
const authenticateSecret = (clientSecret: string, origin?: string) =>
  authenticate(service, { clientSecret, ...(origin ? { origin } : {}) });

beforeAll(async () => {
  service = await startTestService(
    createIdentityService({ now: () => new Date(Date.now() + clock.aheadMs) }),
    { DASH_REDIS_PREFIX: testRedisPrefix('embedding') },
  );
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_embed', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [
      usAccount('acct_rider_a', 'Ada'),
      usAccount('acct_rider_b', 'Bo'),
      usAccount('acct_rider_live', 'Liv', { livemode: true }),
      usAccount('acct_rider_closing', 'Cy'),
    ],
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_other', name: 'Other', brandColor: '#0e6245' },
    accounts: [usAccount('acct_other', 'Otto')],
  });
});
afterAll(() => service?.close());

describe('embedding origins', () => {
  it('refuses account sessions until the platform lists where its app runs', async () => {
    const refused = await createSession(TEST_KEY, 'acct_rider_a');
    expect(failureOf(refused)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'NO_EMBED_ORIGINS',
    });
  });

  it.each([
    ['http://app.example.com', 'plain http on a public name'],
    ['https://app.example.com/dashboard', 'a page, not an origin'],
    ['https://app.example.com?x=1', 'a query'],
    ['https://user:pw@app.example.com', 'credentials'],
    ['javascript:alert(1)', 'a script URL'],
    ['app.example.com', 'no scheme'],
    ['*', 'a wildcard'],
  ])('refuses %s (%s) and keeps the list as it was', async (origin) => {
    const refused = await setOrigins(TEST_KEY, [APP, origin]);
    expect(failureOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'origins' });
    const listed = await service.query<{ embedOrigins: string[] }>(
      '{ embedOrigins }',
      {},
      TEST_KEY,
    );
    expect(listed.data!.embedOrigins).not.toContain(origin);
  });

  it('keeps origins as browsers send them, per mode, at most ten', async () => {
    const set = await setOrigins(TEST_KEY, [
      'HTTPS://App.RocketRides.Example:443',
      APP,
      'http://localhost:3000',
      'http://shop.localhost:8080',
    ]);
    expect(set.data!.setEmbedOrigins).toEqual(
      [APP, 'http://localhost:3000', 'http://shop.localhost:8080'].sort(),
    );
    const live = await service.query<{ embedOrigins: string[] }>('{ embedOrigins }', {}, LIVE_KEY);
    expect(live.data!.embedOrigins).toEqual([]);
    const tooMany = await setOrigins(
      TEST_KEY,
      Array.from({ length: 11 }, (_, i) => `https://app${i}.example.com`),
    );
    expect(failureOf(tooMany)?.code).toBe('BAD_USER_INPUT');
  });

  it('leaves one whole list or another when changed many times at once', async () => {
    const lists = Array.from({ length: 8 }, (_, i) => [
      `https://a${i}.example.com`,
      `https://b${i}.example.com`,
      `https://c${i}.example.com`,
    ]);
    const answers = await Promise.all(lists.map((list) => setOrigins(OTHER_PLATFORM, list)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const final = await service.query<{ embedOrigins: string[] }>(
      '{ embedOrigins }',
      {},
      OTHER_PLATFORM,
    );
    expect(lists).toContainEqual(final.data!.embedOrigins);
  });
});

describe('account sessions', () => {
  beforeAll(async () => {
    await setOrigins(TEST_KEY, [APP]);
    await setOrigins(LIVE_KEY, ['https://live.rocketrides.example']);
  });

  it('opens the components asked for, for one of the platform’s accounts only', async () => {
    const session = await sessionFor('acct_rider_a');
    expect(session).toMatchObject({ account: 'acct_rider_a', components: ['balances', 'payouts'] });
    expect(session.id).toMatch(/^acs_/);
    expect(session.clientSecret).toMatch(/^acss_[0-9A-Za-z]{40}$/);

    // Another platform's account, an account of the other mode, nobody's account.
    for (const [caller, account] of [
      [OTHER_PLATFORM, 'acct_rider_a'],
      [TEST_KEY, 'acct_other'],
      [TEST_KEY, 'acct_rider_live'],
      [TEST_KEY, 'acct_nobody'],
    ] as const)
      expect(failureOf(await createSession(caller, account))?.code).toBe('NOT_FOUND');
    expect(failureOf(await createSession(TEST_KEY, 'acct_rider_a', []))?.code).toBe(
      'BAD_USER_INPUT',
    );
    // Not a component (the dashboard's settings are never embedded).
    expect(failureOf(await createSession(TEST_KEY, 'acct_rider_a', ['settings']))?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('is never created by an account, even one signed in to the dashboard', async () => {
    const account: Caller = {
      kind: 'account',
      accountId: 'acct_rider_a',
      platformId: 'plat_embed',
      livemode: false,
      sessionId: 'sess_a',
    };
    expect(failureOf(await createSession(account, 'acct_rider_a'))?.code).toBe('FORBIDDEN');
    expect(failureOf(await setOrigins(account, ['https://evil.example']))?.code).toBe('FORBIDDEN');
  });

  it('authenticates only from a listed origin of its own mode, as its own account', async () => {
    const session = await sessionFor('acct_rider_a');
    const opened = await authenticateSecret(session.clientSecret, APP);
    expect(opened.status).toBe(200);
    expect(opened.body.caller).toEqual({
      kind: 'account',
      accountId: 'acct_rider_a',
      platformId: 'plat_embed',
      livemode: false,
      sessionId: session.id,
      embedded: ['balances', 'payouts'],
    });
    for (const origin of [
      undefined,
      'https://evil.example',
      'https://app.rocketrides.example.evil.example',
      'https://live.rocketrides.example', // the live list does not open test sessions
      'null',
    ])
      expect((await authenticateSecret(session.clientSecret, origin)).status).toBe(401);
    // A secret one character off, or of the right shape but made up.
    const tampered =
      session.clientSecret.slice(0, -1) + (session.clientSecret.endsWith('a') ? 'b' : 'a');
    expect((await authenticateSecret(tampered, APP)).status).toBe(401);
    expect((await authenticateSecret(`acss_${'A'.repeat(40)}`, APP)).status).toBe(401);
  });

  it('gives each of many sessions made at once its own account', async () => {
    const accounts = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? 'acct_rider_a' : 'acct_rider_b',
    );
    const sessions = await Promise.all(accounts.map((account) => sessionFor(account)));
    expect(new Set(sessions.map((s) => s.clientSecret)).size).toBe(20);
    const callers = await Promise.all(sessions.map((s) => authenticateSecret(s.clientSecret, APP)));
    callers.forEach((answer, i) =>
      expect(answer.body.caller).toMatchObject({
        accountId: accounts[i],
        sessionId: sessions[i]!.id,
      }),
    );
  });

  it('stops after 30 minutes, and when the origin is taken off the list', async () => {
    const session = await sessionFor('acct_rider_b');
    clock.aheadMs = 29 * MINUTE;
    expect((await authenticateSecret(session.clientSecret, APP)).status).toBe(200);
    clock.aheadMs = 30 * MINUTE;
    expect((await authenticateSecret(session.clientSecret, APP)).status).toBe(401);
    clock.aheadMs = 0;

    const other = await sessionFor('acct_rider_b');
    await setOrigins(TEST_KEY, ['https://new.rocketrides.example']);
    expect((await authenticateSecret(other.clientSecret, APP)).status).toBe(401);
    await setOrigins(TEST_KEY, [APP]);
    expect((await authenticateSecret(other.clientSecret, APP)).status).toBe(200);
  });

  it('ends with the account when it closes', async () => {
    const session = await sessionFor('acct_rider_closing');
    expect((await authenticateSecret(session.clientSecret, APP)).status).toBe(200);
    await service.dataSource.query('UPDATE accounts SET closed_at = NOW(3) WHERE id = ?', [
      'acct_rider_closing',
    ]);
    expect((await authenticateSecret(session.clientSecret, APP)).status).toBe(401);
  });
});
