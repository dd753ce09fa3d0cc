import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import { US_TEST_PERSON, type RunningStack } from '../src/index.js';
import { platformKey } from './support.js';

/** What identity's test-mode verification accepts: 000000000 verifies, 111111111 fails. */
export const TEST_INDIVIDUAL = {
  business_type: 'individual',
  'business_profile.url': 'riley.example',
  'individual.first_name': 'Riley',
  'individual.last_name': 'Driver',
  'individual.email': 'riley@example.com',
  ...US_TEST_PERSON,
};

export const ONBOARDING_BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Riley Driver',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

/** The browser of someone who opened an account link: its onboarding-only session cookie. */
export interface OnboardingBrowser {
  call<T>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResponse<T>>;
}

const SAVE = `mutation($v: [OnboardingValueInput!]!) {
  saveOnboardingDetails(values: $v) { chargesEnabled payoutsEnabled }
}`;

/** Opens a fresh account link for the account, as its owner following the platform's link. */
export async function openOnboarding(
  stack: RunningStack,
  accountId: string,
): Promise<OnboardingBrowser> {
  const link = await graphqlRequest<{ createAccountLink: { url: string } }>(
    stack.gatewayUrl,
    `mutation($a: ID!) {
      createAccountLink(account: $a, type: account_onboarding,
        refreshUrl: "https://platform.example/refresh", returnUrl: "https://platform.example/return") { url }
    }`,
    { a: accountId },
    platformKey,
  );
  if (!link.data) throw new Error(`no account link: ${JSON.stringify(link.errors)}`);
  const token = new URL(link.data.createAccountLink.url).pathname.split('/onboarding/')[1]!;
  const opened = await graphqlRequest(
    stack.gatewayUrl,
    'mutation($t: String!) { openAccountLink(token: $t) { type } }',
    { t: token },
  );
  const cookie = opened.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`account link not opened: ${JSON.stringify(opened.errors)}`);
  return {
    call: (query, variables = {}) => graphqlRequest(stack.gatewayUrl, query, variables, { cookie }),
  };
}

/**
 * Test set-up: onboards an account created through the API the way its owner would — test
 * values through an account link, a bank account, the terms accepted — so it may take
 * payments and be paid out. (An account the API just made has every capability off.) Answers
 * the onboarding browser, to change answers later.
 */
export async function onboardAccount(
  stack: RunningStack,
  accountId: string,
  options: { values?: Record<string, string>; bank?: Record<string, string> } = {},
): Promise<OnboardingBrowser> {
  const browser = await openOnboarding(stack, accountId);
  const saved = await browser.call(SAVE, {
    v: Object.entries(options.values ?? TEST_INDIVIDUAL).map(([key, value]) => ({ key, value })),
  });
  if (saved.errors) throw new Error(`onboarding not saved: ${JSON.stringify(saved.errors)}`);
  const bank = await browser.call(
    'mutation($b: BankAccountInput!) { addOnboardingBankAccount(input: $b) { id } }',
    { b: options.bank ?? ONBOARDING_BANK },
  );
  // A bank account the platform added already counts.
  if (bank.errors && bank.errors[0]?.extensions?.reason !== 'BANK_ACCOUNT_EXISTS')
    throw new Error(`bank account not added: ${JSON.stringify(bank.errors)}`);
  // Identity hears of the bank account by event: the terms can be accepted once it has.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const submitted = await browser.call<{ submitOnboarding: { chargesEnabled: boolean } }>(
      `mutation { submitOnboarding(acceptTermsOfService: true, userAgent: "test set-up") {
        chargesEnabled
      } }`,
    );
    if (submitted.data?.submitOnboarding.chargesEnabled) return browser;
    if (Date.now() > deadline)
      throw new Error(`onboarding not submitted: ${JSON.stringify(submitted.errors)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Changes answers as the account's owner would (a corrected, or wrong, id number). */
export async function changeOnboardingAnswers(
  browser: OnboardingBrowser,
  values: Record<string, string>,
): Promise<{ payoutsEnabled: boolean }> {
  const saved = await browser.call<{ saveOnboardingDetails: { payoutsEnabled: boolean } }>(SAVE, {
    v: Object.entries(values).map(([key, value]) => ({ key, value })),
  });
  if (!saved.data) throw new Error(`not saved: ${JSON.stringify(saved.errors)}`);
  return saved.data.saveOnboardingDetails;
}
