import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { platformCaller, startTestService, type TestService } from '@dash/subgraph/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { authenticate as authenticateAt, verifyChangedDetailsNow } from './support.js';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { keyRing, TEST_INTERNAL_SECRET } from '@dash/config';
import { resealPersonalIds } from '../src/onboarding/personal-id-reseal.worker.js';
import { unseal } from '../src/onboarding/personal-id.rules.js';
import { markBankAccountProvided } from '../src/onboarding/onboarding.service.js';

let service: TestService;
const platform = platformCaller('plat_a');
const liveKey: Caller = { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'k' };
const REFRESH = 'http://platform.test/refresh';
const RETURN = 'http://platform.test/return';

type Failure = {
  message: string;
  extensions?: {
    code?: string;
    reason?: string;
    refreshUrl?: string;
    fields?: string[];
    fieldErrors?: Array<{ field: string; code: string }>;
  };
};
type View = {
  type: string;
  returnUrl: string | null;
  platform: { name: string; brandColor: string };
  steps: Array<{
    key: string;
    complete: boolean;
    fields: Array<{ key: string; required: boolean; value: string | null; error: string | null }>;
  }>;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  requirements: {
    currentlyDue: string[];
    pastDue: string[];
    pendingVerification: string[];
    errors: Array<{ requirement: string; code: string }>;
    disabledReason: string | null;
  };
};
const VIEW = `type returnUrl platform { name brandColor }
  steps { key complete fields { key required value error } }
  detailsSubmitted chargesEnabled payoutsEnabled
  requirements { currentlyDue pastDue pendingVerification errors { requirement code } disabledReason }`;

async function createAccount(country: string, caller: Caller = platform): Promise<string> {
  const created = await service.query<{ createAccount: { id: string } }>(
    'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
    { i: { email: `${country.toLowerCase()}@example.com`, country } },
    caller,
  );
  return created.data!.createAccount.id;
}

async function accountLink(accountId: string, type = 'account_onboarding') {
  const response = await service.query<{ createAccountLink: { url: string; expiresAt: string } }>(
    `mutation($a: ID!, $t: AccountLinkType!, $r: String!, $u: String!) {
      createAccountLink(account: $a, type: $t, refreshUrl: $r, returnUrl: $u) { url createdAt expiresAt }
    }`,
    { a: accountId, t: type, r: REFRESH, u: RETURN },
    platform,
  );
  return response.data!.createAccountLink;
}
const tokenOf = (url: string) => url.split('/onboarding/')[1]!;

const openLink = (token: string) =>
  service.query<{ openAccountLink: { type: string; returnUrl: string } }>(
    'mutation($t: String!) { openAccountLink(token: $t) { type returnUrl } }',
    { t: token },
  );

/** What the gateway would learn from the session cookie the link set. */
async function callerOf(sessionHeader: string): Promise<Caller> {
  return (await authenticateAt(service, { sessionToken: sessionHeader.split(' ')[1]! })).body
    .caller!;
}

async function onboardingCaller(accountId: string): Promise<Caller> {
  const opened = await openLink(tokenOf((await accountLink(accountId)).url));
  return callerOf(opened.headers.get('x-dash-session')!);
}

const view = async (caller: Caller) =>
  (await service.query<{ onboarding: View }>(`{ onboarding { ${VIEW} } }`, {}, caller)).data!
    .onboarding;

const save = (caller: Caller, values: Record<string, string | null>) =>
  service.query<{ saveOnboardingDetails: View }>(
    `mutation($v: [OnboardingValueInput!]!) { saveOnboardingDetails(values: $v) { ${VIEW} } }`,
    { v: Object.entries(values).map(([key, value]) => ({ key, value })) },
    caller,
  );

const submit = (caller: Caller) =>
  service.query<{ submitOnboarding: View }>(
    `mutation { submitOnboarding(acceptTermsOfService: true, userAgent: "vitest") { ${VIEW} } }`,
    {},
    caller,
  );

const usIndividual = (idNumber: string) => ({
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
  'individual.id_number': idNumber,
});

/** The bank step, as payouts' event would report it. */
const bankAdded = (accountId: string) =>
  service.dataSource.transaction((manager) => markBankAccountProvided(manager, accountId));

async function onboardIndividual(idNumber: string) {
  const accountId = await createAccount('US');
  const caller = await onboardingCaller(accountId);
  expect((await save(caller, { business_type: 'individual' })).errors).toBeUndefined();
  expect((await save(caller, usIndividual(idNumber))).errors).toBeUndefined();
  await bankAdded(accountId);
  const submitted = await submit(caller);
  expect(submitted.errors).toBeUndefined();
  return { accountId, caller, result: submitted.data!.submitOnboarding };
}

beforeAll(async () => {
  service = await startTestService(identityService, {
    DASH_DASHBOARD_URL: 'http://dashboard.test',
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [],
  });
});
afterAll(() => service.close());

describe('account links', () => {
  it('are single use, expire in five minutes, keep only a hash and open onboarding only', async () => {
    const accountId = await createAccount('US');
    const link = await accountLink(accountId);
    expect(link.url).toMatch(/^http:\/\/dashboard\.test\/onboarding\/al_\w+\/[\w-]+$/);
    const ttl = new Date(link.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    const secret = tokenOf(link.url).split('/')[1]!;
    const rows = await service.dataSource.query('SELECT * FROM account_links');
    expect(JSON.stringify(rows)).not.toContain(secret);

    const opened = await openLink(tokenOf(link.url));
    expect(opened.data?.openAccountLink).toEqual({ type: 'account_onboarding', returnUrl: RETURN });
    const caller = await callerOf(opened.headers.get('x-dash-session')!);
    expect(caller).toMatchObject({ kind: 'onboarding', accountId });
    // The onboarding session is not a dashboard session.
    const me = await service.query('{ me { id } }', {}, caller);
    expect(me.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await view(caller)).platform).toEqual({ name: 'Rocket Rides', brandColor: '#5b4cf0' });

    const replay = (await openLink(tokenOf(link.url))).errors?.[0] as Failure;
    expect(replay.extensions).toMatchObject({ reason: 'LINK_USED', refreshUrl: REFRESH });
  });

  it('send expired, tampered and unknown links back to the refresh URL where they can', async () => {
    const accountId = await createAccount('US');
    const expired = await accountLink(accountId);
    const [id] = tokenOf(expired.url).split('/');
    await service.dataSource.query(
      'UPDATE account_links SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?',
      [id],
    );
    expect(
      ((await openLink(tokenOf(expired.url))).errors?.[0] as Failure).extensions,
    ).toMatchObject({ reason: 'LINK_EXPIRED', refreshUrl: REFRESH });
    const other = await accountLink(accountId);
    const [otherId] = tokenOf(other.url).split('/');
    const tampered = (await openLink(`${otherId}/not-the-secret`)).errors?.[0] as Failure;
    expect(tampered.extensions).toMatchObject({ reason: 'LINK_INVALID', refreshUrl: REFRESH });
    const unknown = (await openLink('al_nothing/here')).errors?.[0] as Failure;
    expect(unknown.extensions?.reason).toBe('LINK_INVALID');
    expect(unknown.extensions?.refreshUrl).toBeUndefined();
    // The tampered attempt did not use the real link up.
    expect((await openLink(tokenOf(other.url))).data?.openAccountLink.type).toBe(
      'account_onboarding',
    );
  });

  it('need absolute URLs, https in live mode', async () => {
    const live = await createAccount('GB', liveKey);
    const refused = await service.query(
      `mutation($a: ID!) { createAccountLink(account: $a, type: account_onboarding, refreshUrl: "http://platform.test/r", returnUrl: "https://platform.test/u") { url } }`,
      { a: live },
      liveKey,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'refreshUrl',
    });
  });
});

describe('ending an onboarding session', () => {
  /** What the gateway learns from the cookie now: 200 with the caller, or 401. */
  async function authenticate(sessionHeader: string): Promise<number> {
    return (await authenticateAt(service, { sessionToken: sessionHeader.split(' ')[1]! })).status;
  }

  it('signs out: the account link’s cookie no longer opens anything', async () => {
    const accountId = await createAccount('US');
    const opened = await openLink(tokenOf((await accountLink(accountId)).url));
    const cookie = opened.headers.get('x-dash-session')!;
    const caller = await callerOf(cookie);
    expect(caller.kind).toBe('onboarding');

    const signedOut = await service.query<{ signOut: boolean }>('mutation { signOut }', {}, caller);
    expect(signedOut.errors).toBeUndefined();
    expect(signedOut.data?.signOut).toBe(true);
    expect(signedOut.headers.get('x-dash-session')).toBe('clear');
    expect(await authenticate(cookie)).toBe(401);
  });

  it('ends after 30 idle minutes, like a dashboard session', async () => {
    const accountId = await createAccount('US');
    const opened = await openLink(tokenOf((await accountLink(accountId)).url));
    const cookie = opened.headers.get('x-dash-session')!;
    const caller = (await callerOf(cookie)) as Extract<Caller, { kind: 'onboarding' }>;
    expect(await authenticate(cookie)).toBe(200);
    await service.dataSource.query(
      'UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL 31 MINUTE WHERE id = ?',
      [caller.sessionId],
    );
    expect(await authenticate(cookie)).toBe(401);
  });
});

describe('the due list per country and business type', () => {
  const dueFor = async (country: string, businessType: string) => {
    const caller = await onboardingCaller(await createAccount(country));
    const saved = await save(caller, { business_type: businessType });
    expect(saved.errors).toBeUndefined();
    return saved.data!.saveOnboardingDetails.requirements.currentlyDue;
  };
  const common = ['business_type', 'external_account', 'tos_acceptance.date'];

  it('asks a new account only its business type, the bank account and the terms', async () => {
    const fresh = await view(await onboardingCaller(await createAccount('FR')));
    expect(fresh.requirements.currentlyDue).toEqual([
      'business_type',
      'external_account',
      'tos_acceptance.date',
      'tos_acceptance.ip',
    ]);
    expect(fresh.requirements.pastDue).toEqual(fresh.requirements.currentlyDue);
    expect(fresh).toMatchObject({ chargesEnabled: false, payoutsEnabled: false });
    expect(fresh.steps.map((step) => step.key)).toEqual(['business_type', 'bank', 'review']);
  });

  it.each([
    ['US', ['individual.id_number', 'individual.address.state', 'individual.first_name']],
    ['GB', ['individual.first_name', 'individual.dob', 'individual.address.postal_code']],
    ['DE', ['individual.first_name', 'individual.address.city']],
    ['FR', ['individual.last_name', 'individual.address.line1']],
    [
      'JP',
      ['individual.first_name_kana', 'individual.last_name_kanji', 'individual.address.state'],
    ],
    ['CN', ['individual.id_number', 'individual.first_name']],
    ['SG', ['individual.id_number', 'individual.phone']],
  ])('%s individual', async (country, expected) => {
    const due = await dueFor(country, 'individual');
    expect(due).toEqual(expect.arrayContaining([...expected, 'business_profile.url']));
    expect(due).not.toContain('business_type');
    expect(due.filter((key) => key.startsWith('company.'))).toEqual([]);
    const without = {
      US: [],
      GB: ['individual.id_number', 'individual.address.state', 'individual.first_name_kana'],
      DE: ['individual.id_number', 'individual.address.state'],
      FR: ['individual.id_number'],
      JP: ['individual.first_name', 'individual.id_number'],
      CN: ['individual.address.state', 'individual.first_name_kana'],
      SG: ['individual.address.state'],
    }[country]!;
    for (const key of without) expect(due).not.toContain(key);
    expect(due).toEqual(expect.arrayContaining(common.slice(1)));
  });

  it.each([
    ['US', ['representative.id_number', 'company.address.state']],
    ['GB', ['representative.dob']],
    ['DE', ['representative.first_name']],
    ['FR', ['representative.first_name']],
    ['JP', ['representative.first_name_kanji', 'company.address.state']],
    ['CN', ['representative.id_number']],
    ['SG', ['representative.id_number']],
  ])('%s company: company details, a representative and its owners', async (country, expected) => {
    const due = await dueFor(country, 'company');
    expect(due).toEqual(
      expect.arrayContaining([
        ...expected,
        'company.name',
        'company.tax_id',
        'company.address.line1',
        'representative.title',
        'company.owners_provided',
      ]),
    );
    expect(due.filter((key) => key.startsWith('individual.'))).toEqual([]);
  });

  it('asks for each owner named, and accepts removing one', async () => {
    const caller = await onboardingCaller(await createAccount('DE'));
    await save(caller, { business_type: 'company' });
    const named = await save(caller, { 'owners.0.first_name': 'Ada' });
    const due = named.data!.saveOnboardingDetails.requirements.currentlyDue;
    expect(due).toEqual(
      expect.arrayContaining(['owners.0.last_name', 'owners.0.dob', 'owners.0.percent_ownership']),
    );
    const owners = named.data!.saveOnboardingDetails.steps.find((step) => step.key === 'owners')!;
    expect(owners.fields.map((field) => field.key)).toContain('owners.0.percent_ownership');
    const removed = await save(caller, { 'owners.0.first_name': null });
    expect(
      removed.data!.saveOnboardingDetails.requirements.currentlyDue.filter((key) =>
        key.startsWith('owners.'),
      ),
    ).toEqual([]);
  });
});

describe('saving answers', () => {
  it('refuses bad values field by field and saves none of the batch', async () => {
    const caller = await onboardingCaller(await createAccount('US'));
    await save(caller, { business_type: 'individual' });
    const refused = await save(caller, {
      'individual.first_name': 'Jenny',
      'individual.dob': '2020-01-01',
      'individual.address.postal_code': 'ABC',
      'individual.id_number': '12',
      'individual.nickname': 'JJ',
    });
    const error = refused.errors?.[0] as Failure;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fieldErrors).toEqual([
      expect.objectContaining({ field: 'individual.dob', code: 'too_young' }),
      expect.objectContaining({
        field: 'individual.address.postal_code',
        code: 'invalid_postal_code',
      }),
      expect.objectContaining({ field: 'individual.id_number', code: 'invalid_id_number' }),
      expect.objectContaining({ field: 'individual.nickname', code: 'unknown_field' }),
    ]);
    const after = await view(caller);
    expect(after.requirements.currentlyDue).toContain('individual.first_name');
  });

  it('keeps ids sealed at rest and shows their last digits only', async () => {
    const caller = await onboardingCaller(await createAccount('US'));
    await save(caller, { business_type: 'individual', 'individual.id_number': '123-45-6789' });
    const rows = await service.dataSource.query('SELECT onboarding_details FROM accounts');
    expect(JSON.stringify(rows)).not.toContain('123456789');
    const field = (await view(caller)).steps
      .flatMap((step) => step.fields)
      .find((candidate) => candidate.key === 'individual.id_number');
    expect(field?.value).toBe('•••••6789');
  });

  it('names the key each id is sealed with, and still opens it after a rotation', async () => {
    const accountId = await createAccount('US');
    const caller = await onboardingCaller(accountId);
    await save(caller, { business_type: 'individual', 'individual.id_number': '987-65-4321' });
    const storedId = async () => {
      const [row] = (await service.dataSource.query(
        'SELECT onboarding_details FROM accounts WHERE id = ?',
        [accountId],
      )) as Array<{ onboarding_details: string }>;
      return (JSON.parse(row!.onboarding_details) as Record<string, string>)[
        'individual.id_number'
      ]!;
    };
    const sealedUnderA = await storedId();
    expect(sealedUnderA).toMatch(/^sealed:v2:k1:/);

    // The operator puts a new root first; the old one stays listed while rows move over.
    const rotated = keyRing(
      'k2:the-next-root-secret-of-thirty-two-chars',
      `k1:${TEST_INTERNAL_SECRET}`,
    );
    expect(unseal(sealedUnderA, rotated)).toBe('987654321');
    // A row written in the first, key-less format (before key ids) opens too.
    const legacyAccount = await createAccount('US');
    await service.dataSource.query('UPDATE accounts SET onboarding_details = ? WHERE id = ?', [
      JSON.stringify({ 'individual.id_number': legacySeal('123456789') }),
      legacyAccount,
    ]);
    // Several instances start at once after the rotation, each moving rows to the new key.
    await Promise.all(
      Array.from({ length: 5 }, () => resealPersonalIds(service.dataSource, rotated)),
    );
    const moved = await storedId();
    expect(moved).toMatch(/^sealed:v2:k2:/);
    // Once every row moved, the old root can go: everything opens with the new one alone.
    const afterRotation = keyRing('k2:the-next-root-secret-of-thirty-two-chars');
    expect(unseal(moved, afterRotation)).toBe('987654321');
    const [legacy] = (await service.dataSource.query(
      'SELECT onboarding_details FROM accounts WHERE id = ?',
      [legacyAccount],
    )) as Array<{ onboarding_details: string }>;
    const legacyMoved = (JSON.parse(legacy!.onboarding_details) as Record<string, string>)[
      'individual.id_number'
    ]!;
    expect(legacyMoved).toMatch(/^sealed:v2:k2:/);
    expect(unseal(legacyMoved, afterRotation)).toBe('123456789');
  });

  it('refuses to submit while something is due, naming it', async () => {
    const caller = await onboardingCaller(await createAccount('US'));
    await save(caller, { business_type: 'individual', 'individual.first_name': 'Jo' });
    const refused = (await submit(caller)).errors?.[0] as Failure;
    expect(refused.extensions).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'REQUIREMENTS_DUE',
    });
    expect(refused.extensions?.fields).toEqual(
      expect.arrayContaining(['individual.last_name', 'external_account']),
    );
    expect(refused.extensions?.fields).not.toContain('tos_acceptance.date');
  });
});

describe('a platform prefilling onboarding', () => {
  it('fills in what it knows, with the same checks, for its own accounts only', async () => {
    const accountId = await createAccount('GB');
    const PREFILL = `mutation($a: ID!, $v: [OnboardingValueInput!]!) {
      prefillOnboarding(account: $a, values: $v) { id requirements { currentlyDue } }
    }`;
    const values = [
      { key: 'business_type', value: 'individual' },
      { key: 'individual.first_name', value: 'Ada' },
    ];
    const prefilled = await service.query<{
      prefillOnboarding: { requirements: { currentlyDue: string[] } };
    }>(PREFILL, { a: accountId, v: values }, platform);
    expect(prefilled.errors).toBeUndefined();
    expect(prefilled.data!.prefillOnboarding.requirements.currentlyDue).not.toContain(
      'individual.first_name',
    );
    const shown = (await view(await onboardingCaller(accountId))).steps
      .flatMap((step) => step.fields)
      .find((field) => field.key === 'individual.first_name');
    expect(shown?.value).toBe('Ada');

    const bad = await service.query(
      PREFILL,
      { a: accountId, v: [{ key: 'individual.dob', value: '3000-01-01' }] },
      platform,
    );
    expect((bad.errors?.[0] as Failure).extensions?.fieldErrors?.[0]).toMatchObject({
      field: 'individual.dob',
      code: 'invalid_date',
    });
    const other = await service.query(
      PREFILL,
      { a: accountId, v: values },
      platformCaller('plat_b'),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const terms = await service.query(
      PREFILL,
      { a: accountId, v: [{ key: 'tos_acceptance.date', value: '2026-01-01' }] },
      platform,
    );
    expect((terms.errors?.[0] as Failure).extensions?.fieldErrors?.[0]?.code).toBe('unknown_field');
  });
});

describe('a platform prefilling after the account submitted', () => {
  const PREFILL = `mutation($a: ID!, $v: [OnboardingValueInput!]!) {
    prefillOnboarding(account: $a, values: $v) { id }
  }`;
  const prefill = (accountId: string, values: Record<string, string>) =>
    service.query(
      PREFILL,
      { a: accountId, v: Object.entries(values).map(([key, value]) => ({ key, value })) },
      platform,
    );
  const stored = async (accountId: string) =>
    (
      await service.dataSource.query(
        `SELECT business_type, business_profile, onboarding_details, verification, tos_acceptance
         FROM accounts WHERE id = ?`,
        [accountId],
      )
    )[0] as Record<string, unknown>;

  it('is refused, and the submitted identity stays as the account gave it', async () => {
    const { accountId } = await onboardIndividual('000000000');
    const before = await stored(accountId);
    const attempts: Array<Record<string, string>> = [
      { 'individual.first_name': 'Mallory' },
      { 'individual.id_number': '123-45-6789', 'individual.last_name': 'Evil' },
      { business_type: 'company' },
    ];
    for (const values of attempts) {
      const refused = (await prefill(accountId, values)).errors?.[0] as Failure;
      expect(refused.extensions).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'DETAILS_SUBMITTED',
      });
    }
    expect(await stored(accountId)).toEqual(before);
  });

  it('never changes the details after the submission, however the calls interleave', async () => {
    const accountId = await createAccount('US');
    const caller = await onboardingCaller(accountId);
    await save(caller, { business_type: 'individual' });
    await save(caller, usIndividual('000000000'));
    await bankAdded(accountId);
    // The platform tries to swap in another person's id number (one that fails verification,
    // so a change after the submission would show) while the account submits. The calls are
    // spread over the submission's own time: some land before it, some queue behind it.
    const prefills = Array.from({ length: 20 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 5)).then(() =>
        prefill(accountId, { 'individual.id_number': '111111111' }),
      ),
    );
    const [submitted, ...results] = await Promise.all([submit(caller), ...prefills]);
    expect(submitted.errors).toBeUndefined();
    for (const result of results)
      if (result.errors)
        expect((result.errors[0] as Failure).extensions?.reason).toBe('DETAILS_SUBMITTED');
    const idShown = (shown: View) =>
      shown.steps
        .flatMap((step) => step.fields)
        .find((field) => field.key === 'individual.id_number')?.value;
    const atSubmission = submitted.data!.submitOnboarding;
    const now = await view(caller);
    expect(idShown(now)).toBe(idShown(atSubmission));
    expect(now.requirements).toEqual(atSubmission.requirements);
    expect(now.payoutsEnabled).toBe(atSubmission.payoutsEnabled);
    expect(await prefill(accountId, { 'individual.id_number': '111111111' })).toMatchObject({
      errors: [
        expect.objectContaining({
          extensions: expect.objectContaining({ reason: 'DETAILS_SUBMITTED' }),
        }),
      ],
    });
  });
});

describe('list arguments of onboarding', () => {
  const SAVE = `mutation($v: [OnboardingValueInput!]!) { saveOnboardingDetails(values: $v) { type } }`;

  it('checks every value and names the one at fault', async () => {
    const accountId = await createAccount('US');
    const caller = await onboardingCaller(accountId);
    const values = [
      { key: 'business_type', value: 'individual' },
      { key: 'x'.repeat(81), value: 'a' },
    ];
    const refused = (await service.query(SAVE, { v: values }, caller)).errors?.[0] as Failure & {
      extensions?: { field?: string };
    };
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'values.1.key' });
    const long = [{ key: 'individual.first_name', value: 'a'.repeat(501) }];
    expect(
      ((await service.query(SAVE, { v: long }, caller)).errors?.[0] as Failure).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'values.0.value' });
    expect((await view(caller)).requirements.currentlyDue).toContain('business_type');
  });

  it('refuses more than 200 values in one call, from the account or its platform', async () => {
    const accountId = await createAccount('US');
    const caller = await onboardingCaller(accountId);
    const values = Array.from({ length: 201 }, (_, i) => ({ key: `unknown.${i}`, value: 'a' }));
    const refused = (await service.query(SAVE, { v: values }, caller)).errors?.[0] as Failure;
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ITEMS' });
    // No 201 "is not asked for" sentences come back: the list is refused before it is read.
    expect(refused.extensions?.fieldErrors).toBeUndefined();
    const byPlatform = await service.query(
      `mutation($a: ID!, $v: [OnboardingValueInput!]!) { prefillOnboarding(account: $a, values: $v) { id } }`,
      { a: accountId, v: values },
      platform,
    );
    expect((byPlatform.errors?.[0] as Failure).extensions?.reason).toBe('TOO_MANY_ITEMS');
  });
});

describe('verification in test mode', () => {
  it('enables charges and payouts once a verifying individual submits', async () => {
    const { accountId, result } = await onboardIndividual('000000000');
    expect(result).toMatchObject({
      detailsSubmitted: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      requirements: { currentlyDue: [], pastDue: [], errors: [], disabledReason: null },
    });
    expect(result.steps.every((step) => step.complete)).toBe(true);
    const [tos] = await service.dataSource.query(
      'SELECT tos_acceptance FROM accounts WHERE id = ?',
      [accountId],
    );
    expect(JSON.parse(tos.tos_acceptance)).toMatchObject({ userAgent: 'vitest' });
    const events = await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'account.updated' AND account_id = ? ORDER BY occurred_at, id",
      [accountId],
    );
    const last = JSON.parse(events.at(-1).data) as { data: unknown };
    expect(last.data).toMatchObject({
      fields: ['requirements'],
      requirements: { currentlyDue: [], chargesEnabled: true, payoutsEnabled: true },
    });
  });

  it('leaves a failing id number as an error and a due field, until it is corrected', async () => {
    const { caller, result } = await onboardIndividual('111111111');
    expect(result.requirements.errors).toEqual([
      { requirement: 'individual.id_number', code: 'verification_failed_id_number_match' },
    ]);
    expect(result.requirements.currentlyDue).toEqual(['individual.id_number']);
    expect(result).toMatchObject({ chargesEnabled: true, payoutsEnabled: false });
    const field = result.steps
      .flatMap((step) => step.fields)
      .find((candidate) => candidate.key === 'individual.id_number');
    expect(field?.error).toMatch(/does not match/);

    // The correction is checked again in the background: payouts wait until it passes.
    const corrected = (await save(caller, { 'individual.id_number': '000000000' })).data!
      .saveOnboardingDetails;
    expect(corrected.requirements).toMatchObject({
      currentlyDue: [],
      errors: [],
      pendingVerification: ['individual.id_number'],
    });
    expect(corrected.payoutsEnabled).toBe(false);
    await verifyChangedDetailsNow(service);
    expect((await view(caller)).payoutsEnabled).toBe(true);
  });

  it('keeps a pending id number pending, with payouts waiting', async () => {
    const { result } = await onboardIndividual('222222222');
    expect(result.requirements).toMatchObject({
      currentlyDue: [],
      pendingVerification: ['individual.id_number'],
      disabledReason: 'requirements.pending_verification',
    });
    expect(result).toMatchObject({ chargesEnabled: true, payoutsEnabled: false });
  });

  it('opens the same flow on what is due now for the signed-in account', async () => {
    const { accountId } = await onboardIndividual('111111111');
    const dashboard: Caller = { kind: 'account', accountId, platformId: 'plat_a', livemode: false };
    const update = await view(dashboard);
    expect(update).toMatchObject({ type: 'account_update', returnUrl: null });
    expect(update.steps.find((step) => !step.complete)?.key).toBe('representative');
  });
});

/** A value sealed as the first release did: no key id, a key hashed from the single secret. */
function legacySeal(plain: string): string {
  const iv = randomBytes(12);
  const key = createHash('sha256').update(`pii:${TEST_INTERNAL_SECRET}`).digest();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `sealed:v1:${[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.')}`;
}
