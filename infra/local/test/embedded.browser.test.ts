import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { graphqlRequest } from '@dash/testing';
import type { RunningStack } from '../src/index.js';
import { startDemoPlatformServer, type DemoPlatformServer } from '../src/demo-platform-server.js';
import { DEMO_WEBHOOK } from '../src/demo.js';
import { startBrowserStack, type BrowserStack } from './chromium.js';
import { newAccountWithLoginLink, platformKey, signInThroughLink } from './sign-in.js';

let running: BrowserStack;
let stack: RunningStack;
let browser: Browser;
let platformServer: DemoPlatformServer;
/** The platform's app: another site than the dashboard's (127.0.0.1). */
let appOrigin: string;
const EVIL_ORIGIN = 'https://evil.example';

let riderA: { accountId: string; path: string };
let riderB: { accountId: string; path: string };

const BANK = {
  country: 'US',
  currency: 'usd',
  accountHolderName: 'Embedded Rider',
  routingNumber: '110000000',
  accountNumber: '000123456789',
};

const asPlatform = <T>(query: string, variables: Record<string, unknown> = {}) =>
  graphqlRequest<T>(stack.gatewayUrl, query, variables, platformKey);

async function clientSecretFor(accountId: string, components: string[]): Promise<string> {
  const created = await asPlatform<{ createAccountSession: { clientSecret: string } }>(
    'mutation($a: ID!, $c: [EmbeddedComponent!]!) { createAccountSession(account: $a, components: $c) { clientSecret } }',
    { a: accountId, c: components },
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createAccountSession.clientSecret;
}

type Answer = {
  status: number;
  allowOrigin: string | null;
  allowCredentials: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ extensions?: Record<string, unknown> }>;
  };
};

/** A call to the dashboard's /graphql as a page on `origin` makes it (fetch, no cookies). */
async function callFrom(
  origin: string,
  query: string,
  headers: Record<string, string> = {},
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const response = await fetch(`${stack.shellUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'cors',
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    allowOrigin: response.headers.get('access-control-allow-origin'),
    allowCredentials: response.headers.get('access-control-allow-credentials'),
    body: (await response.json()) as Answer['body'],
  };
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
const reasonOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.reason;

const balanceOf = async (accountId: string) =>
  (
    await asPlatform<{ account: { balances: Array<{ currency: string; available: number }> } }>(
      'query($id: ID!) { account(id: $id) { balances { currency available } } }',
      { id: accountId },
    )
  ).data!.account.balances.find((balance) => balance.currency === 'usd')?.available;

beforeAll(async () => {
  running = await startBrowserStack('embedded_e2e', { realSignIn: true });
  ({ stack, browser } = running);
  platformServer = await startDemoPlatformServer(DEMO_WEBHOOK.secret, 0, () => {});
  appOrigin = new URL(platformServer.pageUrl).origin;
  platformServer.connect({
    gatewayUrl: stack.gatewayUrl,
    dashboardUrl: stack.shellUrl,
    apiKey: platformKey.authorization.slice('Bearer '.length),
    accountId: 'acct_unused',
  });
  const listed = await asPlatform<{ setEmbedOrigins: string[] }>(
    'mutation($o: [String!]!) { setEmbedOrigins(origins: $o) }',
    { o: platformServer.origins },
  );
  expect(listed.errors).toBeUndefined();
  [riderA, riderB] = await Promise.all([
    newAccountWithLoginLink(
      stack,
      { email: 'embedded.a@example.com', displayName: 'Embedded A' },
      { bank: BANK },
    ),
    newAccountWithLoginLink(
      stack,
      { email: 'embedded.b@example.com', displayName: 'Embedded B' },
      { bank: BANK },
    ),
  ]);
  for (const [rider, amount] of [
    [riderA, 5000],
    [riderB, 7700],
  ] as const) {
    const funded = await asPlatform(
      'mutation($a: ID!, $n: SafeInt!, $k: String!) { createTransfer(input: { account: $a, amount: $n, currency: "usd" }, idempotencyKey: $k) { id } }',
      { a: rider.accountId, n: amount, k: `embedded-fund-${rider.accountId}` },
    );
    expect(funded.errors).toBeUndefined();
  }
}, 240_000);
afterAll(async () => {
  await platformServer?.stop();
  await running?.stop();
});

describe('a client secret, attacked', () => {
  it('reads its own account from a listed origin, and nothing from any other, in parallel', async () => {
    const secretA = await clientSecretFor(riderA.accountId, ['balances', 'payouts']);
    const secretB = await clientSecretFor(riderB.accountId, ['payments']);
    const ME = '{ me { id } }';
    const attempts = await Promise.all([
      ...Array.from({ length: 10 }, () => callFrom(appOrigin, ME, bearer(secretA))),
      ...Array.from({ length: 10 }, () => callFrom(appOrigin, ME, bearer(secretB))),
      // Another site, a look-alike site and no Origin at all (a server replaying a leaked secret).
      ...Array.from({ length: 5 }, () => callFrom(EVIL_ORIGIN, ME, bearer(secretA))),
      callFrom(`${appOrigin}.evil.example`, ME, bearer(secretA)),
      // Another account, through the platform's own queries.
      ...Array.from({ length: 5 }, () =>
        callFrom(
          appOrigin,
          'query($id: ID!) { account(id: $id) { id balances { available } } }',
          bearer(secretA),
          { id: riderB.accountId },
        ),
      ),
      callFrom(appOrigin, '{ accounts(first: 5) { nodes { id } } }', bearer(secretA)),
      // Asked inside a fragment, so a root-field check that looks only at fields is not enough.
      callFrom(
        appOrigin,
        'query { ...Sneaky } fragment Sneaky on Query { account(id: "acct_x") { id } }',
        bearer(secretA),
      ),
    ]);
    attempts
      .slice(0, 10)
      .forEach((a) => expect(a.body.data).toEqual({ me: { id: riderA.accountId } }));
    attempts
      .slice(10, 20)
      .forEach((a) => expect(a.body.data).toEqual({ me: { id: riderB.accountId } }));
    for (const refused of attempts.slice(20, 26)) {
      expect(refused.status).toBe(401);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect(refused.body.data ?? null).toBeNull();
    }
    for (const refused of attempts.slice(26)) {
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(reasonOf(refused)).toBe('NOT_EMBEDDABLE');
      expect(refused.body.data ?? null).toBeNull();
    }
    const withoutOrigin = await fetch(`${stack.gatewayUrl}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(secretA) },
      body: JSON.stringify({ query: ME }),
    });
    expect(withoutOrigin.status).toBe(401);
  });

  it('changes only what its components allow: no pay-out from the payouts list', async () => {
    const payoutsOnly = await clientSecretFor(riderA.accountId, ['payouts']);
    const before = await balanceOf(riderA.accountId);
    const tries = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        callFrom(
          appOrigin,
          'mutation($k: String!) { payOut(input: { amount: 100, currency: "usd" }, idempotencyKey: $k) { id } }',
          bearer(payoutsOnly),
          { k: `embedded-sneaky-${i}` },
        ),
      ),
    );
    for (const refused of tries) expect(reasonOf(refused)).toBe('NOT_EMBEDDABLE');
    for (const mutation of [
      'mutation { signOut }',
      'mutation { startContactChange(kind: email, value: "thief@example.com") { id } }',
      'mutation { createApiKey { secret } }',
    ]) {
      const refused = await callFrom(appOrigin, mutation, bearer(payoutsOnly));
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    expect(await balanceOf(riderA.accountId)).toBe(before);
  });

  it('lets the calling origin read answers only for client-secret calls, never with cookies', async () => {
    const preflight = await fetch(`${stack.shellUrl}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: appOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(appOrigin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const secret = await clientSecretFor(riderA.accountId, ['balances']);
    const embedded = await callFrom(appOrigin, '{ me { id } }', bearer(secret));
    expect(embedded.allowOrigin).toBe(appOrigin);
    expect(embedded.allowCredentials).toBeNull();
    const plain = await callFrom(appOrigin, '{ __typename }');
    expect(plain.allowOrigin).toBeNull();
  });

  it('never lets another site act with the dashboard’s session cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInThroughLink(page, stack, riderA.path, 'embedded.a@example.com');
    const cookie = (await context.cookies())
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
    await context.close();
    const sameSite = await fetch(`${stack.shellUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(((await sameSite.json()) as Answer['body']).data).toEqual({
      me: { id: riderA.accountId },
    });
    // A sibling subdomain is same-site: SameSite=Lax lets the cookie go, the gateway does not.
    for (const [origin, site] of [
      [appOrigin, 'cross-site'],
      ['http://sibling.127.0.0.1.example', 'same-site'],
    ] as const) {
      const refused = await callFrom(origin, '{ me { id } }', { cookie, 'sec-fetch-site': site });
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    }
  });
});

describe('the platform’s page with embedded components', () => {
  it('shows the account’s balance and payouts, and a pay-out in one shows in the other', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const sentCookies: string[] = [];
    page.on('request', (request) => {
      const cookie = request.headers().cookie;
      if (cookie && request.url().startsWith(stack.shellUrl)) sentCookies.push(request.url());
    });
    await page.goto(`${platformServer.pageUrl}?account=${riderA.accountId}`);
    expect(new URL(page.url()).origin).toBe(appOrigin);

    const balance = page.locator('dash-balances [data-testid="balance-usd"]');
    await expect
      .poll(() => balance.textContent({ timeout: 20_000 }), { timeout: 30_000 })
      .toContain('Available to pay out$50.00');
    await page.locator('dash-payouts [data-testid="payouts-empty"]').waitFor({ timeout: 15_000 });
    // Rider B's $77.00 is nowhere on rider A's page.
    expect(await page.locator('main').textContent()).not.toContain('$77.00');

    await page.locator('dash-balances [data-testid="pay-out-usd"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').first().fill('20.00');
    await dialog.getByRole('button', { name: 'Pay out', exact: true }).click();
    await expect.poll(() => balance.textContent()).toContain('Available to pay out$30.00');
    // The payouts list, told by the balance card on the same page, shows it without a reload.
    await expect
      .poll(() => page.locator('dash-payouts [data-testid="payouts"] li').first().textContent())
      .toContain('$20.00');
    // A payout's details open in place: the address stays the platform's.
    await page.locator('dash-payouts [data-testid="payouts"] li button').first().click();
    await expect
      .poll(() => page.locator('dash-payouts [data-testid="payout-detail"]').textContent(), {
        timeout: 15_000,
      })
      .toContain('Simulated Bank •••• 6789');
    expect(new URL(page.url()).pathname).toBe('/');

    expect(await balanceOf(riderA.accountId)).toBe(3000);
    expect(await balanceOf(riderB.accountId)).toBe(7700);
    expect(sentCookies).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leads a new account from the banner into onboarding, in the platform’s page', async () => {
    const created = await asPlatform<{ createAccount: { id: string } }>(
      'mutation { createAccount(input: { email: "embedded.new@example.com", country: "US" }) { id } }',
    );
    const accountId = created.data!.createAccount.id;
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${platformServer.pageUrl}?account=${accountId}`);

    const banner = page.locator('dash-notification-banner [data-testid="banner-requirements"]');
    await banner.getByRole('link', { name: 'Continue setup' }).click({ timeout: 30_000 });
    // The page's own listener mounted onboarding beside the other components.
    const onboarding = page.locator('dash-account-onboarding');
    const stepTitle = onboarding.locator('[data-testid="step-title"]');
    await stepTitle.waitFor({ timeout: 15_000 });
    await onboarding.locator('[name="business_type"]').selectOption('individual');
    await onboarding.locator('[data-testid="continue"]').first().click();
    await expect.poll(() => stepTitle.textContent()).toContain('Business details');
    expect(new URL(page.url()).pathname).toBe('/');

    // Saved on the server, for this account.
    const saved = await asPlatform<{ account: { businessType: string | null } }>(
      'query($id: ID!) { account(id: $id) { businessType } }',
      { id: accountId },
    );
    expect(saved.data!.account.businessType).toBe('individual');

    // Leaving hands the page back: its listener takes the component away.
    await onboarding.locator('[data-testid="save-and-return"]').click();
    await onboarding.waitFor({ state: 'detached', timeout: 15_000 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks the platform for a new secret when one runs out, and carries on', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let sessionsAsked = 0;
    // The first secret handed over is one that no longer works (as after 30 minutes).
    await page.route('**/account-session**', async (route) => {
      sessionsAsked += 1;
      if (sessionsAsked === 1)
        return route.fulfill({ json: { clientSecret: `acss_${'0'.repeat(40)}` } });
      return route.continue();
    });
    await page.goto(`${platformServer.pageUrl}?account=${riderA.accountId}`);
    await expect
      .poll(() => page.locator('dash-balances [data-testid="balance-usd"]').textContent(), {
        timeout: 30_000,
      })
      .toContain('Available to pay out$30.00');
    expect(sessionsAsked).toBe(2);
    await context.close();
  });
});
