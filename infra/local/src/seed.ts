import type { DataSource } from 'typeorm';
import { createDataSource } from '@dash/db';
import type { BaseContext, ServiceDefinition } from '@dash/subgraph';
import { loadServiceConfig } from '@dash/subgraph';
import { identityService, seedIdentity } from '@dash/identity';
import { ledgerService, seedLedger } from '@dash/ledger';
import { payoutsService, seedPayouts } from '@dash/payouts';
import { disputesService, seedDisputes } from '@dash/disputes';
import { requestDelivery } from '@dash/contracts';
import {
  notificationsService,
  openDeliveryQueue,
  seedActivity,
  seedWebhookEndpoint,
} from '@dash/notifications';
import {
  buildDemoData,
  DEMO_ACCOUNT,
  DEMO_PLATFORM,
  DEMO_TEST_KEY,
  DEMO_WEBHOOK,
  NEW_ACCOUNT,
} from './demo.js';

type Env = Record<string, string | undefined>;

/** Opens one service's own database, as that service would, for the length of `work`. */
async function withServiceDatabase<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
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
export async function seedDemo(
  env: Env,
  dashboardUrl: string,
  now = new Date(),
  /**
   * The demo platform's server `npm start` runs: its webhooks go there and its page embeds
   * components. Without it, no webhook endpoint and no embedding origins.
   */
  platformServer?: { webhookUrl: string; origins: readonly string[] },
): Promise<void> {
  const webhookUrl = platformServer?.webhookUrl;
  const demo = buildDemoData(now);
  // The ledger, payouts and disputes each keep their own copy of the platform, features default.
  const platform = { id: demo.platform.id, name: demo.platform.name, features: {} };
  await Promise.all([
    withServiceDatabase(identityService, env, (db) =>
      seedIdentity(db, {
        platform: demo.platform,
        accounts: [...demo.accounts, NEW_ACCOUNT],
        apiKeys: [DEMO_TEST_KEY],
        ...(platformServer ? { testEmbedOrigins: [...platformServer.origins] } : {}),
      }),
    ),
    withServiceDatabase(ledgerService, env, (db) =>
      seedLedger(
        db,
        {
          platform,
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
          platform,
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
          platform,
          disputes: demo.disputes,
        },
        now,
      ),
    ),
    withServiceDatabase(notificationsService, env, async (db) => {
      await seedActivity(db, demo.activity);
      if (webhookUrl)
        await seedWebhookEndpoint(db, loadServiceConfig(notificationsService, env).internalSecret, {
          id: DEMO_WEBHOOK.id,
          platformId: DEMO_PLATFORM.id,
          livemode: false,
          url: webhookUrl,
          secret: DEMO_WEBHOOK.secret,
          description: 'The demo receiver npm start runs: it prints every event',
        });
    }),
    sendWelcome(env, dashboardUrl),
  ]);
}

/**
 * Tells the demo account its dashboard is ready, through the real delivery queue. The fixed
 * delivery id makes it a one-time message however often the stack restarts.
 */
async function sendWelcome(env: Env, dashboardUrl: string): Promise<void> {
  const delivery = openDeliveryQueue(
    env,
    loadServiceConfig(notificationsService, env).internalSecret,
  );
  try {
    await requestDelivery(delivery.queue, {
      deliveryId: 'dlv_0Demo0000000000000Welcome',
      accountId: DEMO_ACCOUNT.id,
      livemode: DEMO_ACCOUNT.livemode,
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

/** A GraphQL call as the demo platform's server makes it: with its test key. */
async function asDemoPlatform<T>(
  gatewayUrl: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${DEMO_TEST_KEY.secret}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T };
  if (!body.data) throw new Error(`The demo platform's request failed: ${JSON.stringify(body)}`);
  return body.data;
}

/** A fresh login link for the demo account. */
export async function demoLoginLink(gatewayUrl: string): Promise<string> {
  const data = await asDemoPlatform<{ createLoginLink: { url: string } }>(
    gatewayUrl,
    'mutation($account: ID!) { createLoginLink(account: $account) { url } }',
    { account: DEMO_ACCOUNT.id },
  );
  return data.createLoginLink.url;
}

/**
 * A fresh onboarding link for the demo's account that has not onboarded yet. A real platform
 * points both URLs at its own site; the demo has none, so both lead to the dashboard's sign-in.
 */
export async function demoAccountLink(gatewayUrl: string, dashboardUrl: string): Promise<string> {
  const data = await asDemoPlatform<{ createAccountLink: { url: string } }>(
    gatewayUrl,
    `mutation($account: ID!, $back: String!) {
      createAccountLink(account: $account, type: account_onboarding, refreshUrl: $back, returnUrl: $back) { url }
    }`,
    { account: NEW_ACCOUNT.id, back: new URL('/login', dashboardUrl).href },
  );
  return data.createAccountLink.url;
}
