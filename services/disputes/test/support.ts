import { randomUUID } from 'node:crypto';
import { signCaller, type Caller } from '@dash/auth-context';
import { ledgerService } from '@dash/ledger';
import { ONBOARDED, rememberAccount, savePlatform } from '@dash/subgraph';
import {
  platformCaller,
  startTestService,
  TEST_SECRET_KEYS,
  type TestService,
} from '@dash/subgraph/testing';
import { graphqlRequest, type GraphqlResponse } from '@dash/testing';
import { disputesService } from '../src/index.js';

/** What the disputes tests share: a ledger beside the disputes service, accounts, payments. */
export const DAY = 24 * 3600 * 1000;
export const platformA = platformCaller('plat_a');
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export interface Services {
  ledger: TestService;
  disputes: TestService;
}

export const call = <T>(service: TestService, caller: Caller, query: string, variables = {}) =>
  graphqlRequest<T>(service.url, query, variables, {
    'x-dash-caller': signCaller(caller, TEST_SECRET_KEYS, { audience: service.name }),
  });

export const extensionsOf = (response: GraphqlResponse<unknown>) =>
  response.errors?.[0]?.extensions as Record<string, unknown> | undefined;

export const reasonOf = (response: GraphqlResponse<unknown>) => extensionsOf(response)?.reason;

/** A fresh key, so no two requests of a test run share one by accident. */
export const freshKey = (prefix: string) => `${prefix}-${randomUUID()}`;

/** The ledger, then the disputes service calling it with `env`; both know plat_a, no switches. */
export async function startWithLedger(
  env: Record<string, string>,
  ledgerEnv: Record<string, string> = {},
): Promise<Services> {
  const ledger = await startTestService(ledgerService, ledgerEnv);
  await ledger.dataSource.transaction((manager) =>
    savePlatform(manager, { id: 'plat_a', name: 'Rocket Rides', features: {} }, new Date()),
  );
  const disputes = await startTestService(disputesService, { DASH_LEDGER_URL: ledger.url, ...env });
  await setFeatures(disputes, {});
  return { ledger, disputes };
}

export async function stopServices(services: Partial<Services>) {
  await services.disputes?.close();
  await services.ledger?.close();
}

/** Switches plat_a's features, as identity's platform.updated would tell the disputes service. */
export async function setFeatures(disputes: TestService, features: Record<string, boolean>) {
  await disputes.dataSource.transaction((manager) =>
    savePlatform(manager, { id: 'plat_a', name: 'Rocket Rides', features }, new Date()),
  );
}

/** A new onboarded account of plat_a, known to both services (identity is never asked). */
export async function newAccount({ ledger, disputes }: Services, prefix: string): Promise<string> {
  const accountId = `acct_${prefix}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const owner = { accountId, platformId: 'plat_a', livemode: false };
  await ledger.dataSource.transaction((manager) => rememberAccount(manager, owner, ONBOARDED));
  await disputes.dataSource.transaction((manager) => rememberAccount(manager, owner, ONBOARDED));
  return accountId;
}

/** A payment of `amount` to the account, settled (available) at once; answers its id. */
export async function settledPayment(
  { ledger }: Services,
  accountId: string,
  amount = 10_000,
): Promise<string> {
  const charged = await call<{ createCharge: { id: string } }>(
    ledger,
    platformA,
    'mutation($a: ID!, $n: SafeInt!, $k: String!) { createCharge(input: { account: $a, amount: $n, currency: "usd" }, idempotencyKey: $k) { id } }',
    { a: accountId, n: amount, k: freshKey('charge') },
  );
  await ledger.dataSource.query(
    'UPDATE balance_transactions SET available_on = ? WHERE account_id = ?',
    [new Date(Date.now() - DAY), accountId],
  );
  return charged.data!.createCharge.id;
}

/** POST /files as `caller`: the file's bytes, its name percent-encoded. */
export async function uploadFile(
  disputes: TestService,
  caller: Caller,
  {
    bytes = PNG,
    name = 'receipt.png',
    query = '',
  }: { bytes?: Buffer; name?: string; query?: string },
) {
  const response = await fetch(new URL(`/files${query}`, disputes.url), {
    method: 'POST',
    headers: {
      'x-dash-caller': signCaller(caller, TEST_SECRET_KEYS, { audience: 'disputes' }),
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
    },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A new account (see newAccount) with a settled payment of `amount`; answers both. */
export async function accountWithPayment(services: Services, prefix: string, amount = 10_000) {
  const accountId = await newAccount(services, prefix);
  return { accountId, chargeId: await settledPayment(services, accountId, amount) };
}
