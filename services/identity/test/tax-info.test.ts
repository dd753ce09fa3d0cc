import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { CLIENT_IP_HEADER, USER_AGENT_HEADER } from '@dash/auth-context';
import { keyRing, sealedKid } from '@dash/config';
import {
  accountCaller,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  testCallerHeader,
  type TestService,
} from '@dash/subgraph/testing';
import { graphqlRequest } from '@dash/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { unseal } from '../src/onboarding/personal-id.rules.js';
import { resealTaxIds } from '../src/tax-info/tin-reseal.worker.js';
import { usAccount } from './support.js';

let service: TestService;
const jo = accountCaller('acct_taxjo', 'plat_a');
const kim = accountCaller('acct_taxkim', 'plat_a');
const gb = accountCaller('acct_taxgb', 'plat_a');
const lee = accountCaller('acct_taxlee', 'plat_a');
const platform = platformCaller('plat_a');
const otherPlatform = platformCaller('plat_b');

const VIEW = `taxInformation {
  tinType maskedTin legalName address { line1 line2 city state postalCode } prefilled
  certifiedAt certifiedName edeliveryConsent edeliveryConsentedAt edeliveryWithdrawnAt
}`;
const START = 'mutation { startTaxInformationChange { id maskedDestination } }';
const SAVE = `mutation($input: TaxInformationInput!, $challenge: ID!, $code: String!) {
  saveTaxInformation(input: $input, challenge: $challenge, code: $code) {
    tinType maskedTin legalName certifiedAt certifiedName prefilled
  }
}`;
const CONSENT = `mutation($consent: Boolean!) {
  setTaxFormDeliveryConsent(consent: $consent) { edeliveryConsent edeliveryConsentedAt edeliveryWithdrawnAt }
}`;

const W9 = {
  tinType: 'ssn',
  tin: '123-45-6789',
  legalName: 'Jo Rosen',
  address: { line1: '1 Main St', line2: 'Apt 4', city: 'Austin', state: 'tx', postalCode: '78701' },
  certify: true,
  signatureName: 'Jo Rosen',
};

/** A request as the gateway forwards it from a browser: the caller, its address and browser. */
const fromBrowser = <T = Record<string, unknown>>(
  caller: Caller,
  query: string,
  variables: Record<string, unknown> = {},
) =>
  graphqlRequest<T>(service.url, query, variables, {
    'x-dash-caller': testCallerHeader(caller, 'identity'),
    [CLIENT_IP_HEADER]: '203.0.113.7',
    [USER_AGENT_HEADER]: 'Mozilla/5.0 (tax test)',
  });

async function challengeFor(caller: Caller): Promise<string> {
  const started = await service.query<{ startTaxInformationChange: { id: string } }>(
    START,
    {},
    caller,
  );
  expect(started.errors).toBeUndefined();
  return started.data!.startTaxInformationChange.id;
}

const extensionsOf = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  response.errors?.[0]?.extensions;

const taxEvents = async (accountId: string) =>
  (
    (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'tax_info.updated' AND account_id = ? ORDER BY id",
      [accountId],
    )) as Array<{ data: string }>
  ).map((row) => JSON.parse(row.data) as { data: Record<string, unknown> });

beforeAll(async () => {
  service = await startTestService(identityService);
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_a', name: 'Rocket Rides', brandColor: '#5b4cf0' },
    accounts: [
      usAccount('acct_taxjo', 'Jo', {
        businessType: 'individual',
        onboardingDetails: {
          'individual.first_name': 'Jo',
          'individual.last_name': 'Rosen',
          'individual.address.line1': '1 Main St',
          'individual.address.city': 'Austin',
          'individual.address.state': 'TX',
          'individual.address.postal_code': '78701',
        },
      }),
      usAccount('acct_taxkim', 'Kim'),
      usAccount('acct_taxlee', 'Lee'),
      { ...usAccount('acct_taxgb', 'Gb'), country: 'GB', defaultCurrency: 'gbp' },
    ],
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_b', name: 'Other', brandColor: '#000000' },
    accounts: [usAccount('acct_taxb', 'B', { country: 'US' })],
  });
});
afterAll(() => service.close());

describe('tax information (W-9)', () => {
  it('starts from what onboarding knows, with nothing certified', async () => {
    const view = await service.query<{ me: { taxInformation: Record<string, unknown> } }>(
      `{ me { ${VIEW} } }`,
      {},
      jo,
    );
    expect(view.data?.me.taxInformation).toEqual({
      tinType: 'ssn',
      maskedTin: null,
      legalName: 'Jo Rosen',
      address: {
        line1: '1 Main St',
        line2: null,
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
      },
      prefilled: true,
      certifiedAt: null,
      certifiedName: null,
      edeliveryConsent: false,
      edeliveryConsentedAt: null,
      edeliveryWithdrawnAt: null,
    });
  });

  it('is not for accounts outside the US', async () => {
    const view = await service.query<{ me: { taxInformation: unknown } }>(
      `{ me { ${VIEW} } }`,
      {},
      gb,
    );
    expect(view.data?.me.taxInformation).toBeNull();
    for (const [query, variables] of [
      [START, {}],
      [CONSENT, { consent: true }],
    ] as const)
      expect(extensionsOf(await service.query(query, variables, gb))).toMatchObject({
        code: 'FAILED_PRECONDITION',
        reason: 'US_ACCOUNTS_ONLY',
      });
  });

  it('refuses a bad W-9 naming the field, before the code is tried', async () => {
    const challenge = await challengeFor(jo);
    const refusals = [
      [{ tin: '000-00-0000' }, 'tin'],
      [{ tin: '666-12-3456' }, 'tin'],
      [{ tinType: 'ein', tin: '07-1234567' }, 'tin'],
      [{ tin: '12345' }, 'tin'],
      [{ legalName: '  ' }, 'legalName'],
      [{ address: { ...W9.address, state: 'XX' } }, 'address.state'],
      [{ address: { ...W9.address, postalCode: 'ABCDE' } }, 'address.postalCode'],
      [{ certify: false }, 'certify'],
      [{ signatureName: '' }, 'signatureName'],
    ] as const;
    for (const [change, field] of refusals) {
      const refused = await service.query(
        SAVE,
        { input: { ...W9, ...change }, challenge, code: '000000' },
        jo,
      );
      expect(extensionsOf(refused), field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(refused)).not.toMatch(/at \w+ \(|node_modules/);
    }
    // None of them used a try of the code, nor saved anything.
    const [row] = await service.dataSource.query(
      'SELECT wrong_attempts, consumed_at FROM login_challenges WHERE id = ?',
      [challenge],
    );
    expect(row).toMatchObject({ wrong_attempts: 0, consumed_at: null });
    expect(await taxEvents('acct_taxjo')).toEqual([]);
  });

  it('needs the right code, and saves only with it', async () => {
    const missing = await service.query(
      'mutation($input: TaxInformationInput!) { saveTaxInformation(input: $input) { maskedTin } }',
      { input: W9 },
      jo,
    );
    expect(extensionsOf(missing)?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const challenge = await challengeFor(jo);
    const wrong = await service.query(SAVE, { input: W9, challenge, code: '123456' }, jo);
    expect(extensionsOf(wrong)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CODE_WRONG',
      field: 'code',
    });
    const [stored] = await service.dataSource.query(
      'SELECT COUNT(*) AS n FROM tax_information WHERE account_id = ?',
      ['acct_taxjo'],
    );
    expect(Number(stored.n)).toBe(0);
  });

  it("refuses another account's challenge as if it did not exist", async () => {
    const challenge = await challengeFor(jo);
    const stolen = await service.query(SAVE, { input: W9, challenge, code: '000000' }, kim);
    expect(extensionsOf(stolen)).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'CHALLENGE_INVALID',
    });
  });

  it('saves the certified W-9 sealed, answers it masked, and tells the ledger only the last four digits', async () => {
    const challenge = await challengeFor(jo);
    const saved = await fromBrowser<{ saveTaxInformation: Record<string, unknown> }>(jo, SAVE, {
      input: W9,
      challenge,
      code: '000000',
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveTaxInformation).toMatchObject({
      tinType: 'ssn',
      maskedTin: '•••-••-6789',
      legalName: 'Jo Rosen',
      certifiedName: 'Jo Rosen',
      prefilled: false,
    });
    expect(JSON.stringify(saved)).not.toContain('123456789');
    expect(JSON.stringify(saved)).not.toContain('123-45-6789');

    const [row] = (await service.dataSource.query(
      'SELECT * FROM tax_information WHERE account_id = ?',
      ['acct_taxjo'],
    )) as Array<Record<string, unknown>>;
    // The raw number is nowhere in the row in clear, whatever the column.
    expect(JSON.stringify(row)).not.toMatch(/123-?45-?6789/);
    expect(String(row!.tin_sealed)).toMatch(/^sealed:v2:/);
    expect(unseal(String(row!.tin_sealed), TEST_SECRET_KEYS)).toBe('123456789');
    expect(row).toMatchObject({
      tin_last4: '6789',
      certified_ip: '203.0.113.7',
      certified_user_agent: 'Mozilla/5.0 (tax test)',
      certification_version: 'w9-rev-2024-03',
    });
    expect(row!.certified_at).toBeInstanceOf(Date);

    const events = await taxEvents('acct_taxjo');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toMatch(/123-?45-?6789/);
    expect(events[0]!.data).toEqual({
      legalName: 'Jo Rosen',
      address: {
        line1: '1 Main St',
        line2: 'Apt 4',
        city: 'Austin',
        state: 'TX',
        postalCode: '78701',
      },
      tinType: 'ssn',
      tinLast4: '6789',
      certifiedAt: (row!.certified_at as Date).toISOString(),
      edeliveryConsent: false,
    });

    // The code is used up.
    const again = await service.query(SAVE, { input: W9, challenge, code: '000000' }, jo);
    expect(extensionsOf(again)?.code).toBe('FAILED_PRECONDITION');
  });

  it('shows its platform the masked view, and no other platform anything', async () => {
    const own = await service.query<{ account: { taxInformation: Record<string, unknown> } }>(
      `{ account(id: "acct_taxjo") { ${VIEW} } }`,
      {},
      platform,
    );
    expect(own.data?.account.taxInformation).toMatchObject({ maskedTin: '•••-••-6789' });
    const other = await service.query(
      `{ account(id: "acct_taxjo") { ${VIEW} } }`,
      {},
      otherPlatform,
    );
    expect(extensionsOf(other)?.code).toBe('NOT_FOUND');
    const kimView = await service.query<{ me: { taxInformation: Record<string, unknown> } }>(
      `{ me { ${VIEW} } }`,
      {},
      kim,
    );
    expect(kimView.data?.me.taxInformation).toMatchObject({ maskedTin: null, prefilled: true });
  });

  it('of parallel saves with one code, exactly one goes through', async () => {
    const challenge = await challengeFor(kim);
    const before = (await taxEvents('acct_taxkim')).length;
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        service.query(
          SAVE,
          {
            input: { ...W9, tinType: 'ein', tin: `12-34567${10 + index}`, legalName: 'Kim LLC' },
            challenge,
            code: '000000',
          },
          kim,
        ),
      ),
    );
    expect(attempts.filter((attempt) => !attempt.errors)).toHaveLength(1);
    for (const refused of attempts.filter((attempt) => attempt.errors))
      expect(extensionsOf(refused)?.code).toBe('FAILED_PRECONDITION');
    expect(await taxEvents('acct_taxkim')).toHaveLength(before + 1);
  });

  it('records the e-delivery consent and its withdrawal with their times, once each', async () => {
    const given = await fromBrowser<{ setTaxFormDeliveryConsent: Record<string, unknown> }>(
      jo,
      CONSENT,
      { consent: true },
    );
    expect(given.data?.setTaxFormDeliveryConsent).toMatchObject({
      edeliveryConsent: true,
      edeliveryConsentedAt: expect.any(String),
      edeliveryWithdrawnAt: null,
    });
    await service.query(CONSENT, { consent: true }, jo);
    const withdrawn = await service.query<{ setTaxFormDeliveryConsent: Record<string, unknown> }>(
      CONSENT,
      { consent: false },
      jo,
    );
    expect(withdrawn.data?.setTaxFormDeliveryConsent).toMatchObject({
      edeliveryConsent: false,
      edeliveryWithdrawnAt: expect.any(String),
    });
    const consents = (await taxEvents('acct_taxjo')).map((event) => event.data.edeliveryConsent);
    expect(consents).toEqual([false, true, false]);
    const [row] = await service.dataSource.query(
      'SELECT edelivery_ip, edelivery_consented_at FROM tax_information WHERE account_id = ?',
      ['acct_taxjo'],
    );
    expect(row.edelivery_consented_at).toBeInstanceOf(Date);
    // The W-9 is untouched by the consent.
    const view = await service.query<{ me: { taxInformation: Record<string, unknown> } }>(
      `{ me { ${VIEW} } }`,
      {},
      jo,
    );
    expect(view.data?.me.taxInformation).toMatchObject({ maskedTin: '•••-••-6789' });
  });

  it('takes 40 consents at once for an account with no tax row yet: one row, one event, no deadlock', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        service.query<{ setTaxFormDeliveryConsent: Record<string, unknown> }>(
          CONSENT,
          { consent: true },
          lee,
        ),
      ),
    );
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.setTaxFormDeliveryConsent.edeliveryConsent).toBe(true);
    }
    const rows = (await service.dataSource.query(
      'SELECT edelivery_consent FROM tax_information WHERE account_id = ?',
      ['acct_taxlee'],
    )) as Array<{ edelivery_consent: number }>;
    expect(rows).toHaveLength(1);
    expect((await taxEvents('acct_taxlee')).map((event) => event.data.edeliveryConsent)).toEqual([
      true,
    ]);
  });

  it('is refused to platforms and to no one at all', async () => {
    expect(extensionsOf(await service.query(START, {}, platform))?.code).toBe('UNAUTHENTICATED');
    expect(extensionsOf(await service.query(CONSENT, { consent: true }))?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('waits 72 hours after a contact change before a code is sent', async () => {
    const changed = await service.query(
      'mutation { updateAccount(id: "acct_taxkim", input: { phone: "+15555550199" }) { phone } }',
      {},
      platform,
    );
    expect(changed.errors).toBeUndefined();
    expect(extensionsOf(await service.query(START, {}, kim))).toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: 'RECENT_CONTACT_CHANGE',
    });
  });

  it('moves sealed ids to a new key when the keys rotate', async () => {
    const rotated = keyRing(
      'k2:a-brand-new-root-secret-for-this-test-only-000000',
      ...TEST_SECRET_KEYS.roots.map(({ kid, secret }) => `${kid}:${secret}`),
    );
    expect(await resealTaxIds(service.dataSource, rotated)).toBe(2);
    const [row] = await service.dataSource.query(
      'SELECT tin_sealed FROM tax_information WHERE account_id = ?',
      ['acct_taxjo'],
    );
    expect(sealedKid(row.tin_sealed)).toBe('k2');
    expect(unseal(row.tin_sealed, rotated)).toBe('123456789');
    expect(await resealTaxIds(service.dataSource, rotated)).toBe(0);
  });
});
