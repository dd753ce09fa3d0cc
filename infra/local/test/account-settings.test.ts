import { describe, expect, it } from 'vitest';
import { subgraphUrlVariable } from '@dash/manifest';
import { graphqlRequest } from '@dash/testing';
import { DEMO_ACCOUNT, type IsolatedStackEnv, type RunningStack } from '../src/index.js';
import { loadGatewayConfig, startGateway } from '@dash/gateway';
import { createLogger } from '@dash/logger';
import { codeSentTo, messagesTo } from './dev-outbox.js';
import {
  asCaller,
  createAccountThroughApi,
  demoAccountCaller,
  extensionsOf,
  platformKey,
  ownStack,
} from './support.js';

let prepared: IsolatedStackEnv;
let stack: RunningStack;
ownStack('settings', (started, isolated) => {
  stack = started;
  prepared = isolated;
});

/** The platform's API, through the gateway with its secret key. */
const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

/** The dashboard's calls for one signed-in account, made to identity as the gateway makes them. */
const asAccount = (accountId: string) =>
  asCaller(stack, 'identity', demoAccountCaller(accountId, 'ses_test'));

const newAccount = (email: string) => createAccountThroughApi(stack, email);

const setCloseAccount = (allowed: boolean) =>
  asPlatform<{ updatePlatformFeatures: { features: { closeAccount: boolean } } }>(
    'mutation($on: Boolean!) { updatePlatformFeatures(input: { closeAccount: $on }) { features { closeAccount editPublicInfo } } }',
    { on: allowed },
  );

/** The account's activity hub as its platform reads it through the gateway. */
async function activityKinds(accountId: string): Promise<string[]> {
  const response = await asPlatform<{ account: { activity: { nodes: Array<{ kind: string }> } } }>(
    'query($id: ID!) { account(id: $id) { activity(first: 20) { nodes { kind title body } } } }',
    { id: accountId },
  );
  return response.data!.account.activity.nodes.map((item) => item.kind);
}

const START_CLOSE = 'mutation { startAccountClosure { id maskedDestination } }';
const CLOSE =
  'mutation($c: ID!, $code: String!) { closeMyAccount(challenge: $c, code: $code) { id closedAt } }';

/** Asks for the closing code as the account, and reads it where it went (the account's email). */
async function closingCode(accountId: string, email: string) {
  const SUBJECT = 'Confirm closing your account';
  const closingMessages = async () =>
    (await messagesTo(stack, email)).filter((message) => message.subject === SUBJECT);
  const before = (await closingMessages()).length;
  const started = await asAccount(accountId)<{ startAccountClosure: { id: string } }>(START_CLOSE);
  expect(started.errors).toBeUndefined();
  await expect
    .poll(async () => (await closingMessages()).length, { timeout: 10_000 })
    .toBeGreaterThan(before);
  const code = /\b(\d{6})\b/.exec((await closingMessages())[0]!.text)![1]!;
  return { c: started.data!.startAccountClosure.id, code };
}

describe('closing an account', () => {
  it('is refused while the platform has not switched it on', async () => {
    const features = await setCloseAccount(false);
    expect(features.data?.updatePlatformFeatures.features).toEqual({
      closeAccount: false,
      editPublicInfo: true,
    });
    const refused = await asAccount(await newAccount('not.allowed@example.com'))(START_CLOSE);
    expect(extensionsOf(refused)).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'FEATURE_DISABLED',
      feature: 'closeAccount',
    });
  });

  it('is refused while money, a payout or a dispute remains, naming each', async () => {
    await setCloseAccount(true);
    const refused = await asAccount(DEMO_ACCOUNT.id)(
      CLOSE,
      await closingCode(DEMO_ACCOUNT.id, DEMO_ACCOUNT.email),
    );
    expect(extensionsOf(refused)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CLOSE_BLOCKED',
    });
    expect(extensionsOf(refused)?.blockers).toEqual(
      expect.arrayContaining(['BALANCE_REMAINING', 'OPEN_DISPUTE']),
    );
    expect(refused.errors![0]!.message).toMatch(/cannot be closed yet/);
    const demo = await asAccount(DEMO_ACCOUNT.id)<{ me: { closedAt: string | null } }>(
      '{ me { closedAt } }',
    );
    expect(demo.data?.me.closedAt).toBeNull();
  });

  it('needs the code sent to the account: a stolen session without it closes nothing', async () => {
    await setCloseAccount(true);
    const accountId = await newAccount('stolen.session@example.com');
    const thief = asAccount(accountId);
    const withoutCode = await thief('mutation { closeMyAccount { closedAt } }');
    expect(withoutCode.errors).toBeDefined();
    const { c: challenge, code } = await closingCode(accountId, 'stolen.session@example.com');
    const wrong = await thief(CLOSE, {
      c: challenge,
      code: code === '111111' ? '222222' : '111111',
    });
    expect(extensionsOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_WRONG' });
    const me = await thief<{ me: { closedAt: string | null } }>('{ me { closedAt } }');
    expect(me.data?.me.closedAt).toBeNull();
  });

  it('closes a settled account once with its code, however many closes arrive at once; ends its sign-ins and tells the activity hub', async () => {
    await setCloseAccount(true);
    const accountId = await newAccount('leaving@example.com');
    const { c: challenge, code } = await closingCode(accountId, 'leaving@example.com');
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        asAccount(accountId)<{ closeMyAccount: { closedAt: string } }>(CLOSE, {
          c: challenge,
          code,
        }),
      ),
    );
    const closedOnes = attempts.filter((attempt) => !attempt.errors);
    expect(closedOnes).toHaveLength(1);
    const closed = closedOnes[0]!;
    expect(Date.parse(closed.data!.closeMyAccount.closedAt)).not.toBeNaN();
    expect(closed.headers.get('x-dash-session')).toMatch(/clear/);
    // The others were refused: the code closes once.
    expect(
      attempts
        .filter((attempt) => attempt.errors)
        .every((attempt) => extensionsOf(attempt)?.code === 'FAILED_PRECONDITION'),
    ).toBe(true);

    const again = await asAccount(accountId)(CLOSE, { c: challenge, code });
    expect(extensionsOf(again)).toMatchObject({ reason: 'ACCOUNT_CLOSED' });

    const link = await asPlatform('mutation($a: ID!) { createLoginLink(account: $a) { url } }', {
      a: accountId,
    });
    expect(extensionsOf(link)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'ACCOUNT_CLOSED',
    });
    await expect
      .poll(() => activityKinds(accountId), { timeout: 10_000 })
      .toContain('account.closed');
    expect(
      (await activityKinds(accountId)).filter((kind) => kind === 'account.closed'),
    ).toHaveLength(1);
  });
});

describe('closing an account on one gateway replica', () => {
  it('ends its session on every other replica at the very next request', async () => {
    await setCloseAccount(true);
    // A second replica of the gateway, in front of the same services and Redis.
    const replica = await startGateway(
      loadGatewayConfig({
        ...prepared.env,
        DASH_GATEWAY_PORT: '0',
        ...Object.fromEntries(
          stack.services.map((service) => [subgraphUrlVariable(service.name), service.url]),
        ),
      }),
      { log: createLogger('gateway', 'silent') },
    );
    try {
      const email = 'closing.replica@example.com';
      const accountId = await newAccount(email);
      const link = await asPlatform<{ createLoginLink: { url: string } }>(
        'mutation($a: ID!) { createLoginLink(account: $a) { url } }',
        { a: accountId },
      );
      const token = new URL(link.data!.createLoginLink.url).pathname.split('/login/')[1];
      const started = await graphqlRequest<{ startLogin: { id: string } }>(
        stack.gatewayUrl,
        'mutation($t: String!) { startLogin(token: $t) { id } }',
        { t: token },
      );
      const verified = await graphqlRequest(
        stack.gatewayUrl,
        'mutation($c: ID!, $code: String!) { verifyLoginCode(challenge: $c, code: $code) { account { id } } }',
        { c: started.data!.startLogin.id, code: await codeSentTo(stack, email) },
      );
      const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
      const me = (url: string) =>
        graphqlRequest<{ me: { id: string } | null }>(url, '{ me { id } }', {}, { cookie });
      expect((await me(replica.url)).data?.me?.id).toBe(accountId);
      expect((await me(replica.url)).data?.me?.id).toBe(accountId);

      // Closing takes a code; a test-mode account's is 000000.
      const start = await graphqlRequest<{ startAccountClosure: { id: string } }>(
        stack.gatewayUrl,
        START_CLOSE,
        {},
        { cookie },
      );
      const closed = await graphqlRequest(
        stack.gatewayUrl,
        CLOSE,
        { c: start.data!.startAccountClosure.id, code: '000000' },
        { cookie },
      );
      expect(closed.errors).toBeUndefined();

      const after = await Promise.all(Array.from({ length: 20 }, () => me(replica.url)));
      // (The local stack then falls back to its development account, never to this one.)
      expect(after.filter((response) => response.data?.me?.id === accountId)).toHaveLength(0);
    } finally {
      await replica.stop();
    }
  });
});

describe('changing email or phone', () => {
  it('changes the email only with the code sent to the new address', async () => {
    const accountId = await newAccount('old.address@example.com');
    const account = asAccount(accountId);
    const started = await account<{
      startContactChange: { id: string; maskedDestination: string };
    }>(
      'mutation { startContactChange(kind: email, value: "New.Address@example.com") { id maskedDestination expiresAt resendAvailableAt } }',
    );
    expect(started.data?.startContactChange.maskedDestination).toBe('n•••@example.com');
    const challenge = started.data!.startContactChange.id;
    const code = await codeSentTo(stack, 'new.address@example.com');
    const currentCode = await codeSentTo(stack, 'old.address@example.com');

    const wrong = await account(
      'mutation($c: ID!, $code: String!) { confirmContactChange(challenge: $c, code: $code) { email } }',
      { c: challenge, code: code === '111111' ? '222222' : '111111' },
    );
    expect(extensionsOf(wrong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CURRENT_CODE_REQUIRED',
    });

    // A code that confirms a contact change never signs anyone in.
    const asLogin = await graphqlRequest(
      stack.gatewayUrl,
      'mutation($c: ID!, $code: String!) { verifyLoginCode(challenge: $c, code: $code) { expiresAt } }',
      { c: challenge, code },
    );
    expect(extensionsOf(asLogin)).toMatchObject({ reason: 'CHALLENGE_INVALID' });

    const confirmed = await account<{ confirmContactChange: { email: string } }>(
      'mutation($c: ID!, $code: String!, $current: String) { confirmContactChange(challenge: $c, code: $code, currentCode: $current) { email } }',
      { c: challenge, code, current: currentCode },
    );
    expect(confirmed.data?.confirmContactChange.email).toBe('new.address@example.com');
    // The old address is told, and payout details wait 72 hours.
    await expect
      .poll(async () => (await messagesTo(stack, 'old.address@example.com'))[0]?.subject, {
        timeout: 10_000,
      })
      .toBe('Your email was changed');
    const held = await account('mutation { startPayoutDetailsChange { id } }');
    expect(extensionsOf(held)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
    // Nor can the account be closed in those 72 hours.
    expect(extensionsOf(await account(START_CLOSE))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
    await expect
      .poll(() => activityKinds(accountId), { timeout: 10_000 })
      .toContain('account.updated');
  });

  it("refuses another account's challenge, a bad phone and the current address", async () => {
    const first = asAccount(await newAccount('first.holder@example.com'));
    const second = asAccount(await newAccount('second.holder@example.com'));
    const started = await first<{ startContactChange: { id: string } }>(
      'mutation { startContactChange(kind: phone, value: "+15555550199") { id } }',
    );
    const code = await codeSentTo(stack, '+15555550199');
    const stolen = await second(
      'mutation($c: ID!, $code: String!) { confirmContactChange(challenge: $c, code: $code) { phone } }',
      { c: started.data!.startContactChange.id, code },
    );
    expect(extensionsOf(stolen)).toMatchObject({ reason: 'CHALLENGE_INVALID' });

    const badPhone = await first(
      'mutation { startContactChange(kind: phone, value: "555-0199") { id } }',
    );
    expect(extensionsOf(badPhone)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'value' });
    const same = await first(
      'mutation { startContactChange(kind: email, value: "first.holder@example.com") { id } }',
    );
    expect(extensionsOf(same)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SAME_CONTACT' });
  });
});
