import { CALLER_HEADER, signCaller, type Caller } from '@dash/auth-context';
import { TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import type { IdentitySeed } from '../src/index.js';
import { Reverification } from '../src/account-details/reverification.service.js';
import { OnboardingService } from '../src/onboarding/onboarding.service.js';
import { ManualReview, TestModeVerification } from '../src/onboarding/verification.rules.js';

const GATEWAY: Caller = { kind: 'service', service: 'gateway' };
const PAYOUTS: Caller = { kind: 'service', service: 'payouts' };

/** A POST to one of identity's internal routes, signed as `signer` (null: not signed). */
export function postInternal(
  service: TestService,
  path: string,
  body: unknown,
  signer: Caller | null,
): Promise<Response> {
  return fetch(service.url.replace('/graphql', path), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signer
        ? { [CALLER_HEADER]: signCaller(signer, TEST_SECRET_KEYS, { audience: 'identity' }) }
        : {}),
    },
    body: JSON.stringify(body),
  });
}

/**
 * What the gateway learns of an API key, a session token or a client secret (with the origin of
 * the page that sent it): the status and, on 200, the caller.
 */
export async function authenticate(
  service: TestService,
  credential:
    { apiKey: string } | { sessionToken: string } | { clientSecret: string; origin?: string },
  signer: Caller | null = GATEWAY,
): Promise<{ status: number; body: { caller?: Caller } }> {
  const response = await postInternal(service, '/internal/authenticate', credential, signer);
  return { status: response.status, body: (await response.json()) as { caller?: Caller } };
}

/** Refusal details, as an internal route or GraphQL answers them. */
type Extensions = { code?: string; reason?: string; [detail: string]: unknown };

/** How the payouts service checks a payout-details code before it changes a bank account. */
export async function checkPayoutDetailsCode(
  service: TestService,
  accountId: string,
  challengeId: string,
  code: string,
): Promise<{ ok?: true; error?: { extensions?: Extensions } }> {
  const response = await postInternal(
    service,
    '/internal/challenges/check',
    { accountId, challengeId, code, purpose: 'payout_details' },
    PAYOUTS,
  );
  return (await response.json()) as { ok?: true; error?: { extensions?: Extensions } };
}

type SeedAccount = IdentitySeed['accounts'][number];

/** A US account in test mode to seed, reached at `<id>@example.com` unless `details` say otherwise. */
export const usAccount = (
  id: string,
  displayName: string,
  details: Partial<SeedAccount> = {},
): SeedAccount => ({
  id,
  displayName,
  email: `${id}@example.com`,
  country: 'US',
  defaultCurrency: 'usd',
  livemode: false,
  ...details,
});

/**
 * Runs the verification chore once, as its scheduled job would, with test mode's provider
 * answering at once: what changed details wait for is decided now.
 */
export function verifyChangedDetailsNow(service: TestService): Promise<number> {
  const onboarding = new OnboardingService(
    service.dataSource,
    { test: new TestModeVerification(), live: new ManualReview() },
    TEST_SECRET_KEYS,
  );
  return new Reverification(
    service.dataSource,
    (account, keys) => onboarding.verifyAnswers(account, keys),
    { simulatedMs: 0 },
  ).runDue();
}
