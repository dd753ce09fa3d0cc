import type { Caller } from '@dash/auth-context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountCaller,
  platformCaller,
  startTestService,
  type TestService,
} from '@dash/subgraph/testing';
import { freePort } from '@dash/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { usAccount } from './support.js';

let service: TestService;
const platform = platformCaller('plat_a');
const jo = accountCaller('acct_jo', 'plat_a');

type OutboxRow = { type: string; account_id: string; data: string };
const outbox = (accountId: string) =>
  service.dataSource.query(
    'SELECT type, account_id, data FROM outbox_events WHERE account_id = ? ORDER BY id',
    [accountId],
  ) as Promise<OutboxRow[]>;

beforeAll(async () => {
  // Nothing listens where the ledger, payouts and disputes should be: they are "down".
  const down = async () => `http://127.0.0.1:${await freePort()}/graphql`;
  service = await startTestService(identityService, {
    DASH_LEDGER_URL: await down(),
    DASH_PAYOUTS_URL: await down(),
    DASH_DISPUTES_URL: await down(),
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [
      usAccount('acct_jo', 'Jo', { email: 'jo@example.com' }),
      usAccount('acct_lee', 'Lee', { email: 'lee@example.com', livemode: true }),
      usAccount('acct_other', 'Other', { email: 'other@example.com' }),
    ],
  });
});
afterAll(() => service.close());

describe('account changes as events', () => {
  it('records account.updated with the fields that changed, in the same transaction', async () => {
    const edited = await service.query(
      'mutation { updateMyPublicInfo(input: { displayName: "Jo Rides", businessProfile: { url: "https://jo.example" } }) { displayName } }',
      {},
      jo,
    );
    expect(edited.errors).toBeUndefined();
    const byPlatform = await service.query(
      'mutation { updateAccount(id: "acct_jo", input: { phone: "+15555550123" }) { phone } }',
      {},
      platform,
    );
    expect(byPlatform.errors).toBeUndefined();
    const events = await outbox('acct_jo');
    expect(events.map((event) => [event.type, JSON.parse(event.data).data])).toEqual([
      ['account.updated', { fields: ['displayName', 'businessProfile.url'], by: 'account' }],
      ['account.updated', { fields: ['phone'], by: 'platform' }],
    ]);
  });

  it('records nothing for an edit that changes nothing', async () => {
    const before = (await outbox('acct_jo')).length;
    await service.query(
      'mutation { updateMyPublicInfo(input: { displayName: "Jo Rides" }) { id } }',
      {},
      jo,
    );
    expect(await outbox('acct_jo')).toHaveLength(before);
  });

  it('refuses public-information edits the platform has switched off', async () => {
    await service.query(
      'mutation { updatePlatformFeatures(input: { editPublicInfo: false }) { id } }',
      {},
      platform,
    );
    const refused = await service.query(
      'mutation { updateMyPublicInfo(input: { displayName: "Someone Else" }) { id } }',
      {},
      jo,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      feature: 'editPublicInfo',
    });
    await service.query(
      'mutation { updatePlatformFeatures(input: { editPublicInfo: true }) { id } }',
      {},
      platform,
    );
  });
});

describe('switches per mode', () => {
  it('a test key changes what test accounts may do, never live ones, however the keys race', async () => {
    const liveKey: Caller = {
      kind: 'platform',
      platformId: 'plat_a',
      livemode: true,
      keyId: 'key_live',
    };
    const lee: Caller = {
      kind: 'account',
      accountId: 'acct_lee',
      platformId: 'plat_a',
      livemode: true,
    };
    const SWITCH =
      'mutation($on: Boolean!) { updatePlatformFeatures(input: { editPublicInfo: $on }) { features { editPublicInfo } } }';
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        service.query(SWITCH, { on: i % 2 === 1 }, i % 2 ? liveKey : platform),
      ),
    );
    const edit = (caller: Caller) =>
      service.query(
        'mutation($n: String!) { updateMyPublicInfo(input: { displayName: $n }) { id } }',
        { n: `Name ${Math.random()}` },
        caller,
      );
    expect((await edit(jo)).errors?.[0]?.extensions).toMatchObject({ feature: 'editPublicInfo' });
    expect((await edit(lee)).errors).toBeUndefined();
    const read = (caller: Caller) =>
      service.query<{ platform: { features: { editPublicInfo: boolean } } }>(
        '{ platform { features { editPublicInfo } } }',
        {},
        caller,
      );
    expect((await read(platform)).data?.platform.features.editPublicInfo).toBe(false);
    expect((await read(liveKey)).data?.platform.features.editPublicInfo).toBe(true);
    await service.query(SWITCH, { on: true }, platform);
  });
});

describe('closing the account', () => {
  const CLOSE =
    'mutation($c: ID!, $code: String!) { closeMyAccount(challenge: $c, code: $code) { closedAt } }';
  const other = accountCaller('acct_other', 'plat_a');
  const closedAt = async () =>
    (await service.query<{ me: { closedAt: string | null } }>('{ me { closedAt } }', {}, other))
      .data?.me.closedAt;
  let challenge: string;

  it('needs the code sent to the account: none, or a wrong one, closes nothing', async () => {
    await service.query(
      'mutation { updatePlatformFeatures(input: { closeAccount: true }) { id } }',
      {},
      platform,
    );
    const withoutCode = await service.query('mutation { closeMyAccount { closedAt } }', {}, jo);
    expect(withoutCode.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // Jo's platform set a phone above: closing waits out the 72 hours after a contact change.
    const held = await service.query('mutation { startAccountClosure { id } }', {}, jo);
    expect(held.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });

    const started = await service.query<{
      startAccountClosure: { id: string; maskedDestination: string };
    }>('mutation { startAccountClosure { id maskedDestination } }', {}, other);
    expect(started.errors).toBeUndefined();
    challenge = started.data!.startAccountClosure.id;
    // No phone: the code goes to the account's own email.
    expect(started.data!.startAccountClosure.maskedDestination).toBe('o•••@example.com');

    const wrong = await service.query(CLOSE, { c: challenge, code: '123456' }, other);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CODE_WRONG',
      attemptsLeft: 4,
    });
    const [row] = await service.dataSource.query(
      'SELECT purpose, account_id FROM login_challenges WHERE id = ?',
      [challenge],
    );
    expect(row).toMatchObject({ purpose: 'account_close', account_id: 'acct_other' });
    expect(await closedAt()).toBeNull();
  });

  it('refuses with UNAVAILABLE and leaves the account open when a service cannot answer', async () => {
    // The right code (test mode's), but the ledger, payouts and disputes cannot say yes.
    const refused = await service.query(CLOSE, { c: challenge, code: '000000' }, other);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAVAILABLE',
      reason: 'CLOSURE_CHECK_UNAVAILABLE',
    });
    expect(JSON.stringify(refused.errors)).not.toMatch(/127\.0\.0\.1/);
    expect(await closedAt()).toBeNull();
    expect((await outbox('acct_other')).map((event) => event.type)).not.toContain('account.closed');
    // The code was not used up by the refusal.
    const [row] = await service.dataSource.query(
      'SELECT consumed_at FROM login_challenges WHERE id = ?',
      [challenge],
    );
    expect(row.consumed_at).toBeNull();
  });

  it("refuses another account's closing code", async () => {
    const refused = await service.query(CLOSE, { c: challenge, code: '000000' }, jo);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CHALLENGE_INVALID',
    });
  });
});
