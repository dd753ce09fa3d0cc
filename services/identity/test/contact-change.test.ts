import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { signCaller, type Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { createRedisConnection } from '@dash/queue';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import { createIdentityService, seedIdentity } from '../src/index.js';
import { checkPayoutDetailsCode, usAccount } from './support.js';

const HOUR = 60 * 60 * 1000;
const prefix = testRedisPrefix('contact-change');
/** The service's clock: the real time moved forward by `aheadMs`. */
const clock = { aheadMs: 0 };
let service: TestService;
let jobs: Queue;

/** A session a thief stole: it is the account's own, so every mutation is allowed to it. */
const stolenSession: Caller = {
  kind: 'account',
  accountId: 'acct_victim',
  platformId: 'plat_a',
  livemode: true,
  sessionId: 'ses_stolen',
};
type Failure = { extensions?: Record<string, unknown> };
const extensionsOf = (response: { errors?: unknown[] }) =>
  (response.errors?.[0] as Failure | undefined)?.extensions;

/** As the gateway forwards it: the caller signed, and the client's address. */
const asThief = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, variables, {
    'x-dash-caller': signCaller(stolenSession, TEST_SECRET_KEYS, { audience: 'identity' }),
    'x-dash-client-ip': '203.0.113.66',
    'x-dash-user-agent': 'Mozilla/5.0 (Thief OS) Firefox/140.0',
  });

/** The platform, with its live key. */
const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(service.url, query, variables, {
    'x-dash-caller': signCaller(
      { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'key_live' },
      TEST_SECRET_KEYS,
      { audience: 'identity' },
    ),
  });

async function jobFor(deliveryId: string) {
  const job = await jobs.getJob(deliveryId);
  return job ? { name: job.name, ...(job.data as { to: string; template: string }), job } : null;
}
/** The code as the delivery worker opens it: sealed in the job, opened with the delivery key. */
const codeOf = async (challengeId: string) =>
  String(
    openDeliveryParams(TEST_SECRET_KEYS, (await jobs.getJob(`dlv_${challengeId}`))!.data).code,
  );

const START_CHANGE =
  'mutation($v: String!) { startContactChange(kind: email, value: $v) { id maskedDestination currentContact } }';
const CONFIRM =
  'mutation($c: ID!, $code: String!, $current: String) { confirmContactChange(challenge: $c, code: $code, currentCode: $current) { email } }';
const START_PAYOUT_DETAILS = 'mutation { startPayoutDetailsChange { id } }';

/** How the payouts service checks a payout-details code before a bank change. */
function payoutsChecks(challengeId: string, code: string, accountId = 'acct_victim') {
  return checkPayoutDetailsCode(service, accountId, challengeId, code);
}

async function selfServeSignIn(email: string) {
  const started = await graphqlRequest<{ startEmailLogin: { id: string } }>(
    service.url,
    'mutation($e: String!) { startEmailLogin(email: $e) { id } }',
    { e: email },
    {
      'x-dash-caller': signCaller({ kind: 'anonymous' }, TEST_SECRET_KEYS, {
        audience: 'identity',
      }),
    },
  );
  const challengeId = started.data!.startEmailLogin.id;
  return service.query<{ verifyLoginCode: { account: { id: string } | null } }>(
    'mutation($ch: ID!, $code: String!) { verifyLoginCode(challenge: $ch, code: $code) { account { id } } }',
    { ch: challengeId, code: await codeOf(challengeId) },
  );
}

beforeAll(async () => {
  service = await startTestService(
    createIdentityService({ now: () => new Date(Date.now() + clock.aheadMs) }),
    { DASH_REDIS_PREFIX: prefix },
  );
  jobs = new Queue(deliveryQueue.name, {
    connection: createRedisConnection(testRedisUrl()),
    prefix,
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [
      usAccount('acct_victim', 'Vic', { email: 'victim@example.com', livemode: true }),
      usAccount('acct_moved', 'Mo', { email: 'holder@example.com', livemode: true }),
    ],
  });
  await asPlatform('mutation { updatePlatformFeatures(input: { closeAccount: true }) { id } }');
});
afterAll(async () => {
  await jobs?.obliterate({ force: true });
  await jobs?.close();
  await service?.close();
});

describe('a stolen session going for the payouts', () => {
  let changeId: string;
  let currentChallengeId: string;
  let earlierPayoutChallenge: string;

  it('cannot change the email without the code sent to the current email', async () => {
    // A payout-details code the thief had asked for before touching the email.
    const early = await asThief<{ startPayoutDetailsChange: { id: string } }>(START_PAYOUT_DETAILS);
    earlierPayoutChallenge = early.data!.startPayoutDetailsChange.id;

    const started = await asThief<{
      startContactChange: { id: string; maskedDestination: string; currentContact: string };
    }>(START_CHANGE, { v: 'thief@evil.example' });
    expect(started.data?.startContactChange).toMatchObject({
      maskedDestination: 't•••@evil.example',
      currentContact: 'v•••@example.com',
    });
    changeId = started.data!.startContactChange.id;
    const [row] = await service.dataSource.query(
      'SELECT current_contact_challenge_id AS id FROM login_challenges WHERE id = ?',
      [changeId],
    );
    currentChallengeId = row.id;
    expect(await jobFor(`dlv_${currentChallengeId}`)).toMatchObject({
      name: 'send-email',
      to: 'victim@example.com',
      template: 'approve-contact-change',
    });

    // The thief has the new address's code, not the old one's.
    const newCode = await codeOf(changeId);
    const withoutCurrent = await asThief(CONFIRM, { c: changeId, code: newCode });
    expect(extensionsOf(withoutCurrent)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CURRENT_CODE_REQUIRED',
      field: 'currentCode',
    });
    const realCurrent = await codeOf(currentChallengeId);
    const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i * 7919)).filter(
      (guess) => guess !== realCurrent,
    );
    const answers = await Promise.all(
      guesses.map((guess) => asThief(CONFIRM, { c: changeId, code: newCode, current: guess })),
    );
    expect(answers.every((answer) => answer.errors)).toBe(true);
    // Say what each guess got if none was compared (e.g. the limits could not be counted).
    expect(
      answers.map((answer) => extensionsOf(answer)?.field),
      JSON.stringify(answers.map((answer) => extensionsOf(answer))),
    ).toContain('currentCode');
    // Five guesses at most were compared: the current contact's code is locked now.
    const [locked] = await service.dataSource.query(
      'SELECT wrong_attempts FROM login_challenges WHERE id = ?',
      [currentChallengeId],
    );
    expect(Number(locked.wrong_attempts)).toBe(5);
    const me = await asThief<{ me: { email: string } }>('{ me { email } }');
    expect(me.data?.me.email).toBe('victim@example.com');
  });

  it('with both codes (both contacts taken over), changes the email and tells the old one', async () => {
    const started = await asThief<{ startContactChange: { id: string } }>(START_CHANGE, {
      v: 'thief@evil.example',
    });
    const id = started.data!.startContactChange.id;
    const [row] = await service.dataSource.query(
      'SELECT current_contact_challenge_id AS id FROM login_challenges WHERE id = ?',
      [id],
    );
    const confirmed = await asThief<{ confirmContactChange: { email: string } }>(CONFIRM, {
      c: id,
      code: await codeOf(id),
      current: await codeOf(row.id),
    });
    expect(confirmed.data?.confirmContactChange.email).toBe('thief@evil.example');
    const notice = await jobFor(`dlv_${id}_changed`);
    expect(notice).toMatchObject({
      name: 'send-email',
      to: 'victim@example.com',
      template: 'contact-changed',
    });
    expect(notice!.job.data.params).toMatchObject({
      what: 'email',
      address: '203.0.113.66',
      device: 'Mozilla/5.0 (Thief OS) Firefox/140.0',
    });
    expect(Date.parse(notice!.job.data.params.at)).not.toBeNaN();
  });

  it('still cannot change where payouts go for 72 hours', async () => {
    const refusedStart = await asThief(START_PAYOUT_DETAILS);
    expect(extensionsOf(refusedStart)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
    // A code issued before the change is no good either: payouts' check is refused too.
    const code = await codeOf(earlierPayoutChallenge);
    const check = await payoutsChecks(earlierPayoutChallenge, code);
    expect(check.ok).toBeUndefined();
    expect(check.error?.extensions?.reason).toBe('RECENT_CONTACT_CHANGE');

    clock.aheadMs = 71 * HOUR;
    expect(extensionsOf(await asThief(START_PAYOUT_DETAILS))?.reason).toBe('RECENT_CONTACT_CHANGE');
  });

  it('cannot close the account on its holder for 72 hours either', async () => {
    clock.aheadMs = 0;
    expect(extensionsOf(await asThief('mutation { startAccountClosure { id } }'))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
  });

  it('cannot sign in through the new email for 72 hours', async () => {
    clock.aheadMs = 0;
    const refused = await selfServeSignIn('thief@evil.example');
    expect(extensionsOf(refused)).toMatchObject({ reason: 'RECENT_CONTACT_CHANGE' });
    expect(refused.headers.get('x-dash-session')).toBeNull();
  });

  it('after 72 hours, both are open again', async () => {
    clock.aheadMs = 72 * HOUR + 60_000;
    const started = await asThief<{ startPayoutDetailsChange: { id: string } }>(
      START_PAYOUT_DETAILS,
    );
    expect(started.errors).toBeUndefined();
    const signedIn = await selfServeSignIn('thief@evil.example');
    expect(signedIn.data?.verifyLoginCode.account?.id).toBe('acct_victim');
  });
});

describe('the platform changing the email through its API', () => {
  const moved: Caller = { ...stolenSession, accountId: 'acct_moved', sessionId: 'ses_moved' };
  const asMoved = <T>(query: string) =>
    graphqlRequest<T>(
      service.url,
      query,
      {},
      {
        'x-dash-caller': signCaller(moved, TEST_SECRET_KEYS, { audience: 'identity' }),
      },
    );

  it('tells the old email and holds payout details and closing for 72 hours', async () => {
    clock.aheadMs = 0;
    const early = await asMoved<{ startPayoutDetailsChange: { id: string } }>(START_PAYOUT_DETAILS);
    const earlyId = early.data!.startPayoutDetailsChange.id;

    const updated = await asPlatform<{ updateAccount: { email: string } }>(
      'mutation { updateAccount(id: "acct_moved", input: { email: "Elsewhere@example.com" }) { email } }',
    );
    expect(updated.data?.updateAccount.email).toBe('elsewhere@example.com');

    const notices = (await jobs.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (job) => job.data.to === 'holder@example.com' && job.data.template === 'contact-changed',
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.data.params).toMatchObject({ what: 'email', by: 'platform' });

    expect(extensionsOf(await asMoved(START_PAYOUT_DETAILS))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
    const check = await payoutsChecks(earlyId, await codeOf(earlyId), 'acct_moved');
    expect(check.error?.extensions?.reason).toBe('RECENT_CONTACT_CHANGE');
    expect(extensionsOf(await asMoved('mutation { startAccountClosure { id } }'))?.reason).toBe(
      'RECENT_CONTACT_CHANGE',
    );
  });
});
