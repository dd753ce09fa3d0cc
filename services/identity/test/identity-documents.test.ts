import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import {
  accountCaller,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { markBankAccountProvided } from '../src/onboarding/onboarding.service.js';
import { authenticate } from './support.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const PASSING = fixture('identity-document-success.png');
const FAILING = fixture('identity-document-failure.png');
const PENDING = fixture('identity-document-pending.png');
/** A photo no test marker is in: verifies in test mode, waits for review in live mode. */
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

const MAX_BYTES = 2 * 1024 * 1024;
const PER_DAY = 12;
const DOCUMENT = 'individual.verification.document';

let service: TestService;
const platformA = platformCaller('plat_a');
const platformB = platformCaller('plat_b');
const liveA: Caller = { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'k' };

type Extensions = { code?: string; reason?: string; field?: string };
interface UploadAnswer {
  status: number;
  body: { id?: string; mimeType?: string; error?: { code: string; extensions?: Extensions } };
}

/** POST /files as the gateway passes it on: signed caller, the bytes, the name percent-encoded. */
async function upload(
  caller: Caller | null,
  bytes: Buffer,
  {
    query = '?purpose=identity_document',
    name = 'passport.jpg',
    type = 'image/jpeg',
    to = service,
  }: { query?: string; name?: string; type?: string; to?: TestService } = {},
): Promise<UploadAnswer> {
  const response = await fetch(to.url.replace('/graphql', `/files${query}`), {
    method: 'POST',
    headers: {
      ...(caller
        ? { [CALLER_HEADER]: signCaller(caller, TEST_SECRET_KEYS, { audience: 'identity' }) }
        : {}),
      'content-type': type,
      'x-file-name': name,
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as UploadAnswer['body'] };
}

const uploaded = async (caller: Caller, bytes: Buffer, query?: string) => {
  const answer = await upload(caller, bytes, query ? { query } : {});
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id!;
};

interface Sent {
  requirement?: string;
  type?: string;
  front: string;
  back?: string | null;
}
const attach = (caller: Caller, input: Sent, account?: string) =>
  service.query<{
    attachVerificationDocument: { id: string; status: string; failureCode: string };
  }>(
    `mutation($a: ID, $i: VerificationDocumentInput!) {
      attachVerificationDocument(account: $a, input: $i) { id status failureCode failureReason front back }
    }`,
    { a: account ?? null, i: { requirement: DOCUMENT, type: 'passport', ...input } },
    caller,
  );

type Requirements = {
  currentlyDue: string[];
  pendingVerification: string[];
  errors: Array<{ requirement: string; code: string }>;
};
const accountState = async (accountId: string, caller: Caller = platformA) =>
  (
    await service.query<{
      account: {
        payoutsEnabled: boolean;
        requirements: Requirements;
        verificationDocuments: Array<{ status: string; requirement: string }>;
      };
    }>(
      `query($a: ID!) { account(id: $a) {
        payoutsEnabled
        requirements { currentlyDue pendingVerification errors { requirement code } }
        verificationDocuments { status requirement }
      } }`,
      { a: accountId },
      caller,
    )
  ).data!.account;

const refusal = (answer: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  answer.errors?.[0]?.extensions as Extensions | undefined;

const US_PERSON = {
  'individual.first_name': 'Jenny',
  'individual.last_name': 'Rosen',
  'individual.email': 'jenny@example.com',
  'individual.phone': '+14155550142',
  'individual.address.line1': '510 Townsend St',
  'individual.address.city': 'San Francisco',
  'individual.address.state': 'CA',
  'individual.address.postal_code': '94103',
  'individual.id_number': '000000000',
};

let seq = 0;
/**
 * An onboarded US individual (seeded as onboarding leaves one) whose birth date the check could
 * not match, so an identity document is asked for.
 */
async function failedIdentity(
  options: { livemode?: boolean; platformId?: string; on?: TestService } = {},
) {
  seq += 1;
  const id = `acct_doc${seq}${options.livemode ? 'live' : ''}`;
  await seedIdentity((options.on ?? service).dataSource, {
    platform: { id: options.platformId ?? 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [
      {
        id,
        displayName: `Doc ${seq}`,
        email: `${id}@example.com`,
        country: 'US',
        defaultCurrency: 'usd',
        livemode: options.livemode ?? false,
        businessType: 'individual',
        businessProfile: {
          name: null,
          url: 'https://jenny.example',
          supportEmail: null,
          supportPhone: null,
          supportAddress: null,
        },
        onboardingDetails: { ...US_PERSON, 'individual.dob': '1900-01-01' },
        tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: '127.0.0.1', userAgent: 'seed' },
        verification: {
          'individual.id_number': { status: 'verified' },
          'individual.address.line1': { status: 'verified' },
          'individual.dob': {
            status: 'failed',
            code: 'verification_failed_keyed_identity',
            reason: 'The person could not be verified with this date of birth.',
          },
        },
        externalAccountProvided: true,
      },
    ],
  });
  return id;
}

const eventsOf = async (accountId: string) =>
  (
    (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'account.updated' AND account_id = ? ORDER BY occurred_at, id",
      [accountId],
    )) as Array<{ data: string }>
  ).map(
    (row) =>
      (JSON.parse(row.data) as { data: { fields: string[]; requirements?: Requirements } }).data,
  );

const countRows = async (table: string, accountId: string) =>
  Number(
    (
      (await service.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ?`, [
        accountId,
      ])) as Array<{ n: string }>
    )[0]!.n,
  );

beforeAll(async () => {
  service = await startTestService(identityService, {
    DASH_DASHBOARD_URL: 'http://dashboard.test',
    DASH_IDENTITY_DOCUMENT_MAX_BYTES: String(MAX_BYTES),
    DASH_IDENTITY_FILES_PER_DAY: String(PER_DAY),
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_b', name: 'Other Rides', brandColor: '#222222' },
    accounts: [],
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [],
  });
});
afterAll(() => service.close());

describe('what asks for a document', () => {
  it('a birth date that fails the check in onboarding asks for the person’s document, with the reason', async () => {
    const created = await service.query<{ createAccount: { id: string } }>(
      'mutation { createAccount(input: { email: "keyed@example.com", country: "US" }) { id } }',
      {},
      platformA,
    );
    const accountId = created.data!.createAccount.id;
    const link = await service.query<{ createAccountLink: { url: string } }>(
      `mutation($a: ID!) { createAccountLink(account: $a, type: account_onboarding,
        refreshUrl: "http://platform.test/r", returnUrl: "http://platform.test/u") { url } }`,
      { a: accountId },
      platformA,
    );
    const opened = await service.query(
      'mutation($t: String!) { openAccountLink(token: $t) { type } }',
      { t: link.data!.createAccountLink.url.split('/onboarding/')[1] },
    );
    const session = opened.headers.get('x-dash-session')!.split(' ')[1]!;
    const onboarding = (await authenticate(service, { sessionToken: session })).body.caller!;
    const values = {
      business_type: 'individual',
      'business_profile.url': 'jenny.example',
      ...US_PERSON,
      'individual.dob': '1900-01-01',
    };
    const saved = await service.query(
      'mutation($v: [OnboardingValueInput!]!) { saveOnboardingDetails(values: $v) { accountId } }',
      { v: Object.entries(values).map(([key, value]) => ({ key, value })) },
      onboarding,
    );
    expect(saved.errors).toBeUndefined();
    await service.dataSource.transaction((manager) => markBankAccountProvided(manager, accountId));
    const submitted = await service.query<{
      submitOnboarding: {
        requirements: Requirements;
        steps: Array<{ key: string; complete: boolean; fields: Array<Record<string, unknown>> }>;
      };
    }>(
      `mutation { submitOnboarding(acceptTermsOfService: true, userAgent: "vitest") {
        requirements { currentlyDue pendingVerification errors { requirement code } }
        steps { key complete fields { key kind required value options errorCode } }
      } }`,
      {},
      onboarding,
    );
    const { requirements, steps } = submitted.data!.submitOnboarding;
    expect(requirements.currentlyDue).toEqual([DOCUMENT]);
    expect(requirements.errors).toEqual([
      { requirement: DOCUMENT, code: 'verification_failed_keyed_identity' },
    ]);
    const documents = steps.find((step) => step.key === 'documents')!;
    expect(steps.map((step) => step.key).indexOf('documents')).toBe(
      steps.map((step) => step.key).indexOf('bank') - 1,
    );
    expect(documents).toEqual({
      key: 'documents',
      complete: false,
      fields: [
        {
          key: DOCUMENT,
          kind: 'document',
          required: true,
          value: null,
          options: ['passport', 'id_card', 'driving_license'],
          errorCode: 'verification_failed_keyed_identity',
        },
      ],
    });

    // The account link's browser uploads and sends: a failing test document, then a passing one.
    const failing = await uploaded(onboarding, FAILING);
    const failed = await attach(onboarding, { front: failing });
    expect(failed.data?.attachVerificationDocument).toMatchObject({
      status: 'failed',
      failureCode: 'verification_document_failed_other',
    });
    expect((await accountState(accountId)).requirements).toMatchObject({
      currentlyDue: [DOCUMENT],
      errors: [{ requirement: DOCUMENT, code: 'verification_document_failed_other' }],
    });
    const front = await uploaded(onboarding, PASSING);
    const back = await uploaded(onboarding, PHOTO);
    const verified = await attach(onboarding, { type: 'id_card', front, back });
    expect(verified.data?.attachVerificationDocument).toMatchObject({ status: 'verified' });
    const after = await accountState(accountId);
    expect(after).toMatchObject({
      payoutsEnabled: true,
      requirements: { currentlyDue: [], pendingVerification: [], errors: [] },
    });
    expect(after.verificationDocuments.map((document) => document.status)).toEqual([
      'verified',
      'failed',
    ]);
    // Each review is an account.updated in the same transaction; the last says nothing is due.
    const events = await eventsOf(accountId);
    expect(events.filter((event) => event.fields.includes(DOCUMENT))).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      fields: [DOCUMENT, 'requirements'],
      requirements: { currentlyDue: [], payoutsEnabled: true },
    });
  });

  it('a company whose tax id does not match is asked for its papers, not the tax id again', async () => {
    const accountId = 'acct_doccompany';
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
      accounts: [
        {
          id: accountId,
          displayName: 'Doc Co',
          email: 'co@example.com',
          country: 'US',
          defaultCurrency: 'usd',
          livemode: false,
          businessType: 'company',
          onboardingDetails: { 'company.tax_id': '111111111' },
          tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: null, userAgent: null },
          verification: {
            'company.tax_id': { status: 'failed', code: 'verification_failed_tax_id_match' },
          },
          externalAccountProvided: true,
        },
      ],
    });
    const { requirements } = await accountState(accountId);
    expect(requirements.currentlyDue).toContain('company.verification.document');
    expect(requirements.currentlyDue).not.toContain('company.tax_id');
    const company = accountCaller(accountId);
    const papers = await uploaded(company, PASSING);
    const refused = await attach(company, {
      requirement: 'company.verification.document',
      type: 'passport',
      front: papers,
    });
    expect(refusal(refused)).toMatchObject({ reason: 'DOCUMENT_TYPE_NOT_ACCEPTED', field: 'type' });
    const sent = await attach(company, {
      requirement: 'company.verification.document',
      type: 'company_registration',
      front: papers,
    });
    expect(sent.data?.attachVerificationDocument.status).toBe('verified');
    expect((await accountState(accountId)).requirements.currentlyDue).not.toContain(
      'company.verification.document',
    );
  });

  it('Singapore asks up front, before any check', async () => {
    const created = await service.query<{ createAccount: { id: string } }>(
      'mutation { createAccount(input: { email: "sg@example.com", country: "SG" }) { id } }',
      {},
      platformA,
    );
    const accountId = created.data!.createAccount.id;
    await service.query(
      'mutation($a: ID!, $v: [OnboardingValueInput!]!) { prefillOnboarding(account: $a, values: $v) { id } }',
      { a: accountId, v: [{ key: 'business_type', value: 'individual' }] },
      platformA,
    );
    expect((await accountState(accountId)).requirements.currentlyDue).toContain(DOCUMENT);
  });
});

describe('uploads, as an attacker sends them', () => {
  it('reads the type from the bytes: HTML, SVG or a zip named and typed as JPEG are refused, and nothing is kept', async () => {
    const accountId = await failedIdentity();
    const caller = accountCaller(accountId);
    for (const bytes of [
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'),
      Buffer.from('504b0304140000000800', 'hex'),
      Buffer.from('GIF89a\x01\x00\x01\x00'),
    ]) {
      const answer = await upload(caller, bytes, { name: 'passport.jpg', type: 'image/jpeg' });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        extensions: { reason: 'FILE_TYPE_NOT_ALLOWED' },
      });
    }
    // A real PNG sent as "text/html" named .exe is still a PNG, and is kept as one.
    const png = await upload(caller, PASSING, { name: 'scan.exe', type: 'text/html' });
    expect(png).toMatchObject({ status: 201, body: { mimeType: 'image/png' } });
    expect(await countRows('identity_files', accountId)).toBe(1);
  });

  it('refuses a file over the limit, an empty one, and one larger than the parser reads', async () => {
    const caller = accountCaller(await failedIdentity());
    const big = Buffer.concat([PHOTO, Buffer.alloc(MAX_BYTES)]);
    const tooLarge = await upload(caller, big);
    expect(tooLarge).toMatchObject({
      status: 400,
      body: { error: { extensions: { reason: 'FILE_TOO_LARGE' } } },
    });
    const huge = await upload(caller, Buffer.concat([big, Buffer.alloc(2 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBeDefined();
    expect((await upload(caller, Buffer.alloc(0))).body.error?.extensions?.reason).toBe(
      'FILE_EMPTY',
    );
    // Just under the limit is kept whole, bytes and all.
    const fits = await uploaded(caller, Buffer.concat([PHOTO, Buffer.alloc(MAX_BYTES - 1024)]));
    const [stored] = (await service.dataSource.query(
      'SELECT LENGTH(bytes) AS size FROM identity_file_bytes WHERE file_id = ?',
      [fits],
    )) as Array<{ size: string }>;
    expect(Number(stored!.size)).toBe(PHOTO.length + MAX_BYTES - 1024);
  });

  it('keeps a page of the default limit (10 MB) whole: past MariaDB’s default 16 MiB packet once hex-encoded', async () => {
    const defaults = await startTestService(identityService);
    try {
      const accountId = await failedIdentity({ on: defaults });
      const size = 10 * 1024 * 1024;
      const page = Buffer.concat([PHOTO, Buffer.alloc(size - PHOTO.length, 1)]);
      const answer = await upload(accountCaller(accountId), page, { to: defaults });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      const [stored] = (await defaults.dataSource.query(
        'SELECT LENGTH(bytes) AS size FROM identity_file_bytes WHERE file_id = ?',
        [answer.body.id],
      )) as Array<{ size: string }>;
      expect(Number(stored!.size)).toBe(size);
    } finally {
      await defaults.close();
    }
  });

  it('refuses malformed requests: no caller, no or another purpose, a bad name, a multipart body', async () => {
    const caller = accountCaller(await failedIdentity());
    expect((await upload(null, PASSING)).status).toBe(401);
    for (const query of ['', '?purpose=dispute_evidence', '?purpose[]=identity_document']) {
      const answer = await upload(caller, PASSING, { query });
      expect(answer.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        extensions: { field: 'purpose' },
      });
    }
    expect(
      (await upload(caller, PASSING, { name: '%E0%A4%A.png' })).body.error?.extensions,
    ).toMatchObject({ field: 'x-file-name' });
    // A form upload wraps the file in boundaries: the body is no image, whatever part holds one.
    const multipart = Buffer.concat([
      Buffer.from(
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
      ),
      PASSING,
      Buffer.from('\r\n--xyz'),
    ]);
    const form = await upload(caller, multipart, { type: 'multipart/form-data; boundary=xyz' });
    expect(form.body.error?.extensions?.reason).toBe('FILE_TYPE_NOT_ALLOWED');
    const truncated = await upload(caller, Buffer.from('--xyz\r\nContent-Disposition: form-d'), {
      type: 'multipart/form-data; boundary=xyz',
    });
    expect(truncated.body.error?.extensions?.reason).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('takes files only while a document is asked for, and at most so many a day', async () => {
    const settled = 'acct_docsettled';
    await seedIdentity(service.dataSource, {
      platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
      accounts: [
        {
          id: settled,
          displayName: 'Settled',
          email: 'settled@example.com',
          country: 'US',
          defaultCurrency: 'usd',
          livemode: false,
        },
      ],
    });
    expect((await upload(accountCaller(settled), PASSING)).body.error?.extensions?.reason).toBe(
      'NO_DOCUMENT_REQUESTED',
    );
    const caller = accountCaller(await failedIdentity());
    for (let n = 0; n < PER_DAY; n += 1) await uploaded(caller, PHOTO);
    expect(await upload(caller, PHOTO)).toMatchObject({
      status: 429,
      body: { error: { extensions: { reason: 'FILE_QUOTA_EXCEEDED' } } },
    });
  });

  it('a live account cannot upload a test file', async () => {
    const live: Caller = {
      kind: 'account',
      accountId: await failedIdentity({ livemode: true }),
      platformId: 'plat_a',
      livemode: true,
    };
    for (const file of [PASSING, FAILING, PENDING])
      expect((await upload(live, file)).body.error?.extensions?.reason).toBe(
        'TEST_FILE_IN_LIVE_MODE',
      );
  });
});

describe('attaching, as an attacker would', () => {
  it('refuses another account’s file, another platform’s account, and a test file on a live account', async () => {
    const mine = await failedIdentity();
    const theirs = await failedIdentity();
    const theirFile = await uploaded(accountCaller(theirs), PASSING);
    const stolen = await attach(accountCaller(mine), { front: theirFile });
    expect(stolen.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'front' });
    // An account names no other account; a platform reaches only its own, in its key's mode.
    expect(
      (await attach(accountCaller(mine), { front: theirFile }, theirs)).errors?.[0]?.extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await upload(accountCaller(mine), PASSING, {
          query: `?purpose=identity_document&account=${theirs}`,
        })
      ).status,
    ).toBe(404);
    expect(
      (await attach(platformB, { front: theirFile }, theirs)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await upload(platformB, PASSING, {
          query: `?purpose=identity_document&account=${theirs}`,
        })
      ).status,
    ).toBe(404);
    const other = await failedIdentity({ platformId: 'plat_b' });
    expect(
      (await attach(platformA, { front: theirFile }, other)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    // The platform's live key, with a test file, for its live account: not that account's file.
    const liveAccount = await failedIdentity({ livemode: true });
    expect(
      (await attach(liveA, { front: theirFile }, liveAccount)).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await attach(liveA, { front: theirFile }, theirs)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await accountState(mine)).requirements.currentlyDue).toEqual([DOCUMENT]);
    expect(await countRows('verification_documents', mine)).toBe(0);
  });

  it('a platform uploads and sends for its own account with its key', async () => {
    const accountId = await failedIdentity();
    const missing = await upload(platformA, PASSING);
    expect(missing.body.error?.extensions).toMatchObject({ reason: 'ACCOUNT_REQUIRED' });
    const file = await uploaded(
      platformA,
      PASSING,
      `?purpose=identity_document&account=${accountId}`,
    );
    expect((await attach(platformA, { front: file })).errors?.[0]?.extensions?.reason).toBe(
      'ACCOUNT_REQUIRED',
    );
    const sent = await attach(platformA, { front: file }, accountId);
    expect(sent.data?.attachVerificationDocument.status).toBe('verified');
    expect((await eventsOf(accountId)).at(-1)).toMatchObject({
      fields: [DOCUMENT, 'requirements'],
    });
  });

  it('checks the shape: a back for an id card, none for a passport, a known requirement', async () => {
    const caller = accountCaller(await failedIdentity());
    const front = await uploaded(caller, PASSING);
    const back = await uploaded(caller, PHOTO);
    const reasons = await Promise.all(
      [
        { type: 'id_card', front },
        { type: 'passport', front, back },
        { type: 'driving_license', front, back: front },
        { requirement: 'individual.dob', front },
        { requirement: 'representative.verification.document', front },
      ].map(async (input) => refusal(await attach(caller, input))?.reason),
    );
    expect(reasons).toEqual([
      'DOCUMENT_BACK_REQUIRED',
      'DOCUMENT_HAS_NO_BACK',
      'SAME_FILE',
      'UNKNOWN_REQUIREMENT',
      'DOCUMENT_NOT_REQUESTED',
    ]);
    const badType = await attach(caller, { type: 'selfie', front });
    expect(badType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ten parallel uploads and sends for one requirement end in one verified document', async () => {
    const accountId = await failedIdentity();
    const caller = accountCaller(accountId);
    const files = await Promise.all(
      Array.from({ length: 10 }, (_, n) => uploaded(caller, n % 2 ? FAILING : PASSING)),
    );
    expect(new Set(files).size).toBe(10);
    const answers = await Promise.all(files.map((front) => attach(caller, { front })));
    const outcomes = answers.map(
      (answer) => answer.data?.attachVerificationDocument.status ?? refusal(answer)?.reason,
    );
    expect(outcomes.filter((outcome) => outcome === 'verified')).toHaveLength(1);
    // Failing ones before the verified one were reviewed; everything after it was refused.
    const firstVerified = (await service.dataSource.query(
      "SELECT created_at FROM verification_documents WHERE account_id = ? AND status = 'verified'",
      [accountId],
    )) as Array<{ created_at: Date }>;
    expect(firstVerified).toHaveLength(1);
    const refusedAfter = outcomes.filter((outcome) => outcome === 'DOCUMENT_ALREADY_VERIFIED');
    const failed = outcomes.filter((outcome) => outcome === 'failed');
    expect(refusedAfter.length + failed.length).toBe(9);
    expect(await countRows('verification_documents', accountId)).toBe(1 + failed.length);
    expect((await accountState(accountId)).requirements).toMatchObject({
      currentlyDue: [],
      errors: [],
    });
    const [row] = (await service.dataSource.query(
      'SELECT verification FROM accounts WHERE id = ?',
      [accountId],
    )) as Array<{ verification: string }>;
    expect(JSON.parse(row!.verification)[DOCUMENT]).toEqual({ status: 'verified' });
    expect((await eventsOf(accountId)).filter((e) => e.fields.includes(DOCUMENT))).toHaveLength(
      1 + failed.length,
    );
  });

  it('in live mode a document waits for review, and a second is refused meanwhile', async () => {
    const accountId = await failedIdentity({ livemode: true });
    const live: Caller = { kind: 'account', accountId, platformId: 'plat_a', livemode: true };
    const [first, second] = [await uploaded(live, PHOTO), await uploaded(live, PHOTO)];
    const sent = await attach(live, { front: first! });
    expect(sent.data?.attachVerificationDocument.status).toBe('pending');
    const state = await accountState(accountId, liveA);
    expect(state).toMatchObject({
      payoutsEnabled: false,
      requirements: { currentlyDue: [], pendingVerification: [DOCUMENT] },
    });
    expect(refusal(await attach(live, { front: second! }))?.reason).toBe('DOCUMENT_UNDER_REVIEW');
    // Nothing is asked for while it is reviewed: no more files either.
    expect((await upload(live, PHOTO)).body.error?.extensions?.reason).toBe(
      'NO_DOCUMENT_REQUESTED',
    );
  });
});
