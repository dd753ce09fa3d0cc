import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityService, seedIdentity } from '@dash/identity';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { deleteRedisPrefix, graphqlRequest, testRedisPrefix, testRedisUrl } from '@dash/testing';
import type { RunningGateway } from '../src/index.js';
import { bearer, platformWithAccount, signIn, startTestGateway, UNREACHABLE } from './support.js';

const PASSING = readFileSync(
  new URL('../../services/identity/test/fixtures/identity-document-success.png', import.meta.url),
);
const prefix = testRedisPrefix('identity-files');
const accountId = 'acct_gatewaydocs';
let identity: TestService;
let gateway: RunningGateway;
let origin: string;
let cookie: string;
let secret: string;

const upload = (query: string, headers: Record<string, string> = {}, body: Buffer = PASSING) =>
  fetch(`${origin}/files${query}`, {
    method: 'POST',
    headers: { 'content-type': 'image/png', 'x-file-name': 'passport.png', ...headers },
    body,
  });

beforeAll(async () => {
  identity = await startTestService(identityService, { DASH_REDIS_PREFIX: prefix });
  // Disputes is away: an upload sent there answers UNAVAILABLE, so where each one went shows.
  gateway = await startTestGateway(
    { identity: identity.url, ledger: UNREACHABLE, disputes: UNREACHABLE },
    prefix,
  );
  origin = new URL(gateway.url).origin;
  const platform = await platformWithAccount(identity, 'Docs Co', accountId);
  secret = platform.secret;
  await seedIdentity(identity.dataSource, {
    platform: { id: platform.platformId, name: 'Docs Co', brandColor: '#5b4cf0' },
    accounts: [
      {
        id: accountId,
        displayName: 'Docs Co',
        email: `${accountId}@example.com`,
        country: 'US',
        defaultCurrency: 'usd',
        livemode: false,
        businessType: 'individual',
        onboardingDetails: { 'individual.dob': '1900-01-01' },
        tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: null, userAgent: null },
        verification: {
          'individual.dob': { status: 'failed', code: 'verification_failed_keyed_identity' },
        },
        externalAccountProvided: true,
      },
    ],
  });
  cookie = await signIn(gateway.url, secret, accountId);
});
afterAll(async () => {
  await gateway?.stop();
  await identity?.close();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('identity documents through /files', () => {
  it('sends purpose=identity_document to identity, for the signed-in account and for its platform', async () => {
    const mine = await upload('?purpose=identity_document', { cookie });
    expect(mine.status).toBe(201);
    const file = (await mine.json()) as { id: string; purpose: string };
    expect(file).toMatchObject({
      id: expect.stringMatching(/^file_/),
      purpose: 'identity_document',
    });

    const platform = await upload(
      `?purpose=identity_document&account=${accountId}`,
      bearer(secret),
    );
    expect(platform.status).toBe(201);
    const sent = await graphqlRequest<{ attachVerificationDocument: { status: string } }>(
      gateway.url,
      `mutation($a: ID, $f: ID!) { attachVerificationDocument(account: $a,
        input: { requirement: "individual.verification.document", type: passport, front: $f }) { status } }`,
      { a: accountId, f: ((await platform.json()) as { id: string }).id },
      bearer(secret),
    );
    expect(sent.data?.attachVerificationDocument.status).toBe('verified');
  });

  it('keeps the edge checks: another site, no session, an unknown purpose', async () => {
    const crossSite = await upload('?purpose=identity_document', {
      cookie,
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
    expect((await upload('?purpose=identity_document')).status).toBe(401);
    const unknown = await upload('?purpose=avatar', { cookie });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', extensions: { field: 'purpose' } },
    });
    // Dispute evidence (and an upload naming no purpose) still goes to disputes.
    expect((await upload('?purpose=dispute_evidence', { cookie })).status).toBe(502);
    expect((await upload('', { cookie })).status).toBe(502);
  });
});
