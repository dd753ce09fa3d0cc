import type { DataSource } from 'typeorm';
import { createDataSource } from '@dash/db';
import type { BaseContext, ServiceDefinition } from '@dash/subgraph';
import { loadServiceConfig } from '@dash/subgraph';
import { identityService, seedIdentity } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { payoutsService, seedPayouts } from '@dash/payouts';
import { disputesService, seedDisputes } from '@dash/disputes';
import { requestDelivery } from '@dash/contracts';
import { notificationsService, openDeliveryQueue, seedActivity } from '@dash/notifications';
import { buildDemoData, DEMO_ACCOUNT, DEMO_PLATFORM, DEMO_TEST_KEY } from './demo.js';

type Env = Record<string, string | undefined>;

/** Opens one service's own database, as that service would, for the length of `work`. */
async function withServiceDatabase<Context extends BaseContext>(
  definition: ServiceDefinition<Context>,
  env: Env,
  work: (dataSource: DataSource) => Promise<void>,
): Promise<void> {
  const config = loadServiceConfig(definition, env);
  const dataSource = createDataSource({
    url: config.mysqlUrl,
    database: config.database,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: 2,
  });
  await dataSource.initialize();
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Seeds the demo platform into every service's database through that service's own seed
 * function: no service's tables are written by anyone else. Safe to run on every start.
 */
export async function seedDemo(env: Env, dashboardUrl: string, now = new Date()): Promise<void> {
  const demo = buildDemoData(now);
  await Promise.all([
    withServiceDatabase(identityService, env, (db) =>
      seedIdentity(db, {
        platform: demo.platform,
        accounts: demo.accounts,
        apiKeys: [DEMO_TEST_KEY],
      }),
    ),
    withServiceDatabase(ledgerService, env, (db) =>
      seedLedger(
        db,
        {
          platform: { id: demo.platform.id, name: demo.platform.name, features: {} },
          accounts: demo.accounts,
          charges: demo.charges,
          payouts: demo.payouts,
        },
        now,
      ),
    ),
    withServiceDatabase(payoutsService, env, (db) =>
      seedPayouts(
        db,
        {
          platform: { id: demo.platform.id, name: demo.platform.name, features: {} },
          accounts: demo.accounts,
          externalAccounts: demo.externalAccounts,
          schedules: demo.schedules,
          payouts: demo.payouts,
        },
        now,
      ),
    ),
    withServiceDatabase(disputesService, env, (db) =>
      seedDisputes(
        db,
        {
          platform: { id: demo.platform.id, name: demo.platform.name, features: {} },
          disputes: demo.disputes,
        },
        now,
      ),
    ),
    withServiceDatabase(notificationsService, env, (db) => seedActivity(db, demo.activity)),
    sendWelcome(env, dashboardUrl),
  ]);
}

/**
 * Tells the demo account its dashboard is ready, through the real delivery queue. The fixed
 * delivery id makes it a one-time message however often the stack restarts.
 */
async function sendWelcome(env: Env, dashboardUrl: string): Promise<void> {
  const delivery = openDeliveryQueue(env);
  try {
    await requestDelivery(delivery.queue, {
      deliveryId: 'dlv_0Demo0000000000000Welcome',
      accountId: DEMO_ACCOUNT.id,
      channel: 'email',
      to: DEMO_ACCOUNT.email,
      template: 'dashboard-ready',
      params: {
        name: DEMO_ACCOUNT.displayName,
        platformName: DEMO_PLATFORM.name,
        url: dashboardUrl,
      },
    });
  } finally {
    await delivery.close();
  }
}

/** A fresh login link for the demo account, asked for the way a platform would: with its key. */
export async function demoLoginLink(gatewayUrl: string): Promise<string> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DEMO_TEST_KEY.secret}`,
    },
    body: JSON.stringify({
      query: 'mutation($account: ID!) { createLoginLink(account: $account) { url } }',
      variables: { account: DEMO_ACCOUNT.id },
    }),
  });
  const body = (await response.json()) as { data?: { createLoginLink: { url: string } } };
  if (!body.data) throw new Error(`Could not make the demo login link: ${JSON.stringify(body)}`);
  return body.data.createLoginLink.url;
}
