import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { Caller } from '@dash/auth-context';
import { deliveryQueue, openDeliveryParams } from '@dash/contracts';
import { createRedisConnection } from '@dash/queue';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import { testRedisPrefix, testRedisUrl } from '@dash/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { Reverification } from '../src/account-details/reverification.service.js';
import { markBankAccountProvided } from '../src/onboarding/onboarding.service.js';
import { checkPayoutDetailsCode, usAccount, verifyChangedDetailsNow } from './support.js';

const prefix = testRedisPrefix('account-details');
let service: TestService;
let jobs: Queue;

type Extensions = {
  code?: string;
  reason?: string;
  field?: string;
  fields?: string[];
  fieldErrors?: Array<{ field: string; code: string }>;
};
type Response<T> = {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Extensions }>;
};
type Field = { key: string; value: string | null; error: string | null };
type View = {
  detailsSubmitted: boolean;
  payoutsEnabled: boolean;
  steps: Array<{ key: string; fields: Field[] }>;
  requirements: {
    currentlyDue: string[];
    pendingVerification: string[];
    errors: Array<{ requirement: string; code: string }>;
  };
};
const VIEW = `detailsSubmitted payoutsEnabled steps { key fields { key value error } }
  requirements { currentlyDue pendingVerification errors { requirement code } }`;

const testKey = (platformId = 'plat_a'): Caller => ({
  kind: 'platform',
  platformId,
  livemode: false,
  keyId: `key_${platformId}_test`,
});
const liveKey = (platformId = 'plat_a'): Caller => ({
  kind: 'platform',
  platformId,
  livemode: true,
  keyId: `key_${platformId}_live`,
});
/** The account's own dashboard session (or a thief's copy of it: the server cannot tell). */
const session = (accountId: string, livemode = false, platformId = 'plat_a'): Caller => ({
  kind: 'account',
  accountId,
  platformId,
  livemode,
  sessionId: `ses_${accountId}`,
});

const firstError = <T>(response: Response<T>) => response.errors?.[0]?.extensions;

const US_PERSON = {
  business_type: 'individual',
  'business_profile.url': 'jenny.example',
  'individual.first_name': 'Jenny',
  'individual.last_name': 'Rosen',
  'individual.email': 'jenny@example.com',
  'individual.phone': '+14155550142',
  'individual.dob': '1990-04-12',
  'individual.address.line1': '510 Townsend St',
  'individual.address.city': 'San Francisco',
  'individual.address.state': 'CA',
  'individual.address.postal_code': '94103',
  'individual.id_number': '123456789',
};

const asValues = (values: Record<string, string | null>) =>
  Object.entries(values).map(([key, value]) => ({ key, value }));

const view = async (caller: Caller) =>
  (await service.query<{ onboarding: View }>(`{ onboarding { ${VIEW} } }`, {}, caller)).data!
    .onboarding;

function save(
  caller: Caller,
  values: Record<string, string | null>,
  stepUp?: { challenge: string; code: string },
): Promise<Response<{ saveOnboardingDetails: View }>> {
  return service.query(
    `mutation($v: [OnboardingValueInput!]!, $ch: ID, $code: String) {
      saveOnboardingDetails(values: $v, challenge: $ch, code: $code) { ${VIEW} }
    }`,
    { v: asValues(values), ch: stepUp?.challenge ?? null, code: stepUp?.code ?? null },
    caller,
  );
}

async function startCode(caller: Caller): Promise<string> {
  const started = await service.query<{ startAccountDetailsChange: { id: string } }>(
    'mutation { startAccountDetailsChange { id maskedDestination } }',
    {},
    caller,
  );
  expect(started.errors).toBeUndefined();
  return started.data!.startAccountDetailsChange.id;
}

/** The code as the delivery worker opens it: sealed in the job, opened with the delivery key. */
const codeOf = async (challengeId: string) => {
  const job = (await jobs.getJob(`dlv_${challengeId}`))!;
  expect(job.data.template).toBe('confirm-account-details');
  return String(openDeliveryParams(TEST_SECRET_KEYS, job.data).code);
};

/** A code started for the account, and its six digits (test mode's 000000 would do as well). */
async function stepUpFor(caller: Caller) {
  const challenge = await startCode(caller);
  return { challenge, code: await codeOf(challenge) };
}

const detailsOf = async (accountId: string) => {
  const [row] = await service.dataSource.query(
    'SELECT onboarding_details, verification, verification_requested_at FROM accounts WHERE id = ?',
    [accountId],
  );
  return {
    details: JSON.parse(row.onboarding_details) as Record<string, string>,
    verification: JSON.parse(row.verification ?? '{}') as Record<string, { status: string }>,
    requestedAt: row.verification_requested_at as Date | null,
  };
};

const updatesOf = async (accountId: string) =>
  (
    (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'account.updated' AND account_id = ? ORDER BY occurred_at, id",
      [accountId],
    )) as Array<{ data: string }>
  ).map((row) => (JSON.parse(row.data) as { data: Record<string, unknown> }).data);

let seq = 0;
/**
 * A US individual onboarded as the platform would have it: its answers prefilled, the bank
 * account added, the terms accepted from its own session, everything verified.
 */
async function onboarded(livemode = false, platformId = 'plat_a') {
  const id = `acct_details_${++seq}`;
  await seedIdentity(service.dataSource, {
    platform: { id: platformId, name: `Platform ${platformId}`, brandColor: '#5b4cf0' },
    accounts: [
      usAccount(id, `Jenny ${seq}`, {
        livemode,
        email: `${id}@example.com`,
        phone: '+15555550142',
      }),
    ],
  });
  const key = livemode ? liveKey(platformId) : testKey(platformId);
  const prefilled = await service.query(
    'mutation($a: ID!, $v: [OnboardingValueInput!]!) { prefillOnboarding(account: $a, values: $v) { id } }',
    { a: id, v: asValues(US_PERSON) },
    key,
  );
  expect(prefilled.errors).toBeUndefined();
  await service.dataSource.transaction((manager) => markBankAccountProvided(manager, id));
  const caller = session(id, livemode, platformId);
  const submitted = await service.query<{ submitOnboarding: View }>(
    `mutation { submitOnboarding(acceptTermsOfService: true, userAgent: "vitest") { ${VIEW} } }`,
    {},
    caller,
  );
  expect(submitted.errors).toBeUndefined();
  return { id, caller, key };
}

beforeAll(async () => {
  // The chore is run by the tests themselves, when they choose.
  service = await startTestService(identityService, {
    DASH_REDIS_PREFIX: prefix,
    DASH_VERIFICATION_TICK_MS: '3600000',
  });
  jobs = new Queue(deliveryQueue.name, {
    connection: createRedisConnection(testRedisUrl()),
    prefix,
  });
});
afterAll(async () => {
  await jobs?.obliterate({ force: true });
  await jobs?.close();
  await service?.close();
});

describe('the details in settings', () => {
  it('shows every answer to the account itself, ids by their last four digits only', async () => {
    const { id, caller } = await onboarded(true);
    const shown = await view(caller);
    const fields = Object.fromEntries(
      shown.steps.flatMap((step) => step.fields).map((field) => [field.key, field.value]),
    );
    expect(fields).toMatchObject({
      'individual.first_name': 'Jenny',
      'individual.dob': '1990-04-12',
      'individual.address.line1': '510 Townsend St',
      'individual.id_number': '•••••6789',
    });
    expect(JSON.stringify(shown)).not.toContain('123456789');
    expect((await detailsOf(id)).details['individual.id_number']).toMatch(/^sealed:/);
  });

  it('answers only the signed-in account, never a platform key or another account', async () => {
    const mine = await onboarded();
    const theirs = await onboarded(false, 'plat_b');
    expect(JSON.stringify(await view(theirs.caller))).not.toContain(mine.id);
    const asPlatform = await service.query('{ onboarding { detailsSubmitted } }', {}, mine.key);
    expect(firstError(asPlatform)?.code).toBe('UNAUTHENTICATED');
  });
});

describe('changing what is not identity', () => {
  it('needs no code, and is one account.updated naming the fields', async () => {
    const { id, caller } = await onboarded();
    const before = (await updatesOf(id)).length;
    const saved = await save(caller, {
      'business_profile.url': 'https://rosen.example',
      'business_profile.product_description': 'Rides',
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveOnboardingDetails.requirements.pendingVerification).toEqual([]);
    const events = (await updatesOf(id)).slice(before);
    expect(events).toEqual([
      {
        fields: ['business_profile.url', 'business_profile.product_description'],
        by: 'account',
      },
    ]);
  });

  it('records nothing when the values are what they were', async () => {
    const { id, caller } = await onboarded();
    const before = await updatesOf(id);
    const again = await save(caller, {
      'business_profile.url': 'https://jenny.example',
      'individual.first_name': 'Jenny',
    });
    expect(again.errors).toBeUndefined();
    expect(await updatesOf(id)).toEqual(before);
  });
});

describe('changing identity details', () => {
  it('asks a session for the code first, and changes nothing without it', async () => {
    const { id, caller } = await onboarded(true);
    const before = { row: await detailsOf(id), events: await updatesOf(id) };
    const attempts: Array<Record<string, string | null>> = [
      { 'individual.address.line1': '1 Market St' },
      { 'individual.address.city': 'Oakland' },
      { 'individual.last_name': 'Smith' },
      { 'individual.dob': '1991-01-01' },
      { 'individual.id_number': '987654321' },
      { 'individual.address.line2': null, 'individual.first_name': null },
      { business_type: 'company' },
    ];
    for (const values of attempts) {
      const refused = await save(caller, values);
      expect(firstError(refused)).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'STEP_UP_REQUIRED',
        fields: expect.arrayContaining([Object.keys(values).at(-1)]),
      });
    }
    expect(await detailsOf(id)).toEqual(before.row);
    expect(await updatesOf(id)).toEqual(before.events);
  });

  it('with the code: saved, pending until verified again, then verified', async () => {
    const { id, caller } = await onboarded(true);
    const before = (await updatesOf(id)).length;
    const saved = await save(
      caller,
      { 'individual.address.line1': '1 Market St', 'individual.address.postal_code': '94105' },
      await stepUpFor(caller),
    );
    expect(saved.errors).toBeUndefined();
    // Live mode without a provider left everything pending at the submission; the address joins.
    expect(saved.data!.saveOnboardingDetails.requirements).toMatchObject({
      currentlyDue: [],
      pendingVerification: expect.arrayContaining(['individual.address.line1']),
    });
    expect(saved.data!.saveOnboardingDetails.payoutsEnabled).toBe(false);
    const [event] = (await updatesOf(id)).slice(before);
    expect(event).toMatchObject({
      fields: ['individual.address.line1', 'individual.address.postal_code', 'requirements'],
      by: 'account',
      requirements: {
        pendingVerification: expect.arrayContaining(['individual.address.line1']),
        payoutsEnabled: false,
      },
    });
    expect((await detailsOf(id)).requestedAt).not.toBeNull();

    // Live mode has no provider configured here: it stays pending for a person to decide.
    expect(await verifyChangedDetailsNow(service)).toBeGreaterThanOrEqual(1);
    expect((await view(caller)).requirements.pendingVerification).toContain(
      'individual.address.line1',
    );
    expect((await detailsOf(id)).requestedAt).toBeNull();
  });

  it('in test mode, a new legal name is checked again and passes', async () => {
    const { id, caller } = await onboarded();
    const saved = await save(caller, { 'individual.last_name': 'Smith' }, await stepUpFor(caller));
    expect(saved.data!.saveOnboardingDetails.requirements.pendingVerification).toEqual([
      'individual.dob',
      'individual.id_number',
    ]);
    await verifyChangedDetailsNow(service);
    const after = await view(caller);
    expect(after.requirements).toMatchObject({ pendingVerification: [], currentlyDue: [] });
    expect(after.payoutsEnabled).toBe(true);
    expect((await updatesOf(id)).at(-1)).toMatchObject({
      fields: ['requirements'],
      requirements: { pendingVerification: [], payoutsEnabled: true },
    });
  });

  it('when the check fails, the requirement is due again with the error', async () => {
    const { caller } = await onboarded();
    await save(
      caller,
      { 'individual.address.line1': 'address_no_match' },
      { challenge: await startCode(caller), code: '000000' },
    );
    await verifyChangedDetailsNow(service);
    const after = await view(caller);
    expect(after.requirements.currentlyDue).toEqual(['individual.address.line1']);
    expect(after.requirements.errors).toEqual([
      { requirement: 'individual.address.line1', code: 'verification_failed_address_match' },
    ]);
    const line1 = after.steps
      .flatMap((step) => step.fields)
      .find((field) => field.key === 'individual.address.line1');
    expect(line1?.error).toMatch(/could not be matched/);
  });

  it('keeps a newer change when an older answer arrives late', async () => {
    const { id, caller } = await onboarded();
    await save(caller, { 'individual.dob': '1985-05-05' }, await stepUpFor(caller));
    // While the provider looks at the first change, the account changes its birth date again.
    const slow = new Reverification(
      service.dataSource,
      async () => {
        await save(caller, { 'individual.dob': '1985-06-06' }, await stepUpFor(caller));
        return {
          'individual.dob': { status: 'failed', code: 'verification_failed_keyed_identity' },
        };
      },
      { simulatedMs: 0 },
    );
    await slow.runDue();
    const { requirements } = await view(caller);
    expect(requirements.pendingVerification.sort()).toEqual([
      'individual.dob',
      'individual.id_number',
    ]);
    expect(requirements.errors).toEqual([]);
    expect((await detailsOf(id)).requestedAt).not.toBeNull();
  });

  it('one account the provider fails on holds up no other', async () => {
    const first = await onboarded();
    const second = await onboarded();
    for (const { caller } of [first, second])
      await save(
        caller,
        { 'individual.dob': '1980-01-01' },
        { challenge: await startCode(caller), code: '000000' },
      );
    const flaky = new Reverification(
      service.dataSource,
      async (account, keys) => {
        if (account.id === first.id) throw new Error('provider down');
        return Object.fromEntries(keys.map((key) => [key, { status: 'verified' as const }]));
      },
      { simulatedMs: 0 },
    );
    await expect(flaky.runDue()).rejects.toThrow('provider down');
    expect((await view(second.caller)).requirements.pendingVerification).toEqual([]);
    expect((await view(first.caller)).requirements.pendingVerification).toHaveLength(2);
    expect((await detailsOf(first.id)).requestedAt).not.toBeNull();
  });

  it('an account link, handed over by the platform that signed its holder in, needs no code', async () => {
    const { id, key } = await onboarded();
    const link = await service.query<{ createAccountLink: { url: string } }>(
      'mutation($a: ID!) { createAccountLink(account: $a, type: account_update, refreshUrl: "http://p.test/r", returnUrl: "http://p.test/d") { url } }',
      { a: id },
      key,
    );
    const token = link.data!.createAccountLink.url.split('/onboarding/')[1]!;
    const opened = await service.query(
      'mutation($t: String!) { openAccountLink(token: $t) { type } }',
      {
        t: token,
      },
    );
    const linkSession: Caller = {
      kind: 'onboarding',
      accountId: id,
      platformId: 'plat_a',
      livemode: false,
      sessionId: 'ses_link',
      accountLinkId: token.split('/')[0]!,
    };
    expect(opened.errors).toBeUndefined();
    const saved = await save(linkSession, { 'individual.address.city': 'Oakland' });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveOnboardingDetails.requirements.pendingVerification).toEqual([
      'individual.address.line1',
    ]);
  });

  it('a draft before the submission needs no code', async () => {
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_a', name: 'Platform plat_a', brandColor: '#5b4cf0' },
      accounts: [usAccount('acct_draft', 'Draft')],
    });
    const saved = await save(session('acct_draft'), { business_type: 'individual' });
    expect(saved.errors).toBeUndefined();
    expect(await updatesOf('acct_draft')).toEqual([
      expect.objectContaining({ fields: ['requirements'] }),
    ]);
  });
});

describe('the code, attacked', () => {
  it('applies one of ten parallel saves with one code', async () => {
    const { id, caller } = await onboarded(true);
    const stepUp = await stepUpFor(caller);
    const before = (await updatesOf(id)).length;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        save(caller, { 'individual.address.line1': `${i + 1} Mission St` }, stepUp),
      ),
    );
    const applied = results.filter((result) => !result.errors);
    expect(applied).toHaveLength(1);
    for (const result of results.filter((candidate) => candidate.errors))
      expect(firstError(result)?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const line1 = (await detailsOf(id)).details['individual.address.line1'];
    const winner = applied[0]!
      .data!.saveOnboardingDetails.steps.flatMap((step) => step.fields)
      .find((field) => field.key === 'individual.address.line1');
    expect(line1).toBe(winner?.value);
    expect((await updatesOf(id)).slice(before)).toHaveLength(1);
    // Spent: the same code changes nothing more.
    const replay = await save(caller, { 'individual.address.line1': '99 Replay St' }, stepUp);
    expect(firstError(replay)).toMatchObject({ code: 'FAILED_PRECONDITION' });
  });

  it('holds the attempt limit against wrong codes sent all at once', async () => {
    const { id, caller } = await onboarded(true);
    const stepUp = await stepUpFor(caller);
    const wrong = stepUp.code === '999999' ? '999998' : '999999';
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        save(caller, { 'individual.last_name': 'Thief' }, { ...stepUp, code: wrong }),
      ),
    );
    expect(results.every((result) => result.errors)).toBe(true);
    const [row] = await service.dataSource.query(
      'SELECT wrong_attempts FROM login_challenges WHERE id = ?',
      [stepUp.challenge],
    );
    expect(row.wrong_attempts).toBeLessThanOrEqual(5);
    // The right code comes too late: the challenge is locked.
    const late = await save(caller, { 'individual.last_name': 'Thief' }, stepUp);
    expect(firstError(late)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CHALLENGE_LOCKED',
    });
    expect((await detailsOf(id)).details['individual.last_name']).toBe('Rosen');
  });

  it('refuses a code of another account, or sent for another purpose', async () => {
    const victim = await onboarded(true);
    const thief = await onboarded(true);
    const thiefsCode = await stepUpFor(thief.caller);
    const crossed = await save(victim.caller, { 'individual.last_name': 'Thief' }, thiefsCode);
    expect(firstError(crossed)).toMatchObject({ reason: 'CHALLENGE_INVALID' });

    const payoutCode = await service.query<{ startPayoutDetailsChange: { id: string } }>(
      'mutation { startPayoutDetailsChange { id } }',
      {},
      victim.caller,
    );
    const payoutChallenge = payoutCode.data!.startPayoutDetailsChange.id;
    const otherPurpose = await save(
      victim.caller,
      { 'individual.last_name': 'Thief' },
      { challenge: payoutChallenge, code: await codeOfAny(payoutChallenge) },
    );
    expect(firstError(otherPurpose)).toMatchObject({ reason: 'CHALLENGE_INVALID' });

    // Nor does a details code move where payouts go.
    const detailsCode = await stepUpFor(victim.caller);
    const atPayouts = await checkPayoutDetailsCode(
      service,
      victim.id,
      detailsCode.challenge,
      detailsCode.code,
    );
    expect(atPayouts.ok).toBeUndefined();
    expect((await detailsOf(victim.id)).details['individual.last_name']).toBe('Rosen');
  });

  it('a test-mode code never opens a live account', async () => {
    const { id, caller } = await onboarded(true);
    const challenge = await startCode(caller);
    const refused = await save(
      caller,
      { 'individual.last_name': 'Test' },
      { challenge, code: '000000' },
    );
    expect(firstError(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_WRONG' });
    expect((await detailsOf(id)).details['individual.last_name']).toBe('Rosen');
  });

  it('keys of another mode or platform reach no account’s details', async () => {
    const live = await onboarded(true);
    for (const key of [testKey(), liveKey('plat_b'), testKey('plat_b')]) {
      const prefill = await service.query(
        'mutation($a: ID!, $v: [OnboardingValueInput!]!) { prefillOnboarding(account: $a, values: $v) { id } }',
        { a: live.id, v: asValues({ 'individual.last_name': 'Other' }) },
        key,
      );
      expect(firstError(prefill)?.code).toBe('NOT_FOUND');
    }
    // Its own platform, too, leaves submitted details to the account.
    const own = await service.query(
      'mutation($a: ID!, $v: [OnboardingValueInput!]!) { prefillOnboarding(account: $a, values: $v) { id } }',
      { a: live.id, v: asValues({ 'individual.last_name': 'Other' }) },
      live.key,
    );
    expect(firstError(own)).toMatchObject({ reason: 'DETAILS_SUBMITTED' });
    // A test-mode session for a live account's id is no session of that account.
    const testSession = session(live.id, false);
    const code = await service.query(
      'mutation { startAccountDetailsChange { id } }',
      {},
      testSession,
    );
    expect(code.errors).toBeDefined();
    expect((await detailsOf(live.id)).details['individual.last_name']).toBe('Rosen');
  });

  it('refuses malformed dates and ids field by field, keeping the code for a good try', async () => {
    const { id, caller } = await onboarded(true);
    const stepUp = await stepUpFor(caller);
    for (const [values, expected] of [
      [
        { 'individual.dob': '1990-02-30', 'individual.id_number': '12-34' },
        [
          { field: 'individual.dob', code: 'invalid_date' },
          { field: 'individual.id_number', code: 'invalid_id_number' },
        ],
      ],
      [{ 'individual.dob': '2020-01-01' }, [{ field: 'individual.dob', code: 'too_young' }]],
      [{ 'individual.dob': '19900412' }, [{ field: 'individual.dob', code: 'invalid_date' }]],
      [
        { 'individual.id_number': '12345' },
        [{ field: 'individual.id_number', code: 'invalid_id_number' }],
      ],
      [{ 'individual.nickname': 'Jen' }, [{ field: 'individual.nickname', code: 'unknown_field' }]],
    ] as const) {
      const refused = await save(caller, values as Record<string, string>, stepUp);
      expect(firstError(refused)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(firstError(refused)?.fieldErrors).toEqual(
        (expected as ReadonlyArray<{ field: string; code: string }>).map((item) =>
          expect.objectContaining(item),
        ),
      );
    }
    expect((await detailsOf(id)).details['individual.dob']).toBe('1990-04-12');
    const good = await save(caller, { 'individual.dob': '1990-04-13' }, stepUp);
    expect(good.errors).toBeUndefined();
  });
});

/** Any step-up code from its delivery job, whatever it was sent for. */
async function codeOfAny(challengeId: string) {
  const job = (await jobs.getJob(`dlv_${challengeId}`))!;
  return String(openDeliveryParams(TEST_SECRET_KEYS, job.data).code);
}
