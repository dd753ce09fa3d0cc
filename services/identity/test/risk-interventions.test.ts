import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import type { DomainEvent, WantedIntervention } from '@dash/events';
import { newId } from '@dash/ids';
import {
  accountCaller,
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import type { GraphqlResponse } from '@dash/testing';
import { identityService, seedIdentity } from '../src/index.js';
import { reconcileAssessment } from '../src/risk-intervention/risk-assessment.consumer.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const PASSING = fixture('identity-document-success.png');
const FAILING = fixture('identity-document-failure.png');
const DOCUMENT = 'individual.verification.document';

let service: TestService;
const platformA = platformCaller('plat_a');
const platformB = platformCaller('plat_b');
const liveA: Caller = { kind: 'platform', platformId: 'plat_a', livemode: true, keyId: 'k_live' };

type Extensions = { code?: string; reason?: string; field?: string };
type Answer<T> = GraphqlResponse<T>;
const refusal = (answer: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  answer.errors?.[0]?.extensions as Extensions | undefined;

const US_PERSON = {
  business_type: 'individual',
  'business_profile.url': 'https://jenny.example',
  'individual.first_name': 'Jenny',
  'individual.last_name': 'Rosen',
  'individual.email': 'jenny@example.com',
  'individual.phone': '+14155550142',
  'individual.address.line1': '510 Townsend St',
  'individual.address.city': 'San Francisco',
  'individual.address.state': 'CA',
  'individual.address.postal_code': '94103',
  'individual.id_number': '000000000',
  'individual.dob': '1990-01-01',
};

let seq = 0;
/**
 * An onboarded US individual that can take payments and be paid out (or, with `failedDob`, one
 * whose birth date could not be matched, so a document is asked for).
 */
async function onboardedAccount(
  options: { livemode?: boolean; platformId?: string; failedDob?: boolean } = {},
) {
  seq += 1;
  const id = `acct_risk${seq}${options.livemode ? 'live' : ''}`;
  await seedIdentity(service.dataSource, {
    platform: {
      id: options.platformId ?? 'plat_a',
      name: options.platformId === 'plat_b' ? 'Other Rides' : 'Rocket Rides',
      brandColor: '#5b4cf0',
    },
    accounts: [
      {
        id,
        displayName: `Risk ${seq}`,
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
        onboardingDetails: {
          ...US_PERSON,
          ...(options.failedDob ? { 'individual.dob': '1900-01-01' } : {}),
        },
        tosAcceptance: { date: '2026-01-05T10:00:00.000Z', ip: '127.0.0.1', userAgent: 'seed' },
        verification: {
          'individual.id_number': { status: 'verified' },
          'individual.address.line1': { status: 'verified' },
          'individual.dob': options.failedDob
            ? {
                status: 'failed',
                code: 'verification_failed_keyed_identity',
                reason: 'The person could not be verified with this date of birth.',
              }
            : { status: 'verified' },
        },
        externalAccountProvided: true,
      },
    ],
  });
  return id;
}

interface Intervention {
  id: string;
  kind: string;
  status: string;
  source: string;
  signal: string | null;
  reason: string;
  resolution: string;
  question: string | null;
  requirement: string | null;
  reservePercent: number | null;
  reserveDays: number | null;
  pausesPayouts: boolean;
  disablesCharges: boolean;
  answer: string | null;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string | null;
}
const FIELDS = `id kind status source signal reason resolution question requirement reservePercent
  reserveDays pausesPayouts disablesCharges answer createdAt liftedAt liftedBy liftReason`;

interface Placement {
  account: string;
  kind: string;
  reason?: string;
  reservePercent?: number;
  reserveDays?: number;
  question?: string;
  resolution?: string;
}
const place = (
  input: Placement,
  key = `key_${newId('event')}`,
  caller: Caller = platformA,
): Promise<Answer<{ placeRiskIntervention: Intervention }>> =>
  service.query<{ placeRiskIntervention: Intervention }>(
    `mutation($i: PlaceRiskInterventionInput!, $k: String!) {
      placeRiskIntervention(input: $i, idempotencyKey: $k) { ${FIELDS} }
    }`,
    { i: { reason: 'We are reviewing recent activity on your account.', ...input }, k: key },
    caller,
  );
const placed = async (input: Placement, caller: Caller = platformA) => {
  const answer = await place(input, undefined, caller);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.placeRiskIntervention;
};
const lift = (id: string, caller: Caller = platformA, reason?: string) =>
  service.query<{ liftRiskIntervention: Intervention }>(
    `mutation($id: ID!, $r: String) { liftRiskIntervention(id: $id, reason: $r) { ${FIELDS} } }`,
    { id, r: reason ?? null },
    caller,
  );
const resolve = (id: string, caller: Caller, args: { confirm?: boolean; answer?: string }) =>
  service.query<{ resolveRiskIntervention: Intervention }>(
    `mutation($id: ID!, $c: Boolean, $a: String) {
      resolveRiskIntervention(id: $id, confirm: $c, answer: $a) { ${FIELDS} }
    }`,
    { id, c: args.confirm ?? null, a: args.answer ?? null },
    caller,
  );

interface State {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  requirements: {
    currentlyDue: string[];
    pendingVerification: string[];
    disabledReason: string | null;
    errors: Array<{ requirement: string; code: string }>;
  };
  riskInterventions: Intervention[];
}
const stateOf = async (accountId: string, caller: Caller = platformA): Promise<State> => {
  const answer = await service.query<{ account: State }>(
    `query($a: ID!) { account(id: $a) {
      chargesEnabled payoutsEnabled
      requirements { currentlyDue pendingVerification disabledReason errors { requirement code } }
      riskInterventions(status: active) { ${FIELDS} }
    } }`,
    { a: accountId },
    caller,
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.account;
};

interface UpdatedEvent {
  fields: string[];
  by: string;
  requirements?: { currentlyDue: string[]; payoutsEnabled: boolean; chargesEnabled: boolean };
  interventions?: {
    payoutsPaused: boolean;
    chargesDisabled: boolean;
    rollingReserve: { percent: number; days: number } | null;
  };
  intervention?: {
    interventionId: string;
    kind: string;
    action: string;
    source: string;
    signal: string | null;
    liftedBy?: string;
    reservePercent: number | null;
  };
}
const eventsOf = async (accountId: string): Promise<UpdatedEvent[]> =>
  (
    (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE type = 'account.updated' AND account_id = ? ORDER BY occurred_at, id",
      [accountId],
    )) as Array<{ data: string }>
  ).map((row) => (JSON.parse(row.data) as { data: UpdatedEvent }).data);
const interventionEvents = async (accountId: string) =>
  (await eventsOf(accountId)).filter((event) => event.fields.includes('risk_interventions'));

const activeRows = async (accountId: string) =>
  Number(
    (
      (await service.dataSource.query(
        "SELECT COUNT(*) AS n FROM risk_interventions WHERE account_id = ? AND status = 'active'",
        [accountId],
      )) as Array<{ n: string }>
    )[0]!.n,
  );

/** POST /files as the gateway passes it on. */
async function upload(caller: Caller, bytes: Buffer): Promise<string> {
  const response = await fetch(
    service.url.replace('/graphql', '/files?purpose=identity_document'),
    {
      method: 'POST',
      headers: {
        [CALLER_HEADER]: signCaller(caller, TEST_SECRET_KEYS, { audience: 'identity' }),
        'content-type': 'image/png',
        'x-file-name': 'passport.png',
      },
      body: bytes,
    },
  );
  const body = (await response.json()) as { id?: string };
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body.id!;
}
const sendDocument = async (accountId: string, bytes: Buffer) => {
  const caller = accountCaller(accountId);
  const front = await upload(caller, bytes);
  const answer = await service.query<{ attachVerificationDocument: { status: string } }>(
    `mutation($i: VerificationDocumentInput!) {
      attachVerificationDocument(input: $i) { id status }
    }`,
    { i: { requirement: DOCUMENT, type: 'passport', front } },
    caller,
  );
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return answer.data!.attachVerificationDocument.status;
};

const assessment = (
  accountId: string,
  wanted: WantedIntervention[],
  assessedAt: string,
  options: { platformId?: string; livemode?: boolean; id?: string } = {},
): DomainEvent<'risk.assessed'> => ({
  id: options.id ?? newId('event'),
  type: 'risk.assessed',
  source: 'ledger',
  accountId,
  platformId: options.platformId ?? 'plat_a',
  livemode: options.livemode ?? false,
  occurredAt: assessedAt,
  data: { assessedAt, signals: [], wanted },
});

/** One delivery as the event consumer makes it: once per event id, in one transaction. */
const deliver = (event: DomainEvent<'risk.assessed'>) =>
  service.dataSource.transaction(async (manager) => {
    const inserted = (await manager.query(
      'INSERT IGNORE INTO processed_events (event_id, type, processed_at) VALUES (?, ?, ?)',
      [event.id, event.type, new Date()],
    )) as { affectedRows?: number };
    if (inserted.affectedRows) await reconcileAssessment(manager, event, new Date());
  });

const BREACH = '2026-03-01T00:00:00.000Z';
const reserveWanted: WantedIntervention = {
  kind: 'rolling_reserve',
  signal: 'dispute_rate',
  breachedSince: BREACH,
  reservePercent: 10,
  reserveDays: 30,
};
const documentWanted: WantedIntervention = {
  kind: 'require_document',
  signal: 'volume_change',
  breachedSince: BREACH,
};

beforeAll(async () => {
  service = await startTestService(identityService, {
    DASH_DASHBOARD_URL: 'http://dashboard.test',
  });
  await seedIdentity(service.dataSource, {
    platform: { id: 'plat_b', name: 'Other Rides', brandColor: '#222222' },
    accounts: [],
  });
});
afterAll(() => service.close());

describe('interventions a platform places', () => {
  it('starts onboarded: charges and payouts on', async () => {
    const state = await stateOf(await onboardedAccount());
    expect(state).toMatchObject({ chargesEnabled: true, payoutsEnabled: true });
    expect(state.requirements.currentlyDue).toEqual([]);
  });

  const cases = [
    {
      kind: 'pause_payouts',
      state: { chargesEnabled: true, payoutsEnabled: false, disabledReason: 'under_review' },
      summary: { payoutsPaused: true, chargesDisabled: false, rollingReserve: null },
      requirementsChange: true,
    },
    {
      kind: 'disable_charges',
      state: { chargesEnabled: false, payoutsEnabled: false, disabledReason: 'under_review' },
      summary: { payoutsPaused: true, chargesDisabled: true, rollingReserve: null },
      requirementsChange: true,
    },
    {
      kind: 'rolling_reserve',
      extra: { reservePercent: 10, reserveDays: 30 },
      state: { chargesEnabled: true, payoutsEnabled: true, disabledReason: null },
      summary: {
        payoutsPaused: false,
        chargesDisabled: false,
        rollingReserve: { percent: 10, days: 30 },
      },
      requirementsChange: false,
    },
    {
      kind: 'require_document',
      due: DOCUMENT,
      state: { chargesEnabled: true, payoutsEnabled: false, disabledReason: null },
      summary: { payoutsPaused: true, chargesDisabled: false, rollingReserve: null },
      requirementsChange: true,
    },
    {
      kind: 'require_information',
      extra: { question: 'What did you sell last week?', resolution: 'answer' },
      due: 'risk_intervention.',
      state: { chargesEnabled: true, payoutsEnabled: false, disabledReason: null },
      summary: { payoutsPaused: true, chargesDisabled: false, rollingReserve: null },
      requirementsChange: true,
    },
  ] as const;

  for (const example of cases)
    it(`${example.kind}: takes effect with its event, and lifting restores the account`, async () => {
      const accountId = await onboardedAccount();
      const intervention = await placed({
        account: accountId,
        kind: example.kind,
        ...('extra' in example ? example.extra : {}),
      });
      expect(intervention).toMatchObject({
        kind: example.kind,
        status: 'active',
        source: 'platform',
        pausesPayouts: example.kind !== 'rolling_reserve',
        disablesCharges: example.kind === 'disable_charges',
      });
      const during = await stateOf(accountId);
      const { disabledReason, ...capabilities } = example.state;
      expect(during).toMatchObject(capabilities);
      expect(during.requirements.disabledReason).toBe(disabledReason);
      expect(during.riskInterventions.map((row) => row.id)).toEqual([intervention.id]);
      if ('due' in example) {
        const due = during.requirements.currentlyDue;
        expect(due).toHaveLength(1);
        expect(due[0]!.startsWith(example.due)).toBe(true);
        expect(intervention.requirement).toBe(due[0]);
      } else expect(during.requirements.currentlyDue).toEqual([]);
      // The account sees it too, on `me`.
      const mine = await service.query<{ me: { riskInterventions: Intervention[] } }>(
        `{ me { riskInterventions(status: active) { id reason pausesPayouts } } }`,
        {},
        accountCaller(accountId),
      );
      expect(mine.data!.me.riskInterventions.map((row) => row.id)).toEqual([intervention.id]);

      const [placedEvent] = await interventionEvents(accountId);
      expect(placedEvent).toMatchObject({
        by: 'platform',
        interventions: example.summary,
        intervention: {
          interventionId: intervention.id,
          kind: example.kind,
          action: 'placed',
          source: 'platform',
        },
      });
      expect(placedEvent!.fields.includes('requirements')).toBe(example.requirementsChange);
      if (example.requirementsChange)
        expect(placedEvent!.requirements).toMatchObject({
          payoutsEnabled: example.state.payoutsEnabled,
          chargesEnabled: example.state.chargesEnabled,
        });

      const lifted = await lift(intervention.id, platformA, 'Reviewed: all fine.');
      expect(lifted.errors).toBeUndefined();
      expect(lifted.data!.liftRiskIntervention).toMatchObject({
        status: 'lifted',
        liftedBy: 'platform',
        liftReason: 'Reviewed: all fine.',
      });
      const after = await stateOf(accountId);
      expect(after).toMatchObject({ chargesEnabled: true, payoutsEnabled: true });
      expect(after.requirements).toMatchObject({ currentlyDue: [], disabledReason: null });
      expect(after.riskInterventions).toEqual([]);
      const liftedEvent = (await interventionEvents(accountId))[1]!;
      expect(liftedEvent).toMatchObject({
        by: 'platform',
        interventions: { payoutsPaused: false, chargesDisabled: false, rollingReserve: null },
        intervention: { interventionId: intervention.id, action: 'lifted', liftedBy: 'platform' },
      });
      // Lifting twice is refused.
      expect(refusal(await lift(intervention.id))?.reason).toBe('INTERVENTION_NOT_ACTIVE');
    });

  it('checks what is placed: a reserve’s terms, a question for an answer, the reason', async () => {
    const account = await onboardedAccount();
    const reasons = await Promise.all([
      place({ account, kind: 'rolling_reserve', reservePercent: 60, reserveDays: 30 }),
      place({ account, kind: 'rolling_reserve' }),
      place({ account, kind: 'pause_payouts', reservePercent: 10 }),
      place({ account, kind: 'require_information', resolution: 'answer' }),
      place({ account, kind: 'require_document', resolution: 'confirm' }),
      place({ account, kind: 'pause_payouts', reason: 'x'.repeat(501) }),
      place({ account, kind: 'pause_payouts', reason: '  ' }),
      place({ account, kind: 'pause_payouts' }, ''),
    ]);
    expect(reasons.map((answer) => refusal(answer)?.code)).toEqual(Array(8).fill('BAD_USER_INPUT'));
    expect(reasons.slice(0, 7).map((answer) => refusal(answer)?.reason)).toEqual([
      'RESERVE_PERCENT_RANGE',
      'RESERVE_PERCENT_RANGE',
      'RESERVE_NOT_FOR_KIND',
      'QUESTION_REQUIRED',
      'RESOLUTION_NOT_FOR_KIND',
      'REASON_LENGTH',
      'REASON_LENGTH',
    ]);
    const bogus = await service.query(
      `mutation { placeRiskIntervention(input: { account: "${account}", kind: freeze_everything, reason: "x" }, idempotencyKey: "k1") { id } }`,
      {},
      platformA,
    );
    expect(bogus.errors?.[0]).toBeDefined();
    expect(await activeRows(account)).toBe(0);
  });

  it('places one of a kind at a time, however many requests race', async () => {
    const account = await onboardedAccount();
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, index) =>
        place({ account, kind: 'pause_payouts' }, `race-${account}-${index}`),
      ),
    );
    const won = answers.filter((answer) => !answer.errors);
    expect(won).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.errors))
      expect(refusal(answer)).toMatchObject({
        code: 'CONFLICT',
        reason: 'INTERVENTION_ALREADY_ACTIVE',
      });
    expect(await activeRows(account)).toBe(1);
    expect(await interventionEvents(account)).toHaveLength(1);
    // Another kind still goes on beside it.
    await placed({ account, kind: 'rolling_reserve', reservePercent: 5, reserveDays: 10 });
    expect(await activeRows(account)).toBe(2);
  });

  it('replays the first result for the same key, and refuses the key with other input', async () => {
    const account = await onboardedAccount();
    const key = `same-${account}`;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => place({ account, kind: 'pause_payouts' }, key)),
    );
    const ids = new Set(answers.map((answer) => answer.data?.placeRiskIntervention.id));
    expect(answers.every((answer) => !answer.errors)).toBe(true);
    expect(ids.size).toBe(1);
    expect(await activeRows(account)).toBe(1);
    expect(await interventionEvents(account)).toHaveLength(1);
    const other = await place({ account, kind: 'disable_charges' }, key);
    expect(refusal(other)).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    // Another platform's same key is its own.
    const theirs = await onboardedAccount({ platformId: 'plat_b' });
    expect((await place({ account: theirs, kind: 'pause_payouts' }, key, platformB)).errors).toBe(
      undefined,
    );
  });
});

describe('whose interventions a caller reaches', () => {
  it('another platform can neither place, lift nor see them', async () => {
    const account = await onboardedAccount();
    const mine = await placed({ account, kind: 'pause_payouts' });
    expect(refusal(await place({ account, kind: 'disable_charges' }, 'b-1', platformB))?.code).toBe(
      'NOT_FOUND',
    );
    expect(refusal(await lift(mine.id, platformB))?.code).toBe('NOT_FOUND');
    const seen = await service.query<{ account: State }>(
      `query($a: ID!) { account(id: $a) { riskInterventions { id } } }`,
      { a: account },
      platformB,
    );
    expect(refusal(seen)?.code).toBe('NOT_FOUND');
    const listed = await service.query<{ riskInterventions: { nodes: Intervention[] } }>(
      `query($a: ID!) { riskInterventions(filter: { account: $a }) { nodes { id } } }`,
      { a: account },
      platformB,
    );
    expect(listed.data!.riskInterventions.nodes).toEqual([]);
    expect((await stateOf(account)).riskInterventions).toHaveLength(1);
  });

  it('a test-mode key cannot touch live accounts, and each mode counts its own', async () => {
    const live = await onboardedAccount({ livemode: true });
    expect(refusal(await place({ account: live, kind: 'pause_payouts' }))?.code).toBe('NOT_FOUND');
    const liveOne = await placed({ account: live, kind: 'pause_payouts' }, liveA);
    expect(refusal(await lift(liveOne.id, platformA))?.code).toBe('NOT_FOUND');
    const testList = await service.query<{ riskInterventions: { nodes: Intervention[] } }>(
      `{ riskInterventions(first: 100) { nodes { id } } }`,
      {},
      platformA,
    );
    expect(testList.data!.riskInterventions.nodes.map((row) => row.id)).not.toContain(liveOne.id);
    const overview = await service.query<{
      riskOverview: {
        id: string;
        livemode: boolean;
        accountsUnderIntervention: number;
        interventionsByKind: Array<{ kind: string; count: number }>;
      };
    }>(
      `{ riskOverview { id livemode accountsUnderIntervention interventionsByKind { kind count } } }`,
      {},
      liveA,
    );
    expect(overview.data!.riskOverview).toEqual({
      id: 'plat_a:live',
      livemode: true,
      accountsUnderIntervention: 1,
      interventionsByKind: [{ kind: 'pause_payouts', count: 1 }],
    });
    const accountAsks = await service.query(`{ riskOverview { id } }`, {}, accountCaller(live));
    expect(refusal(accountAsks)?.code).toBe('FORBIDDEN');
  });

  it('lists the platform’s interventions by page and filter', async () => {
    const account = await onboardedAccount();
    const first = await placed({ account, kind: 'pause_payouts' });
    const second = await placed({
      account,
      kind: 'rolling_reserve',
      reservePercent: 5,
      reserveDays: 10,
    });
    await lift(first.id);
    type Page = {
      riskInterventions: {
        nodes: Intervention[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const page = (variables: Record<string, unknown>) =>
      service.query<Page>(
        `query($f: RiskInterventionFilterInput, $first: Int, $after: String) {
          riskInterventions(filter: $f, first: $first, after: $after) {
            nodes { id status } pageInfo { hasNextPage endCursor }
          }
        }`,
        variables,
        platformA,
      );
    const one = await page({ f: { account }, first: 1 });
    expect(one.data!.riskInterventions.nodes.map((row) => row.id)).toEqual([second.id]);
    expect(one.data!.riskInterventions.pageInfo.hasNextPage).toBe(true);
    const two = await page({
      f: { account },
      first: 1,
      after: one.data!.riskInterventions.pageInfo.endCursor,
    });
    expect(two.data!.riskInterventions.nodes.map((row) => row.id)).toEqual([first.id]);
    const active = await page({ f: { account, status: 'active' } });
    expect(active.data!.riskInterventions.nodes.map((row) => row.id)).toEqual([second.id]);
    // Another platform's cursor is refused.
    const foreign = await service.query(
      `query($a: String) { riskInterventions(after: $a) { nodes { id } } }`,
      { a: one.data!.riskInterventions.pageInfo.endCursor },
      platformB,
    );
    expect(refusal(foreign)?.code).toBe('BAD_USER_INPUT');
    expect(refusal(await page({ first: 101 }))?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the account resolves what asks it for information', () => {
  it('confirms its own, which restores payouts; never another account’s', async () => {
    const account = await onboardedAccount();
    const other = await onboardedAccount();
    const intervention = await placed({
      account,
      kind: 'require_information',
      question: 'Are your bank details correct?',
    });
    expect(intervention.resolution).toBe('confirm');
    expect(
      refusal(await resolve(intervention.id, accountCaller(other), { confirm: true }))?.code,
    ).toBe('NOT_FOUND');
    expect(refusal(await resolve(intervention.id, platformA, { confirm: true }))?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      refusal(
        await resolve(intervention.id, accountCaller(account), { answer: 'Yes they are correct' }),
      )?.reason,
    ).toBe('WRONG_RESOLUTION');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        resolve(intervention.id, accountCaller(account), { confirm: true }),
      ),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.errors))
      expect(refusal(answer)?.reason).toBe('INTERVENTION_NOT_ACTIVE');
    const state = await stateOf(account);
    expect(state).toMatchObject({ payoutsEnabled: true, riskInterventions: [] });
    const events = await interventionEvents(account);
    expect(events.at(-1)).toMatchObject({
      by: 'account',
      intervention: { action: 'lifted', liftedBy: 'account' },
      interventions: { payoutsPaused: false },
    });
  });

  it('answers within 10 to 2000 characters; a document is not resolved by confirming', async () => {
    const account = await onboardedAccount();
    const question = await placed({
      account,
      kind: 'require_information',
      resolution: 'answer',
      question: 'What did you sell last week?',
    });
    const me = accountCaller(account);
    expect(refusal(await resolve(question.id, me, { answer: 'tickets' }))?.reason).toBe(
      'ANSWER_LENGTH',
    );
    expect(refusal(await resolve(question.id, me, { answer: 'x'.repeat(2001) }))?.reason).toBe(
      'ANSWER_LENGTH',
    );
    expect(refusal(await resolve(question.id, me, { confirm: true }))?.reason).toBe(
      'WRONG_RESOLUTION',
    );
    const answered = await resolve(question.id, me, { answer: 'Festival tickets for June.' });
    expect(answered.data!.resolveRiskIntervention).toMatchObject({
      status: 'lifted',
      liftedBy: 'account',
      answer: 'Festival tickets for June.',
    });
    const document = await placed({ account, kind: 'require_document' });
    expect(refusal(await resolve(document.id, me, { confirm: true }))?.reason).toBe(
      'WRONG_RESOLUTION',
    );
  });
});

describe('a require_document intervention and the document that lifts it', () => {
  it('lifts only for a document sent after it was placed, once that one is verified', async () => {
    const account = await onboardedAccount({ failedDob: true });
    // A document verified before the intervention…
    expect(await sendDocument(account, PASSING)).toBe('verified');
    expect(await stateOf(account)).toMatchObject({ payoutsEnabled: true });
    const intervention = await placed({ account, kind: 'require_document' });
    // …does not count: the document is asked for again.
    const asked = await stateOf(account);
    expect(asked.requirements.currentlyDue).toEqual([DOCUMENT]);
    expect(asked).toMatchObject({ payoutsEnabled: false });
    expect(asked.riskInterventions).toHaveLength(1);

    // A failing one keeps it, with the document's error.
    expect(await sendDocument(account, FAILING)).toBe('failed');
    const failed = await stateOf(account);
    expect(failed.riskInterventions).toHaveLength(1);
    expect(failed.requirements.currentlyDue).toEqual([DOCUMENT]);
    expect(failed.requirements.errors).toEqual([
      { requirement: DOCUMENT, code: 'verification_document_failed_other' },
    ]);

    expect(await sendDocument(account, PASSING)).toBe('verified');
    const after = await stateOf(account);
    expect(after).toMatchObject({ payoutsEnabled: true, riskInterventions: [] });
    expect(after.requirements.currentlyDue).toEqual([]);
    const [row] = (
      await service.query<{ account: State }>(
        `query($a: ID!) { account(id: $a) { riskInterventions { ${FIELDS} } } }`,
        { a: account },
        platformA,
      )
    ).data!.account.riskInterventions;
    expect(row).toMatchObject({ id: intervention.id, status: 'lifted', liftedBy: 'account' });
    const last = (await eventsOf(account)).at(-1)!;
    expect(last.fields).toEqual(expect.arrayContaining([DOCUMENT, 'risk_interventions']));
    expect(last).toMatchObject({
      by: 'account',
      intervention: { action: 'lifted', liftedBy: 'account', kind: 'require_document' },
      requirements: { payoutsEnabled: true },
    });
  });
});

describe('risk assessments from the ledger', () => {
  it('places what is wanted as automatic, and lifts a reserve no longer wanted', async () => {
    const account = await onboardedAccount();
    await deliver(assessment(account, [reserveWanted, documentWanted], '2026-03-02T00:00:00.000Z'));
    const state = await stateOf(account);
    expect(state.riskInterventions.map((row) => [row.kind, row.source, row.signal]).sort()).toEqual(
      [
        ['require_document', 'automatic', 'volume_change'],
        ['rolling_reserve', 'automatic', 'dispute_rate'],
      ],
    );
    expect(state.riskInterventions.find((row) => row.kind === 'rolling_reserve')).toMatchObject({
      reservePercent: 10,
      reserveDays: 30,
      reason: expect.stringMatching(/10% of each new payment/),
    });
    expect(state.payoutsEnabled).toBe(false);
    // The breach is over: the reserve goes, the document stays until sent.
    await deliver(assessment(account, [], '2026-03-03T00:00:00.000Z'));
    const later = await stateOf(account);
    expect(later.riskInterventions.map((row) => row.kind)).toEqual(['require_document']);
    const liftedEvent = (await interventionEvents(account)).find(
      (event) => event.intervention?.action === 'lifted',
    );
    expect(liftedEvent).toMatchObject({
      by: 'platform',
      intervention: { kind: 'rolling_reserve', liftedBy: 'automatic', source: 'automatic' },
      interventions: { rollingReserve: null, payoutsPaused: true },
    });
  });

  it('ignores an assessment older than the newest seen', async () => {
    const account = await onboardedAccount();
    await deliver(assessment(account, [reserveWanted], '2026-03-05T00:00:00.000Z'));
    await deliver(assessment(account, [], '2026-03-04T00:00:00.000Z'));
    expect((await stateOf(account)).riskInterventions.map((row) => row.kind)).toEqual([
      'rolling_reserve',
    ]);
  });

  it('does not place again what the account resolved for the same breach', async () => {
    const account = await onboardedAccount();
    const wanted: WantedIntervention = {
      kind: 'require_information',
      signal: 'payout_failures',
      breachedSince: BREACH,
    };
    await deliver(assessment(account, [wanted], '2026-03-02T00:00:00.000Z'));
    const [asked] = (await stateOf(account)).riskInterventions;
    expect(asked).toMatchObject({ kind: 'require_information', resolution: 'confirm' });
    // Still wanted later: it stays, and is not placed twice.
    await deliver(assessment(account, [], '2026-03-02T12:00:00.000Z'));
    expect((await stateOf(account)).riskInterventions).toHaveLength(1);
    expect((await resolve(asked!.id, accountCaller(account), { confirm: true })).errors).toBe(
      undefined,
    );
    await deliver(assessment(account, [wanted], '2026-03-03T00:00:00.000Z'));
    expect((await stateOf(account)).riskInterventions).toEqual([]);
    // A new breach asks again.
    await deliver(
      assessment(
        account,
        [{ ...wanted, breachedSince: '2026-03-10T00:00:00.000Z' }],
        '2026-03-11T00:00:00.000Z',
      ),
    );
    expect((await stateOf(account)).riskInterventions).toHaveLength(1);
  });

  it('places one of each kind for parallel deliveries of one assessment', async () => {
    const account = await onboardedAccount();
    const event = assessment(account, [reserveWanted, documentWanted], '2026-03-02T00:00:00.000Z');
    // The same event delivered again and again, and copies of it recorded twice.
    await Promise.all([
      ...Array.from({ length: 5 }, () => deliver(event)),
      ...Array.from({ length: 5 }, () => deliver({ ...event, id: newId('event') })),
    ]);
    expect(await activeRows(account)).toBe(2);
    expect(await interventionEvents(account)).toHaveLength(2);
  });

  it('takes no assessment for another tenant’s account', async () => {
    const account = await onboardedAccount();
    await deliver(
      assessment(account, [reserveWanted], '2026-03-02T00:00:00.000Z', { platformId: 'plat_b' }),
    );
    await deliver(
      assessment(account, [reserveWanted], '2026-03-02T00:00:00.000Z', { livemode: true }),
    );
    expect(await activeRows(account)).toBe(0);
  });
});
