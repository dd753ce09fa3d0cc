import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { DashError } from '@dash/errors';
import { createLogger } from '@dash/logger';
import { accountCaller, platformCaller, type TestService } from '@dash/subgraph/testing';
import { EvidenceFiles } from '../src/evidence/evidence-files.service.js';
import { DatabaseFileStorage } from '../src/evidence/database-file-storage.service.js';
import { UnusedFiles } from '../src/evidence/unused-files.service.js';
import {
  accountWithPayment as accountWithPaymentOf,
  call,
  DAY,
  platformA,
  PNG,
  setFeatures as setPlatformFeatures,
  startWithLedger,
  stopServices,
  uploadFile,
} from './support.js';

/** The per-account file cap this file's service runs with. */
const FILE_CAP = 5;
const platformB = platformCaller('plat_b');

let ledger: TestService;
let disputes: TestService;

const setFeatures = (features: Record<string, boolean>) => setPlatformFeatures(disputes, features);

const accountWithPayment = (amount?: number) =>
  accountWithPaymentOf({ ledger, disputes }, 'upl', amount);

async function openDispute(chargeId: string, due?: Date): Promise<string> {
  const opened = await call<{ createTestDispute: { id: string } }>(
    disputes,
    platformA,
    'mutation($c: ID!, $due: DateTimeISO) { createTestDispute(charge: $c, reason: general, evidenceDueBy: $due) { id } }',
    { c: chargeId, due: due?.toISOString() },
  );
  return opened.data!.createTestDispute.id;
}

/** An account with a dispute waiting for its response. */
async function disputedAccount(): Promise<{ accountId: string; disputeId: string }> {
  const { accountId, chargeId } = await accountWithPayment();
  return { accountId, disputeId: await openDispute(chargeId) };
}

interface UploadAnswer {
  status: number;
  body: {
    id?: string;
    error?: { code: string; message: string; extensions?: Record<string, unknown> };
  };
}

const upload = async (caller: Caller, query = '', bytes = PNG): Promise<UploadAnswer> =>
  (await uploadFile(disputes, caller, { bytes, query })) as UploadAnswer;

const filesOf = async (accountId: string) =>
  (
    (await disputes.dataSource.query(
      'SELECT id, storage_key FROM dispute_files WHERE account_id = ?',
      [accountId],
    )) as Array<{ id: string; storage_key: string }>
  ).map((row) => row.id);

/** The stored files of an account, as the default storage (the service's database) keeps them. */
const storedBytesOf = async (accountId: string) =>
  (
    (await disputes.dataSource.query(
      'SELECT storage_key FROM evidence_file_bytes WHERE storage_key LIKE ?',
      [`${accountId}/%`],
    )) as Array<{ storage_key: string }>
  ).map((row) => row.storage_key);

const saveReceipt = (caller: Caller, disputeId: string, fileId: string) =>
  call<{ saveDisputeEvidence: { evidence: { receipt: string | null } } }>(
    disputes,
    caller,
    'mutation($d: ID!, $f: String!) { saveDisputeEvidence(dispute: $d, evidence: { receipt: $f }) { evidence { receipt } } }',
    { d: disputeId, f: fileId },
  );

beforeAll(async () => {
  ({ ledger, disputes } = await startWithLedger({
    // Every account these tests use is remembered in disputes' own table: identity is never asked.
    DASH_IDENTITY_URL: 'http://127.0.0.1:9/graphql',
    DASH_DISPUTE_TICK_MS: '3600000',
    DASH_DISPUTE_FILES_PER_ACCOUNT: String(FILE_CAP),
  }));
});
afterAll(() => stopServices({ ledger, disputes }));

describe('who may upload evidence', () => {
  it('refuses an account whose platform answers disputes for it (manageDisputes off)', async () => {
    const { accountId } = await disputedAccount();
    const account = accountCaller(accountId, 'plat_a');
    await setFeatures({ manageDisputes: false });
    try {
      const refused = await Promise.all(Array.from({ length: 20 }, () => upload(account)));
      for (const answer of refused)
        expect(answer).toMatchObject({
          status: 403,
          body: {
            error: {
              code: 'FORBIDDEN',
              extensions: { reason: 'FEATURE_DISABLED', feature: 'manageDisputes' },
            },
          },
        });
      expect(await filesOf(accountId)).toEqual([]);
      expect(await storedBytesOf(accountId)).toEqual([]);
    } finally {
      await setFeatures({});
    }
    expect((await upload(account)).status).toBe(201);
  });

  it('refuses an account with no dispute waiting for its response', async () => {
    const { accountId, chargeId } = await accountWithPayment();
    const account = accountCaller(accountId, 'plat_a');
    const noDispute = await upload(account);
    expect(noDispute).toMatchObject({
      status: 412,
      body: {
        error: {
          code: 'FAILED_PRECONDITION',
          extensions: { reason: 'NO_DISPUTE_AWAITING_RESPONSE' },
        },
      },
    });
    // A dispute past its due date waits for nothing either.
    await openDispute(chargeId, new Date(Date.now() - 60_000));
    expect((await upload(account)).body.error?.extensions).toMatchObject({
      reason: 'NO_DISPUTE_AWAITING_RESPONSE',
    });
    expect(await filesOf(accountId)).toEqual([]);

    const other = await disputedAccount();
    const otherAccount = accountCaller(other.accountId, 'plat_a');
    expect((await upload(otherAccount)).status).toBe(201);
    await call(
      disputes,
      otherAccount,
      'mutation($d: ID!) { acceptDispute(dispute: $d) { status } }',
      { d: other.disputeId },
    );
    expect((await upload(otherAccount)).status).toBe(412);
  });

  it('lets a platform upload for its own account, and finds no other platform’s account', async () => {
    const { accountId, disputeId } = await disputedAccount();
    const own = await upload(platformA, `?account=${accountId}`);
    expect(own.status).toBe(201);
    expect(await filesOf(accountId)).toEqual([own.body.id]);
    // The file is the account's evidence: the platform attaches it to the account's dispute.
    const saved = await saveReceipt(platformA, disputeId, own.body.id!);
    expect(saved.data?.saveDisputeEvidence.evidence.receipt).toBe(own.body.id);

    const stranger = await upload(platformB, `?account=${accountId}`);
    expect(stranger).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const liveKey = { ...platformA, livemode: true } as Caller;
    expect((await upload(liveKey, `?account=${accountId}`)).status).toBe(404);
    expect(await upload(platformA)).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', extensions: { reason: 'ACCOUNT_REQUIRED' } } },
    });
    // An account uploads for itself only.
    const neighbour = await disputedAccount();
    expect(
      (await upload(accountCaller(neighbour.accountId, 'plat_a'), `?account=${accountId}`)).status,
    ).toBe(404);
    expect(await filesOf(accountId)).toEqual([own.body.id]);
  });
});

describe('per-account quota', () => {
  it(`stores exactly ${FILE_CAP} of 30 parallel uploads and refuses the rest with 429`, async () => {
    const { accountId } = await disputedAccount();
    const account = accountCaller(accountId, 'plat_a');
    const answers = await Promise.all(Array.from({ length: 30 }, () => upload(account)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(FILE_CAP);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(30 - FILE_CAP);
    for (const answer of refused)
      expect(answer).toMatchObject({
        status: 429,
        body: {
          error: {
            code: 'RATE_LIMITED',
            extensions: { reason: 'FILE_QUOTA_EXCEEDED', limit: 'files', filesPerAccount: 5 },
          },
        },
      });
    expect(await filesOf(accountId)).toHaveLength(FILE_CAP);
    // Refused uploads took their bytes back.
    expect(await storedBytesOf(accountId)).toHaveLength(FILE_CAP);
    // A platform uploading for the account counts against the same quota.
    expect((await upload(platformA, `?account=${accountId}`)).status).toBe(429);
  });

  it('caps the bytes an account stores, also under 30 parallel uploads', async () => {
    const { accountId } = await disputedAccount();
    const storage = new DatabaseFileStorage(disputes.dataSource);
    const files = new EvidenceFiles(disputes.dataSource, storage, {
      maxBytes: 1024 * 1024,
      filesPerAccount: 1_000,
      bytesPerAccount: 3 * PNG.length,
      windowDays: 30,
    });
    const owner = { accountId, platformId: 'plat_a', livemode: false };
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, () => files.upload(owner, 'receipt.png', PNG)),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    for (const result of results.filter((result) => result.status === 'rejected')) {
      expect(result.reason).toBeInstanceOf(DashError);
      expect((result.reason as DashError).extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'bytes',
      });
    }
    expect(await filesOf(accountId)).toHaveLength(3);
    expect(await storedBytesOf(accountId)).toHaveLength(3);

    // The window ends: the account may upload again.
    const nextMonth = new EvidenceFiles(
      disputes.dataSource,
      storage,
      {
        maxBytes: 1024 * 1024,
        filesPerAccount: 1_000,
        bytesPerAccount: 3 * PNG.length,
        windowDays: 30,
      },
      () => new Date(Date.now() + 31 * DAY),
    );
    await expect(nextMonth.upload(owner, 'receipt.png', PNG)).resolves.toMatchObject({ accountId });
  });
});

describe('unused files', () => {
  it('deletes a file no evidence names 7 days after its upload, and keeps the ones in use', async () => {
    const { accountId, disputeId } = await disputedAccount();
    const account = accountCaller(accountId, 'plat_a');
    const used = (await upload(account)).body.id!;
    const unused = (await upload(account)).body.id!;
    expect((await saveReceipt(account, disputeId, used)).errors).toBeUndefined();
    const storage = new DatabaseFileStorage(disputes.dataSource);
    const cleanUpAt = (days: number) =>
      new UnusedFiles(
        disputes.dataSource,
        storage,
        7,
        createLogger('test', 'silent'),
        () => new Date(Date.now() + days * DAY),
      );

    await cleanUpAt(6).deleteExpired();
    expect((await filesOf(accountId)).sort()).toEqual([used, unused].sort());
    expect(await storedBytesOf(accountId)).toHaveLength(2);

    // Two instances' chores at once: each file is deleted once, and neither fails.
    await Promise.all([cleanUpAt(8).deleteExpired(), cleanUpAt(8).deleteExpired()]);
    expect(await filesOf(accountId)).toEqual([used]);
    expect(await storedBytesOf(accountId)).toEqual([expect.stringContaining(used)]);
  });
});
