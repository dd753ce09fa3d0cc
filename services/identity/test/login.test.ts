import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { signCaller, type Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { createRedisConnection } from '@dash/queue';
import {
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { CODE_ALLOWANCES, identityService, LOGIN_RULES, seedIdentity } from '../src/index.js';
import { authenticate as authenticateAt, checkPayoutDetailsCode, usAccount } from './support.js';
import { hashSecret } from '../src/api-key/secret-key.rules.js';

const prefix = testRedisPrefix('login');
let service: TestService;
let jobs: Queue;
const platform = platformCaller('plat_a');

const accounts = [
  usAccount('acct_phone', 'Pat', { email: 'pat@example.com' }),
  usAccount('acct_live', 'Liv', { email: 'liv@example.com', livemode: true }),
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

/** Code limits are counted in Redis for an hour; tests that measure them start from zero. */
async function resetCodeLimits(): Promise<void> {
  const redis = createRedisConnection(testRedisUrl());
  const keys = await redis.keys(`${prefix}:limits:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

const reasonOf = (response: { data?: unknown; errors?: unknown[] }) =>
  response.errors ? ((response.errors[0] as Failure).extensions?.reason ?? 'error') : 'ok';

const wrongCodeFor = (code: string) => (code === '111111' ? '222222' : '111111');

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

  it('send exactly ten codes to one account in an hour, however many are asked for at once', async () => {
    await resetCodeLimits();
    const limit = LOGIN_RULES.maxCodesPerAccountPerHour;
    const tokens: string[] = [];
    for (let i = 0; i < limit + 4; i += 1) tokens.push(tokenOf(await loginLink('acct_phone')));
    const outcomes = await Promise.all(
      tokens.map(async (token) => reasonOf(await startLogin(token))),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(limit);
    expect(outcomes.filter((o) => o === 'TOO_MANY_CODES')).toHaveLength(4);
  });

  it('replace a challenge once, however many resends arrive at once', async () => {
    await resetCodeLimits();
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const resend = () =>
      service.query<{ resendLoginCode: Challenge }>(
        'mutation($ch: ID!) { resendLoginCode(challenge: $ch) { id } }',
        { ch: challenge.id },
      );
    // Within the cooldown, every one of them is refused.
    const early = await Promise.all(Array.from({ length: 20 }, () => resend()));
    expect(new Set(early.map(reasonOf))).toEqual(new Set(['RESEND_TOO_SOON']));
    await service.dataSource.query(
      'UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?',
      [challenge.id],
    );
    const since = new Date();
    const late = await Promise.all(Array.from({ length: 20 }, () => resend()));
    expect(late.filter((r) => r.data?.resendLoginCode)).toHaveLength(1);
    const [{ replacements }] = await service.dataSource.query(
      'SELECT COUNT(*) AS replacements FROM login_challenges WHERE account_id = ? AND created_at >= ?',
      ['acct_phone', since],
    );
    expect(Number(replacements)).toBe(1);
  });

  it('stop a challenge after five sends', async () => {
    await resetCodeLimits();
    let current = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin.id;
    const outcomes: string[] = [];
    for (let i = 0; i < LOGIN_RULES.maxSendsPerChallenge; i += 1) {
      await service.dataSource.query(
        'UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?',
        [current],
      );
      const next = await service.query<{ resendLoginCode: Challenge }>(
        'mutation($ch: ID!) { resendLoginCode(challenge: $ch) { id } }',
        { ch: current },
      );
      outcomes.push(reasonOf(next));
      if (next.data) current = next.data.resendLoginCode.id;
    }
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'TOO_MANY_CODES']);
  });
});

describe('separate code budgets', () => {
  const startEmail = (email: string) =>
    service.query<{ startEmailLogin: { id: string } }>(
      'mutation($e: String!) { startEmailLogin(email: $e) { id } }',
      { e: email },
    );
  const livePlatform: Caller = {
    kind: 'platform',
    platformId: 'plat_a',
    livemode: true,
    keyId: 'key_live',
  };
  const signedIn = (accountId: string, livemode: boolean): Caller => ({
    kind: 'account',
    accountId,
    platformId: 'plat_a',
    livemode,
    sessionId: 'ses_budgets',
  });
  const startPayoutDetails = (caller: Caller) =>
    service.query<{ startPayoutDetailsChange: { id: string } }>(
      'mutation { startPayoutDetailsChange { id } }',
      {},
      caller,
    );

  it('let anyone with the email spend only the three self-serve codes: the login link and the payout-details code still go out', async () => {
    await resetCodeLimits();
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => startEmail('liv@example.com').then(reasonOf)),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(
      LOGIN_RULES.maxSelfServeCodesPerEmailPerHour,
    );
    expect(outcomes.filter((o) => o === 'TOO_MANY_CODES')).toHaveLength(
      12 - LOGIN_RULES.maxSelfServeCodesPerEmailPerHour,
    );

    const viaLink = await startLogin(tokenOf(await loginLink('acct_live', livePlatform)));
    expect(viaLink.errors).toBeUndefined();
    expect((await sentCode(viaLink.data!.startLogin.id)).to).toBe('liv@example.com');
    const payoutDetails = await startPayoutDetails(signedIn('acct_live', true));
    expect(payoutDetails.errors).toBeUndefined();
    expect((await sentCode(payoutDetails.data!.startPayoutDetailsChange.id)).to).toBe(
      'liv@example.com',
    );
  });

  it('leave a login link unused when its code is refused, and spare the step-up codes', async () => {
    await resetCodeLimits();
    // The account's sign-in codes for the hour, all asked for at once.
    const tokens = await Promise.all(
      Array.from({ length: LOGIN_RULES.maxCodesPerAccountPerHour }, async () =>
        tokenOf(await loginLink('acct_phone')),
      ),
    );
    const spent = await Promise.all(tokens.map(async (token) => reasonOf(await startLogin(token))));
    expect(spent.every((o) => o === 'ok')).toBe(true);

    const token = tokenOf(await loginLink('acct_phone'));
    expect(reasonOf(await startLogin(token))).toBe('TOO_MANY_CODES');
    // Refused, not burned: the same link is refused for the same reason, not as used.
    expect(reasonOf(await startLogin(token))).toBe('TOO_MANY_CODES');
    const [link] = await service.dataSource.query(
      'SELECT used_at FROM login_links WHERE token_hash = ?',
      [hashSecret(token)],
    );
    expect(link.used_at).toBeNull();

    // Step-up codes have their own budget.
    expect((await startPayoutDetails(signedIn('acct_phone', false))).errors).toBeUndefined();
  });

  it('leave a login link unused when the channel asked for is missing', async () => {
    await resetCodeLimits();
    const token = tokenOf(await loginLink('acct_live', livePlatform));
    expect(reasonOf(await startLogin(token, 'sms'))).toBe('CHANNEL_UNAVAILABLE');
    const byEmail = await startLogin(token, 'email');
    expect(byEmail.errors).toBeUndefined();
    expect(reasonOf(await startLogin(token))).toBe('LINK_USED');
  });
});

describe('parallel guessing', () => {
  /** What 40 guesses at once got: how many were compared with the code, and the counter after. */
  async function guessInParallel(
    challengeId: string,
    guesses: string[],
    guess: (code: string) => Promise<{ data?: unknown; errors?: unknown[] }>,
  ) {
    const answers = await Promise.all(guesses.map((code) => guess(code)));
    const compared = answers.filter((answer) => {
      const extensions = (answer.errors?.[0] as Failure | undefined)?.extensions;
      // A compared wrong code says how many tries are left (0 when it was the fifth).
      return extensions?.attemptsLeft !== undefined || !answer.errors;
    });
    const [row] = await service.dataSource.query(
      'SELECT wrong_attempts FROM login_challenges WHERE id = ?',
      [challengeId],
    );
    return { answers, compared: compared.length, wrongAttempts: Number(row.wrong_attempts) };
  }

  it('compares at most five of 40 parallel wrong sign-in codes, then refuses the right one', async () => {
    await resetCodeLimits();
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const { code } = await sentCode(challenge.id);
    const result = await guessInParallel(
      challenge.id,
      Array.from({ length: 40 }, () => wrongCodeFor(code)),
      (guess) => verify(challenge.id, guess),
    );
    expect(result.compared).toBe(LOGIN_RULES.maxWrongAttempts);
    expect(result.wrongAttempts).toBe(LOGIN_RULES.maxWrongAttempts);
    expect(reasonOf(await verify(challenge.id, code))).toBe('CHALLENGE_LOCKED');
  });

  it('checks at most 30 codes an hour for one account, across its challenges', async () => {
    await resetCodeLimits();
    const challenges: string[] = [];
    for (let i = 0; i < 7; i += 1)
      challenges.push(
        (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin.id,
      );
    // 7 challenges × 5 tries = 35 guesses, all at once.
    const outcomes = await Promise.all(
      challenges.flatMap((id) =>
        Array.from({ length: 5 }, () => verify(id, '123456').then(reasonOf)),
      ),
    );
    expect(outcomes.filter((o) => o === 'TOO_MANY_ATTEMPTS')).toHaveLength(
      35 - CODE_ALLOWANCES.verificationsPerAccountPerHour,
    );
  });

  it('lets the right code in with four wrong ones at once, and gives its attempt back', async () => {
    await resetCodeLimits();
    const challenge = (await startLogin(tokenOf(await loginLink('acct_phone')))).data!.startLogin;
    const { code } = await sentCode(challenge.id);
    const answers = await Promise.all(
      [wrongCodeFor(code), wrongCodeFor(code), code, wrongCodeFor(code), wrongCodeFor(code)].map(
        (guess) => verify(challenge.id, guess),
      ),
    );
    expect(answers.filter((answer) => answer.data?.verifyLoginCode)).toHaveLength(1);
    const [row] = await service.dataSource.query(
      'SELECT wrong_attempts, consumed_at FROM login_challenges WHERE id = ?',
      [challenge.id],
    );
    expect(row.consumed_at).not.toBeNull();
    expect(Number(row.wrong_attempts)).toBeLessThanOrEqual(4);
  });

  it('compares at most five of 40 parallel wrong payout-details codes, then refuses the right one', async () => {
    await resetCodeLimits();
    const holder: Caller = {
      kind: 'account',
      accountId: 'acct_phone',
      platformId: 'plat_a',
      livemode: false,
    };
    const started = await service.query<{ startPayoutDetailsChange: { id: string } }>(
      'mutation { startPayoutDetailsChange { id } }',
      {},
      holder,
    );
    const challengeId = started.data!.startPayoutDetailsChange.id;
    const { code } = await sentCode(challengeId);
    const check = async (guess: string) => {
      const body = await checkPayoutDetailsCode(service, 'acct_phone', challengeId, guess);
      return body.ok ? { data: body } : { errors: [{ extensions: body.error?.extensions }] };
    };
    const result = await guessInParallel(
      challengeId,
      Array.from({ length: 40 }, () => wrongCodeFor(code)),
      check,
    );
    expect(result.compared).toBe(LOGIN_RULES.maxWrongAttempts);
    expect(result.wrongAttempts).toBe(LOGIN_RULES.maxWrongAttempts);
    expect(reasonOf(await check(code))).toBe('CHALLENGE_LOCKED');
  });
});

describe('sessions', () => {
  const authenticate = async (sessionToken: string) => {
    const { status, body } = await authenticateAt(service, { sessionToken });
    return { status, body: body as { caller?: Extract<Caller, { kind: 'account' }> } };
  };

  it('authenticate the browser until it signs out, or is idle too long', async () => {
    await resetCodeLimits();
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
    await resetCodeLimits();
    const known = (await startEmail('Liv@Example.com')).data!.startEmailLogin;
    const unknown = (await startEmail('nobody@example.com')).data!.startEmailLogin;
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    // liv@ has no phone: the code is emailed, but the answer does not say so.
    expect(known).toMatchObject({ channel: 'on_file', maskedDestination: 'l•••@example.com' });
    expect(unknown).toMatchObject({ channel: 'on_file', maskedDestination: 'n•••@example.com' });

    // The decoy behaves like a real challenge: wrong codes, then locked; no code opens it.
    expect(((await verify(unknown.id, '123456')).errors?.[0] as Failure).extensions).toMatchObject({
      reason: 'CODE_WRONG',
      attemptsLeft: 4,
    });
    const { code } = await sentCode(known.id);
    expect((await verify(known.id, code)).data?.verifyLoginCode.account.id).toBe('acct_live');
  });

  it('answers unknown, test-mode and live emails alike, and sends no code to a test-mode one', async () => {
    await resetCodeLimits();
    const FIELDS =
      'mutation($e: String!) { startEmailLogin(email: $e) { __typename id channel maskedDestination expiresAt resendAvailableAt alternativeChannels } }';
    const ask = (email: string) =>
      service.query<{ startEmailLogin: Record<string, unknown> }>(FIELDS, { e: email });
    // pat@ has a phone and a test-mode account; liv@ a live one; nobody@ nothing.
    const [unknown, testMode, live] = await Promise.all([
      ask('nobody.else@example.com'),
      ask('pat@example.com'),
      ask('liv@example.com'),
    ]);
    const shapeOf = (response: typeof unknown) => {
      expect(response.errors).toBeUndefined();
      const answer = response.data!.startEmailLogin;
      return {
        fields: Object.keys(answer),
        typename: answer.__typename,
        channel: answer.channel,
        alternativeChannels: answer.alternativeChannels,
        idPattern: String(answer.id).replace(/[A-Za-z0-9]/g, 'x'),
        masked: String(answer.maskedDestination).replace(/^[a-z]/, 'x'),
        expiresInSeconds: Math.round((Date.parse(String(answer.expiresAt)) - Date.now()) / 10_000),
        resendInSeconds: Math.round(
          (Date.parse(String(answer.resendAvailableAt)) - Date.now()) / 10_000,
        ),
      };
    };
    expect(shapeOf(testMode)).toStrictEqual(shapeOf(unknown));
    expect(shapeOf(live)).toStrictEqual(shapeOf(unknown));
    expect(await jobs.getJob(`dlv_${testMode.data!.startEmailLogin.id}`)).toBeUndefined();
    expect(await jobs.getJob(`dlv_${unknown.data!.startEmailLogin.id}`)).toBeUndefined();
    expect((await sentCode(String(live.data!.startEmailLogin.id))).to).toBe('liv@example.com');
    // Nothing opens the test-mode decoy, not even the test-mode code.
    expect(reasonOf(await verify(String(testMode.data!.startEmailLogin.id), '000000'))).toBe(
      'CODE_WRONG',
    );
    expect((await startEmail('not-an-email')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'email' },
    });
  });
});

describe('self-serve sign-in by text, as the account was set up', () => {
  const START =
    'mutation($e: String!, $c: LoginChannel) { startEmailLogin(email: $e, channel: $c) { __typename id channel maskedDestination alternativeChannels } }';
  const RESEND =
    'mutation($ch: ID!, $c: LoginChannel) { resendLoginCode(challenge: $ch, channel: $c) { id channel maskedDestination alternativeChannels } }';
  const start = (email: string, channel?: string) =>
    service.query<{ startEmailLogin: Challenge }>(START, { e: email, c: channel });
  const resendBy = (challenge: string, channel?: string) =>
    service.query<{ resendLoginCode: Challenge }>(RESEND, { ch: challenge, c: channel });
  const shape = ({ id, ...answer }: Challenge & { __typename?: string }) => ({
    ...answer,
    idPattern: id.replace(/[A-Za-z0-9]/g, 'x'),
    maskedDestination: answer.maskedDestination.replace(/^[a-z]/, 'x'),
  });

  beforeAll(async () => {
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_a', name: 'A', brandColor: '#5b4cf0' },
      accounts: [
        usAccount('acct_sms', 'Sam', { email: 'sam@example.com', livemode: true }),
        usAccount('acct_sms_a', 'Shared A', { email: 'shared@example.com', livemode: true }),
        usAccount('acct_mixed_a', 'Mixed A', { email: 'mixed@example.com', livemode: true }),
      ],
    });
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_b', name: 'B', brandColor: '#5b4cf0' },
      accounts: [
        usAccount('acct_sms_b', 'Shared B', { email: 'shared@example.com', livemode: true }),
        usAccount('acct_mixed_b', 'Mixed B', { email: 'mixed@example.com', livemode: true }),
      ],
    });
    await service.dataSource.query(
      "UPDATE accounts SET phone = CASE id WHEN 'acct_mixed_b' THEN '+15555550199' ELSE '+15555550177' END WHERE id IN ('acct_sms', 'acct_sms_a', 'acct_sms_b', 'acct_mixed_a', 'acct_mixed_b')",
    );
  });

  it('texts the code to the phone on file, answered exactly as an email without a phone, or none', async () => {
    await resetCodeLimits();
    const [texted, emailed, unknown] = await Promise.all([
      start('sam@example.com'),
      start('liv@example.com'),
      start('nobody-at-all@example.com'),
    ]);
    const answers = [texted, emailed, unknown].map((response) => {
      expect(response.errors).toBeUndefined();
      return response.data!.startEmailLogin;
    });
    expect(shape(answers[0]!)).toStrictEqual(shape(answers[2]!));
    expect(shape(answers[1]!)).toStrictEqual(shape(answers[2]!));
    expect(answers[0]).toMatchObject({ channel: 'on_file', alternativeChannels: ['email'] });

    const sms = await sentCode(answers[0]!.id);
    expect(sms.to).toBe('+15555550177');
    expect(sms.name).toBe('send-sms');
    expect((await sentCode(answers[1]!.id)).to).toBe('liv@example.com');
    expect((await verify(answers[0]!.id, sms.code)).data?.verifyLoginCode.account.id).toBe(
      'acct_sms',
    );
  });

  it('emails the code instead when the phone is lost, and the texted code stops working', async () => {
    await resetCodeLimits();
    const texted = (await start('sam@example.com')).data!.startEmailLogin;
    const { code: textedCode } = await sentCode(texted.id);
    await service.dataSource.query(
      "UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE login_email IN ('sam@example.com', 'nobody-lost@example.com')",
    );
    const lost = await resendBy(texted.id, 'email');
    expect(lost.data?.resendLoginCode).toMatchObject({ channel: 'email', alternativeChannels: [] });
    const emailed = await sentCode(lost.data!.resendLoginCode.id);
    expect(emailed.to).toBe('sam@example.com');
    expect(reasonOf(await verify(texted.id, textedCode))).not.toBe('ok');
    // An unknown email asking the same gets the same answer.
    const decoy = (await start('nobody-lost@example.com')).data!.startEmailLogin;
    await service.dataSource.query(
      "UPDATE login_challenges SET last_sent_at = NOW(3) - INTERVAL 1 MINUTE WHERE login_email = 'nobody-lost@example.com'",
    );
    const decoyLost = (await resendBy(decoy.id, 'email')).data!.resendLoginCode;
    expect(shape(decoyLost)).toStrictEqual(shape(lost.data!.resendLoginCode));
    expect(
      (await verify(lost.data!.resendLoginCode.id, emailed.code)).data?.verifyLoginCode.account.id,
    ).toBe('acct_sms');
  });

  it('refuses on_file as a channel to ask for', async () => {
    for (const response of [
      await start('sam@example.com', 'on_file'),
      await startLogin(tokenOf(await loginLink('acct_phone')), 'on_file'),
    ])
      expect(response.errors?.[0]).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'channel' },
      });
  });

  it('texts an email’s accounts on several platforms when they share the phone, and emails them when not', async () => {
    await resetCodeLimits();
    const shared = (await start('shared@example.com')).data!.startEmailLogin;
    const sms = await sentCode(shared.id);
    expect(sms.to).toBe('+15555550177');
    const picked = await service.query<{
      verifyLoginCode: { choose: { accounts: Array<{ id: string }> } };
    }>(
      'mutation($ch: ID!, $code: String!) { verifyLoginCode(challenge: $ch, code: $code) { choose { accounts { id } } } }',
      { ch: shared.id, code: sms.code },
    );
    expect(picked.data!.verifyLoginCode.choose.accounts.map(({ id }) => id).sort()).toEqual([
      'acct_sms_a',
      'acct_sms_b',
    ]);

    // Two phones: the text would prove only one of them, so the email (which both share) is asked.
    const mixed = (await start('mixed@example.com')).data!.startEmailLogin;
    expect(mixed.channel).toBe('on_file');
    expect((await sentCode(mixed.id)).to).toBe('mixed@example.com');
  });

  it('opens nothing with a texted code once the phone has changed, and emails while a new phone is on hold', async () => {
    await resetCodeLimits();
    const texted = (await start('sam@example.com')).data!.startEmailLogin;
    const { code } = await sentCode(texted.id);
    // Someone (the platform, or a thief) moves the number between the text and the code.
    await service.dataSource.query(
      "UPDATE accounts SET phone = '+15555550188', phone_changed_at = NOW(3) WHERE id = 'acct_sms'",
    );
    expect(reasonOf(await verify(texted.id, code))).toBe('CHALLENGE_INVALID');
    // The new phone gets nothing for 72 hours: the code goes to the email.
    const next = (await start('sam@example.com')).data!.startEmailLogin;
    expect((await sentCode(next.id)).to).toBe('sam@example.com');
    await service.dataSource.query(
      "UPDATE accounts SET phone = '+15555550177', phone_changed_at = NULL WHERE id = 'acct_sms'",
    );
  });

  it('texts one phone at most three times an hour, however many sign-ins are started at once', async () => {
    await resetCodeLimits();
    const answers = await Promise.all(Array.from({ length: 12 }, () => start('sam@example.com')));
    const started = answers.filter((answer) => answer.data?.startEmailLogin);
    expect(started).toHaveLength(CODE_ALLOWANCES.selfServeSendsPerEmailPerHour);
    for (const answer of started)
      expect((await sentCode(answer.data!.startEmailLogin.id)).to).toBe('+15555550177');
    expect(new Set(answers.filter((answer) => answer.errors).map(reasonOf)).size).toBe(1);
  });
});

describe('one email, accounts on several platforms', () => {
  const twoPlatforms = [
    { id: 'acct_two_a', platform: 'plat_a' },
    { id: 'acct_two_b', platform: 'plat_b' },
  ];
  beforeAll(async () => {
    for (const [index, { id, platform: platformId }] of twoPlatforms.entries()) {
      await seedIdentity(service.dataSource, {
        platform: {
          id: platformId,
          name: platformId === 'plat_a' ? 'A' : 'B',
          brandColor: '#5b4cf0',
        },
        accounts: [
          {
            id,
            displayName: `Two ${index}`,
            email: 'two@example.com',
            country: 'US',
            defaultCurrency: 'usd',
            livemode: true,
          },
        ],
      });
    }
  });

  const VERIFY =
    'mutation($ch: ID!, $code: String!) { verifyLoginCode(challenge: $ch, code: $code) { account { id } expiresAt choose { token expiresAt accounts { id platformName businessName } } } }';
  const CHOOSE =
    'mutation($t: String!, $a: ID!) { chooseLoginAccount(token: $t, account: $a) { account { id } expiresAt } }';
  type Picker = { token: string; accounts: Array<{ id: string; platformName: string }> };

  async function provenEmail(): Promise<Picker> {
    await resetCodeLimits();
    const started = await service.query<{ startEmailLogin: Challenge }>(
      'mutation { startEmailLogin(email: "two@example.com") { id } }',
    );
    const challengeId = started.data!.startEmailLogin.id;
    const { code } = await sentCode(challengeId);
    const verified = await service.query<{
      verifyLoginCode: { account: null; choose: Picker };
    }>(VERIFY, { ch: challengeId, code });
    expect(verified.headers.get('x-dash-session')).toBeNull();
    expect(verified.data?.verifyLoginCode.account).toBeNull();
    return verified.data!.verifyLoginCode.choose;
  }

  const choose = (token: string, account: string) =>
    service.query<{ chooseLoginAccount: { account: { id: string } } }>(CHOOSE, {
      t: token,
      a: account,
    });

  it('proves the email, then opens whichever account the person picks, once', async () => {
    for (const { id } of twoPlatforms) {
      const picker = await provenEmail();
      expect(picker.accounts).toEqual(
        expect.arrayContaining([
          { id: 'acct_two_a', platformName: 'A', businessName: 'Two 0' },
          { id: 'acct_two_b', platformName: 'B', businessName: 'Two 1' },
        ]),
      );
      expect(picker.accounts).toHaveLength(2);
      // Ten tabs pick at once: one session opens.
      const picks = await Promise.all(Array.from({ length: 10 }, () => choose(picker.token, id)));
      const opened = picks.filter((pick) => pick.data?.chooseLoginAccount);
      expect(opened).toHaveLength(1);
      expect(opened[0]!.data!.chooseLoginAccount.account.id).toBe(id);
      expect(opened[0]!.headers.get('x-dash-session')).toMatch(/^set /);
      expect(new Set(picks.filter((pick) => pick.errors).map(reasonOf))).toEqual(
        new Set(['PICK_INVALID']),
      );
    }
  });

  it('cannot open an account of another email, or pick with a made-up or stale token', async () => {
    const picker = await provenEmail();
    const other = await choose(picker.token, 'acct_live');
    expect((other.errors?.[0] as Failure).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ACCOUNT_NOT_OFFERED',
    });
    expect(other.headers.get('x-dash-session')).toBeNull();
    expect(reasonOf(await choose('made-up-token', 'acct_two_a'))).toBe('PICK_INVALID');
    await service.dataSource.query(
      'UPDATE login_challenges SET pick_expires_at = NOW(3) - INTERVAL 1 SECOND WHERE pick_token_hash IS NOT NULL',
    );
    expect(reasonOf(await choose(picker.token, 'acct_two_a'))).toBe('PICK_INVALID');
  });
});

describe('per-address limits', () => {
  const fromAddress =
    (address: string) =>
    <T>(query: string, variables: Record<string, unknown>) =>
      graphqlRequest<T>(service.url, query, variables, {
        'x-dash-caller': signCaller({ kind: 'anonymous' }, TEST_SECRET_KEYS, {
          audience: 'identity',
        }),
        'x-dash-client-ip': address,
      });

  it('sends exactly 30 codes an hour for one address, however many emails it asks for at once', async () => {
    await resetCodeLimits();
    const ask = fromAddress('203.0.113.7');
    const limit = LOGIN_RULES.maxCodesPerAddressPerHour;
    const outcomes = await Promise.all(
      Array.from({ length: limit + 10 }, (_, i) =>
        ask('mutation($e: String!) { startEmailLogin(email: $e) { id } }', {
          e: `person${i}@example.com`,
        }).then(reasonOf),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(limit);
    expect(outcomes.filter((o) => o === 'TOO_MANY_CODES')).toHaveLength(10);
    // Another address is not affected.
    expect((await startEmailOther()).data).toBeTruthy();
  });

  it('checks at most 60 codes an hour from one address, across challenges', async () => {
    await resetCodeLimits();
    const ask = fromAddress('198.51.100.20');
    const challenges: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      const started = await fromAddress(`198.51.100.${100 + i}`)<{
        startEmailLogin: { id: string };
      }>('mutation($e: String!) { startEmailLogin(email: $e) { id } }', {
        e: `guess${i}@example.com`,
      });
      challenges.push(started.data!.startEmailLogin.id);
    }
    // 15 challenges × 5 tries = 75 guesses from one address, all at once.
    const guesses = challenges.flatMap((id) => Array.from({ length: 5 }, () => id));
    const outcomes = await Promise.all(
      guesses.map((id) =>
        ask(
          'mutation($ch: ID!, $code: String!) { verifyLoginCode(challenge: $ch, code: $code) { expiresAt } }',
          { ch: id, code: '123456' },
        ).then(reasonOf),
      ),
    );
    expect(outcomes.filter((o) => o === 'TOO_MANY_ATTEMPTS')).toHaveLength(75 - 60);
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
