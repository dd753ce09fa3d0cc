import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { createRedisConnection } from '@dash/queue';
import {
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { identityService, LOGIN_RULES, seedIdentity } from '../src/index.js';

const prefix = testRedisPrefix('login');
let service: TestService;
let jobs: Queue;
const platform = platformCaller('plat_a');

const accounts = [
  {
    id: 'acct_phone',
    displayName: 'Pat',
    email: 'pat@example.com',
    country: 'US',
    defaultCurrency: 'usd',
    livemode: false,
  },
  {
    id: 'acct_live',
    displayName: 'Liv',
    email: 'liv@example.com',
    country: 'US',
    defaultCurrency: 'usd',
    livemode: true,
  },
];

type Challenge = {
  id: string;
  channel: string;
  maskedDestination: string;
  alternativeChannels: string[];
};
type Failure = { extensions?: { code?: string; reason?: string; attemptsLeft?: number } };

async function loginLink(accountId: string, caller: Caller = platform): Promise<string> {
  const response = await service.query<{ createLoginLink: { url: string } }>(
    'mutation($a: ID!) { createLoginLink(account: $a) { url createdAt expiresAt } }',
    { a: accountId },
    caller,
  );
  return response.data!.createLoginLink.url;
}
const tokenOf = (url: string) => url.split('/login/')[1]!;

async function startLogin(token: string, channel?: string) {
  return service.query<{ startLogin: Challenge }>(
    'mutation($t: String!, $c: LoginChannel) { startLogin(token: $t, channel: $c) { id channel maskedDestination alternativeChannels } }',
    { t: token, c: channel },
  );
}
const verify = (challenge: string, code: string) =>
  service.query<{ verifyLoginCode: { account: { id: string }; expiresAt: string } }>(
    'mutation($ch: ID!, $code: String!) { verifyLoginCode(challenge: $ch, code: $code) { account { id } expiresAt } }',
    { ch: challenge, code },
  );

/**
 * The code as the notifications worker would receive it: from the job on the real queue, where
 * it is sealed, opened with the delivery key as the worker opens it.
 */
async function sentCode(challengeId: string): Promise<{ code: string; to: string; name: string }> {
  const job = await jobs.getJob(`dlv_${challengeId}`);
  expect(job!.data.params.code).toMatch(/^sealed:v2:/);
  const { code } = openDeliveryParams(TEST_SECRET_KEYS, job!.data);
  return { code: code!, to: job!.data.to, name: job!.name };
}

beforeAll(async () => {
  service = await startTestService(identityService, {
    DASH_REDIS_PREFIX: prefix,
    DASH_DASHBOARD_URL: 'https://dash.example',
  });
  jobs = new Queue(deliveryQueue.name, {
    connection: createRedisConnection(testRedisUrl()),
    prefix,
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'A', brandColor: '#5b4cf0' },
    accounts,
  });
  await service.dataSource.query(
    "UPDATE accounts SET phone = '+15555550142' WHERE id = 'acct_phone'",
  );
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_b', name: 'B', brandColor: '#5b4cf0' },
    accounts: [],
  });
});
afterAll(async () => {
  await jobs?.obliterate({ force: true });
  await jobs?.close();
  await service?.close();
});

describe('login links', () => {
  it('are made by the account’s platform only, and stored only as a hash', async () => {
    const url = await loginLink('acct_phone');
    expect(url).toMatch(/^https:\/\/dash\.example\/login\/[\w-]{32}$/);
    const rows = await service.dataSource.query('SELECT * FROM login_links');
    expect(JSON.stringify(rows)).not.toContain(tokenOf(url));

    const other = await service.query(
      'mutation { createLoginLink(account: "acct_phone") { url } }',
      {},
      platformCaller('plat_b'),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const self = await service.query(
      'mutation { createLoginLink(account: "acct_phone") { url } }',
      {},
      {
        kind: 'account',
        accountId: 'acct_phone',
        platformId: 'plat_a',
        livemode: false,
      },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('work once, and say why when they do not', async () => {
    const token = tokenOf(await loginLink('acct_phone'));
    const first = await startLogin(token);
    expect(first.data?.startLogin).toMatchObject({
      channel: 'sms',
      maskedDestination: '•••• 42',
      alternativeChannels: ['email'],
    });
    const replay = await startLogin(token);
    expect((replay.errors?.[0] as Failure).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'LINK_USED',
    });
    const invalid = await startLogin('not-a-real-token');
    expect((invalid.errors?.[0] as Failure).extensions?.reason).toBe('LINK_INVALID');

    const stale = tokenOf(await loginLink('acct_phone'));
    await service.dataSource.query(
      'UPDATE login_links SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE used_at IS NULL',
    );
    expect(((await startLogin(stale)).errors?.[0] as Failure).extensions?.reason).toBe(
      'LINK_EXPIRED',
    );
  });
});

describe('one-time codes', () => {
  it('sign in with the code that was sent, once', async () => {
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')), 'email')).data!
      .startLogin;
    expect(challenge.maskedDestination).toBe('p•••@example.com');
    const sent = await sentCode(challenge.id);
    expect(sent).toMatchObject({ name: 'send-email', to: 'pat@example.com' });
    expect(sent.code).toMatch(/^\d{6}$/);
    const rows = await service.dataSource.query('SELECT code_hash FROM login_challenges');
    expect(JSON.stringify(rows)).not.toContain(sent.code);

    const signedIn = await verify(challenge.id, sent.code);
    expect(signedIn.data?.verifyLoginCode.account.id).toBe('acct_phone');
    const header = signedIn.headers.get('x-dash-session')!;
    expect(header).toMatch(/^set [\w-]{32} \d{4}-\d\d-\d\dT/);

    const again = await verify(challenge.id, sent.code);
    expect((again.errors?.[0] as Failure).extensions?.reason).toBe('CHALLENGE_INVALID');
  });

  it('lock the sign-in after five wrong codes', async () => {
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const { code } = await sentCode(challenge.id);
    const wrong = code === '111111' ? '222222' : '111111';
    const left: Array<number | undefined> = [];
    for (let i = 0; i < LOGIN_RULES.maxWrongAttempts - 1; i += 1) {
      left.push(
        ((await verify(challenge.id, wrong)).errors?.[0] as Failure).extensions?.attemptsLeft,
      );
    }
    expect(left).toEqual([4, 3, 2, 1]);
    expect(((await verify(challenge.id, wrong)).errors?.[0] as Failure).extensions?.reason).toBe(
      'CHALLENGE_LOCKED',
    );
    expect(((await verify(challenge.id, code)).errors?.[0] as Failure).extensions?.reason).toBe(
      'CHALLENGE_LOCKED',
    );
  });

  it('accept 000000 in test mode only', async () => {
    const test = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    expect((await verify(test.id, '000000')).data?.verifyLoginCode.account.id).toBe('acct_phone');

    const liveKey: Caller = {
      kind: 'platform',
      platformId: 'plat_a',
      livemode: true,
      keyId: 'key_live',
    };
    const live = (await startLogin(tokenOf(await loginLink('acct_live', liveKey)))).data!
      .startLogin;
    expect(((await verify(live.id, '000000')).errors?.[0] as Failure).extensions?.reason).toBe(
      'CODE_WRONG',
    );
  });

  it('limit resends, and send to the other channel when the phone is lost', async () => {
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const resend = (channel?: string) =>
      service.query<{ resendLoginCode: Challenge }>(
        'mutation($ch: ID!, $c: LoginChannel) { resendLoginCode(challenge: $ch, channel: $c) { id channel maskedDestination } }',
        { ch: challenge.id, c: channel },
      );
    expect(((await resend()).errors?.[0] as Failure).extensions).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'RESEND_TOO_SOON',
    });
    await service.dataSource.query(
      'UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?',
      [challenge.id],
    );
    const byEmail = (await resend('email')).data!.resendLoginCode;
    expect(byEmail).toMatchObject({ channel: 'email', maskedDestination: 'p•••@example.com' });
    expect((await sentCode(byEmail.id)).to).toBe('pat@example.com');
    expect(((await verify(challenge.id, '000000')).errors?.[0] as Failure).extensions?.reason).toBe(
      'CHALLENGE_INVALID',
    );
  });

  it('stop sending codes to one account after ten in an hour', async () => {
    await service.dataSource.query('DELETE FROM login_challenges');
    const limit = LOGIN_RULES.maxCodesPerAccountPerHour;
    const outcomes: string[] = [];
    for (let i = 0; i <= limit; i += 1) {
      const result = await startLogin(tokenOf(await loginLink('acct_phone')));
      outcomes.push(
        result.data ? 'sent' : ((result.errors?.[0] as Failure).extensions?.reason ?? 'error'),
      );
    }
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(limit);
    expect(outcomes.at(-1)).toBe('TOO_MANY_CODES');
  });
});

describe('sessions', () => {
  const authenticate = async (sessionToken: string) => {
    const response = await fetch(service.url.replace('/graphql', '/internal/authenticate'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CALLER_HEADER]: signCaller({ kind: 'service', service: 'gateway' }, TEST_SECRET_KEYS, {
          audience: 'identity',
        }),
      },
      body: JSON.stringify({ sessionToken }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { caller?: Extract<Caller, { kind: 'account' }> },
    };
  };

  it('authenticate the browser until it signs out, or is idle too long', async () => {
    await service.dataSource.query('DELETE FROM login_challenges');
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const signedIn = await verify(challenge.id, (await sentCode(challenge.id)).code);
    const token = signedIn.headers.get('x-dash-session')!.split(' ')[1]!;

    const ok = await authenticate(token);
    expect(ok.body.caller).toMatchObject({
      kind: 'account',
      accountId: 'acct_phone',
      platformId: 'plat_a',
      livemode: false,
    });
    const caller = ok.body.caller!;

    const signOut = await service.query<{ signOut: boolean }>('mutation { signOut }', {}, caller);
    expect(signOut.data?.signOut).toBe(true);
    expect(signOut.headers.get('x-dash-session')).toBe('clear');
    expect((await authenticate(token)).status).toBe(401);

    const second = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const idleToken = (await verify(second.id, '000000')).headers
      .get('x-dash-session')!
      .split(' ')[1]!;
    await service.dataSource.query(
      'UPDATE sessions SET last_seen_at = NOW(3) - INTERVAL 31 MINUTE WHERE revoked_at IS NULL',
    );
    expect((await authenticate(idleToken)).status).toBe(401);
  });
});

describe('self-serve sign-in by email', () => {
  const startEmail = (email: string) =>
    service.query<{ startEmailLogin: Challenge }>(
      'mutation($e: String!) { startEmailLogin(email: $e) { id channel maskedDestination } }',
      { e: email },
    );

  it('sends a code to a live account, and answers the same for an unknown email', async () => {
    await service.dataSource.query('DELETE FROM login_challenges');
    const known = (await startEmail('Liv@Example.com')).data!.startEmailLogin;
    const unknown = (await startEmail('nobody@example.com')).data!.startEmailLogin;
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(known).toMatchObject({ channel: 'email', maskedDestination: 'l•••@example.com' });
    expect(unknown).toMatchObject({ channel: 'email', maskedDestination: 'n•••@example.com' });

    // The decoy behaves like a real challenge: wrong codes, then locked; no code opens it.
    expect(((await verify(unknown.id, '123456')).errors?.[0] as Failure).extensions).toMatchObject({
      reason: 'CODE_WRONG',
      attemptsLeft: 4,
    });
    const { code } = await sentCode(known.id);
    expect((await verify(known.id, code)).data?.verifyLoginCode.account.id).toBe('acct_live');
  });

  it('tells a test-mode account to use a login link, and refuses what is not an email', async () => {
    expect(((await startEmail('pat@example.com')).errors?.[0] as Failure).extensions?.reason).toBe(
      'TEST_MODE_ACCOUNT',
    );
    expect((await startEmail('not-an-email')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
  });
});

describe('per-address limit', () => {
  it('stops one address asking for codes for many emails', async () => {
    await service.dataSource.query('DELETE FROM login_challenges');
    const fromAddress = (email: string) =>
      graphqlRequest<{ startEmailLogin: { id: string } }>(
        service.url,
        'mutation($e: String!) { startEmailLogin(email: $e) { id } }',
        { e: email },
        {
          'x-dash-caller': signCaller({ kind: 'anonymous' }, TEST_SECRET_KEYS, {
            audience: 'identity',
          }),
          'x-dash-client-ip': '203.0.113.7',
        },
      );
    const outcomes: string[] = [];
    for (let i = 0; i <= LOGIN_RULES.maxCodesPerAddressPerHour; i += 1) {
      const result = await fromAddress(`person${i}@example.com`);
      outcomes.push(
        result.data ? 'sent' : ((result.errors?.[0] as Failure).extensions?.reason ?? 'error'),
      );
    }
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(
      LOGIN_RULES.maxCodesPerAddressPerHour,
    );
    expect(outcomes.at(-1)).toBe('TOO_MANY_CODES');
    // Another address is not affected.
    expect((await startEmailOther()).data).toBeTruthy();
  });
});

function startEmailOther() {
  return graphqlRequest(
    service.url,
    'mutation { startEmailLogin(email: "someone@example.com") { id } }',
    {},
    {
      'x-dash-caller': signCaller({ kind: 'anonymous' }, TEST_SECRET_KEYS, {
        audience: 'identity',
      }),
      'x-dash-client-ip': '198.51.100.1',
    },
  );
}
