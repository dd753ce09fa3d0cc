import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { identityService, seedIdentity } from '../src/index.js';

let service: TestService;
const testKey = platformCaller('plat_a');
const liveKey: Caller = {
  kind: 'platform',
  platformId: 'plat_a',
  livemode: true,
  keyId: 'key_live',
};
const otherPlatform = platformCaller('plat_b');

const CREATE = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) {
    id type email country defaultCurrency livemode displayName chargesEnabled payoutsEnabled
    businessProfile { name url supportAddress { city } }
    requirements { currentlyDue eventuallyDue pastDue currentDeadline disabledReason }
  }
}`;
type Created = {
  createAccount: {
    id: string;
    livemode: boolean;
    requirements: { currentlyDue: string[] };
  } & Record<string, unknown>;
};

beforeAll(async () => {
  service = await startTestService(identityService);
  for (const id of ['plat_a', 'plat_b']) {
    await seedIdentity(service.dataSource, {
      platform: { id, name: id, brandColor: '#5b4cf0' },
      accounts: [],
    });
  }
});
afterAll(() => service.close());

describe('connected accounts', () => {
  it('creates an Express account in the mode of the key, with what is still due', async () => {
    const response = await service.query<Created>(
      CREATE,
      {
        input: {
          email: 'Jo@Example.com',
          country: 'jp',
          businessProfile: { name: 'Jo Rides', supportAddress: { city: 'Tokyo' } },
        },
      },
      testKey,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createAccount).toMatchObject({
      type: 'express',
      email: 'jo@example.com',
      country: 'JP',
      defaultCurrency: 'jpy',
      livemode: false,
      displayName: 'Jo Rides',
      // Nothing is enabled until the account has been through onboarding.
      chargesEnabled: false,
      payoutsEnabled: false,
      businessProfile: { name: 'Jo Rides', url: null, supportAddress: { city: 'Tokyo' } },
      requirements: {
        currentlyDue: [
          'business_type',
          'external_account',
          'tos_acceptance.date',
          'tos_acceptance.ip',
        ],
        pastDue: ['business_type', 'external_account', 'tos_acceptance.date', 'tos_acceptance.ip'],
        disabledReason: 'requirements.past_due',
      },
    });
  });

  it('names the field of every bad input', async () => {
    const bad = async (input: Record<string, unknown>) =>
      (
        await service.query(
          CREATE,
          { input: { email: 'a@b.co', country: 'US', ...input } },
          testKey,
        )
      ).errors?.[0];
    expect(await bad({ email: 'nope' })).toMatchObject({
      message: 'email must be an email address',
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
    expect(await bad({ country: 'USA' })).toMatchObject({ extensions: { field: 'country' } });
    expect(await bad({ phone: '555-0142' })).toMatchObject({ extensions: { field: 'phone' } });
    expect(await bad({ statementDescriptor: '12345678' })).toMatchObject({
      extensions: { field: 'statementDescriptor' },
    });
    expect(await bad({ businessProfile: { url: 'example' } })).toMatchObject({
      message: 'businessProfile.url must be a full URL such as https://example.com',
      extensions: { field: 'businessProfile.url' },
    });
    expect(await bad({ country: 'ZA' })).toMatchObject({
      extensions: { field: 'defaultCurrency' },
    });
    const [{ count }] = await service.dataSource.query('SELECT COUNT(*) AS count FROM accounts');
    expect(Number(count)).toBe(1);
  });

  it('updates an account, merging the business profile; its business type decides what is due', async () => {
    const created = await service.query<Created>(
      CREATE,
      { input: { email: 'sam@example.com', country: 'US', businessProfile: { name: 'Sam' } } },
      testKey,
    );
    const id = created.data!.createAccount.id;
    const updated = await service.query<{ updateAccount: Record<string, unknown> }>(
      `mutation($id: ID!, $input: UpdateAccountInput!) {
        updateAccount(id: $id, input: $input) { businessType phone businessProfile { name url } payoutsEnabled requirements { currentlyDue } }
      }`,
      {
        id,
        input: {
          businessType: 'individual',
          phone: '+15555550142',
          businessProfile: { url: 'https://sam.example' },
        },
      },
      testKey,
    );
    const account = updated.data!.updateAccount as {
      requirements: { currentlyDue: string[] };
    } & Record<string, unknown>;
    expect(account).toMatchObject({
      businessType: 'individual',
      phone: '+15555550142',
      businessProfile: { name: 'Sam', url: 'https://sam.example' },
      payoutsEnabled: false,
    });
    expect(account.requirements.currentlyDue).toEqual(
      expect.arrayContaining(['individual.first_name', 'individual.id_number', 'external_account']),
    );
    expect(account.requirements.currentlyDue).not.toContain('business_type');
    expect(account.requirements.currentlyDue).not.toContain('business_profile.url');
  });

  it('keeps modes and platforms apart', async () => {
    const live = await service.query<Created>(
      CREATE,
      { input: { email: 'live@example.com', country: 'GB' } },
      liveKey,
    );
    const liveId = live.data!.createAccount.id;
    expect(live.data!.createAccount.livemode).toBe(true);

    const byTestKey = await service.query(`{ account(id: "${liveId}") { id } }`, {}, testKey);
    expect(byTestKey.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await service.query<{
      accounts: { nodes: Array<{ id: string; livemode: boolean }> };
    }>('{ accounts { nodes { id livemode } } }', {}, testKey);
    expect(listed.data!.accounts.nodes.map((a) => a.livemode)).toEqual([false, false]);

    const byOther = await service.query(
      `mutation { updateAccount(id: "${liveId}", input: { displayName: "Mine" }) { id } }`,
      {},
      otherPlatform,
    );
    expect(byOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asAccount = await service.query(
      CREATE,
      { input: { email: 'x@example.com', country: 'US' } },
      { kind: 'account', accountId: liveId, platformId: 'plat_a', livemode: true },
    );
    expect(asAccount.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('an account editing its own public information', () => {
  it('changes what customers see, and nothing it must confirm first', async () => {
    const created = await service.query<Created>(
      CREATE,
      { input: { email: 'own@example.com', country: 'US' } },
      testKey,
    );
    const id = created.data!.createAccount.id;
    const self: Caller = { kind: 'account', accountId: id, platformId: 'plat_a', livemode: false };
    const UPDATE = `mutation($input: PublicInfoInput!) {
      updateMyPublicInfo(input: $input) { displayName statementDescriptor businessProfile { name supportEmail } email }
    }`;
    const updated = await service.query<{ updateMyPublicInfo: Record<string, unknown> }>(
      UPDATE,
      {
        input: {
          displayName: 'Own Rides',
          statementDescriptor: 'OWN RIDES',
          businessProfile: { supportEmail: 'help@own.example' },
        },
      },
      self,
    );
    expect(updated.data?.updateMyPublicInfo).toEqual({
      displayName: 'Own Rides',
      statementDescriptor: 'OWN RIDES',
      businessProfile: { name: null, supportEmail: 'help@own.example' },
      email: 'own@example.com',
    });
    const email = await service.query(UPDATE, { input: { email: 'new@example.com' } }, self);
    expect(email.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const bad = await service.query(UPDATE, { input: { statementDescriptor: '<script>' } }, self);
    expect(bad.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'statementDescriptor' },
    });
    const byPlatform = await service.query(UPDATE, { input: { displayName: 'X' } }, testKey);
    expect(byPlatform.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the access gate', () => {
  const NAMING_AN_ACCOUNT = [
    `mutation($a: ID!) { updateAccount(id: $a, input: { displayName: "Mine" }) { id } }`,
    `mutation($a: ID!) { createLoginLink(account: $a) { url } }`,
    `mutation($a: ID!) { createAccountLink(account: $a, type: account_onboarding, refreshUrl: "https://p.test/r", returnUrl: "https://p.test/u") { url } }`,
    `mutation($a: ID!) { prefillOnboarding(account: $a, values: [{ key: "business_type", value: "individual" }]) { id } }`,
    `query($a: ID!) { account(id: $a) { id } }`,
  ];

  it("answers another platform's or another mode's account as if it did not exist", async () => {
    const live = await service.query<Created>(
      CREATE,
      { input: { email: 'gate@example.com', country: 'US' } },
      liveKey,
    );
    const a = live.data!.createAccount.id;
    for (const query of NAMING_AN_ACCOUNT) {
      for (const stranger of [otherPlatform, testKey]) {
        const answer = await service.query(query, { a }, stranger);
        expect(answer.errors?.[0]).toMatchObject({
          message: `No such account: ${a}`,
          extensions: { code: 'NOT_FOUND' },
        });
      }
    }
    const reference = await service.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Platform { id } } }`,
      { r: [{ __typename: 'Platform', id: 'plat_a' }] },
      otherPlatform,
    );
    expect(reference.data).toEqual({ _entities: [null] });
  });

  it('answers many account references in one request, each only to its own platform and mode', async () => {
    const create = async (caller: Caller, email: string) =>
      (await service.query<Created>(CREATE, { input: { email, country: 'US' } }, caller)).data!
        .createAccount.id;
    const ownA = await create(testKey, 'many-a@example.com');
    const ownB = await create(testKey, 'many-b@example.com');
    const live = await create(liveKey, 'many-live@example.com');
    const others = await create(otherPlatform, 'many-other@example.com');
    const ids = [ownA, others, ownB, live, ownA, 'acct_missing'];
    const references = `query($r: [_Any!]!) {
      _entities(representations: $r) { ... on Account { id email } }
    }`;
    const answer = await service.query<{ _entities: Array<{ id: string } | null> }>(
      references,
      { r: ids.map((id) => ({ __typename: 'Account', id })) },
      testKey,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities.map((account) => account?.id ?? null)).toEqual([
      ownA,
      null,
      ownB,
      null,
      ownA,
      null,
    ]);
    // The same references from the other platform see only its own account.
    const theirs = await service.query<{ _entities: Array<{ id: string } | null> }>(
      references,
      { r: ids.map((id) => ({ __typename: 'Account', id })) },
      otherPlatform,
    );
    expect(theirs.data!._entities.map((account) => account?.id ?? null)).toEqual([
      null,
      others,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads an account changed by a mutation afresh in the next request', async () => {
    const id = (
      await service.query<Created>(
        CREATE,
        { input: { email: 'fresh@example.com', country: 'US' } },
        testKey,
      )
    ).data!.createAccount.id;
    const read = () =>
      service.query<{ account: { email: string } }>(
        'query($id: ID!) { account(id: $id) { email } }',
        { id },
        testKey,
      );
    expect((await read()).data!.account.email).toBe('fresh@example.com');
    const update = await service.query(
      'mutation($id: ID!) { updateAccount(id: $id, input: { email: "changed@example.com" }) { email } }',
      { id },
      testKey,
    );
    expect(update.errors).toBeUndefined();
    expect((await read()).data!.account.email).toBe('changed@example.com');
  });

  it('keeps the platform-only mutations from a signed-in account', async () => {
    const own = await service.query<Created>(
      CREATE,
      { input: { email: 'self@example.com', country: 'US' } },
      testKey,
    );
    const a = own.data!.createAccount.id;
    const self: Caller = { kind: 'account', accountId: a, platformId: 'plat_a', livemode: false };
    for (const query of NAMING_AN_ACCOUNT.slice(0, 4)) {
      const answer = await service.query(query, { a }, self);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
