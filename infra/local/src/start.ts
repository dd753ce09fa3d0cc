import { loadConfig, loadConfigOrExit, mysqlUrl, redisUrl } from '@dash/config';
import { DEMO_ACCOUNT, DEMO_PLATFORM, DEMO_TEST_KEY, DEMO_WEBHOOK, NEW_ACCOUNT } from './demo.js';
import { ensureMysql } from './mysql.js';
import type { ManagedProcess } from './processes.js';
import { ensureRedis } from './redis.js';
import { demoAccountLink, demoLoginLink, seedDemo } from './seed.js';
import { processMode, startStackInProcesses, type PartsStack } from './parts.js';
import { migrateAll, startStack } from './stack.js';
import { startDemoPlatformServer } from './demo-platform-server.js';

/**
 * `npm start`: one command from a fresh clone to a running dashboard with demo data.
 * Ctrl-C stops everything it started, including any database it had to start itself.
 */
const startedAt = Date.now();
const env: Record<string, string | undefined> = { ...process.env };
// `npm start` is the local stack: it says so, which is what lets the services fall back to the
// development secret and serve the dev outbox. Anything started another way must say where it
// runs (NODE_ENV) itself, or refuses to start.
env.NODE_ENV ??= 'development';
const { MYSQL_URL, REDIS_URL } = loadConfigOrExit(() =>
  loadConfig({ MYSQL_URL: mysqlUrl(), REDIS_URL: redisUrl() }, env),
);
const step = (message: string) => console.log(`• ${message}`);

const managed: ManagedProcess[] = [];
try {
  step(`MySQL/MariaDB at ${MYSQL_URL}, Redis at ${REDIS_URL}`);
  for (const started of await Promise.all([ensureMysql(MYSQL_URL), ensureRedis(REDIS_URL)])) {
    if (started) {
      managed.push(started);
      step(`started ${started.name} under .data/ (stops with this command)`);
    }
  }
  step('migrating every service database');
  await migrateAll(env);
  // The demo platform's server: it prints the webhooks it gets and serves a page with embedded
  // components. A taken port only costs the demo.
  const platformServer = await startDemoPlatformServer(
    DEMO_WEBHOOK.secret,
    Number(env.DASH_DEMO_PLATFORM_PORT ?? DEMO_WEBHOOK.port),
  ).catch((error: Error) => {
    step(`no demo platform server (${error.message})`);
    return undefined;
  });
  if (platformServer) managed.push({ name: 'demo platform server', stop: platformServer.stop });
  step('seeding the demo platform');
  env.DASH_DASHBOARD_URL ??= `http://${env.DASH_SHELL_HOST ?? '127.0.0.1'}:${env.DASH_SHELL_PORT ?? 9000}`;
  await seedDemo(env, env.DASH_DASHBOARD_URL, new Date(), platformServer);
  // Convenience for local work: without a session, the dashboard shows the demo account.
  env.DASH_DEV_ACCOUNT_ID ??= DEMO_ACCOUNT.id;
  env.DASH_DEV_PLATFORM_ID ??= DEMO_PLATFORM.id;
  env.LOG_LEVEL ??= 'warn';
  process.env.LOG_LEVEL = env.LOG_LEVEL;
  const mode = processMode(env);
  let stack: PartsStack | undefined = undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping…');
    await stack?.stop();
    for (const server of managed) await server.stop();
    process.exit(code);
  };
  // Parts still starting in processes of their own are stopped, not left behind; a closed
  // terminal counts too, since in their own process groups the parts would not hear of it.
  const starting = new AbortController();
  const onSignal = () => {
    if (stack) void stop(0);
    else if (mode === 'per-part') starting.abort();
    else process.exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  step(mode === 'per-part' ? 'starting each part in a process of its own' : 'starting every part');
  stack =
    mode === 'per-part'
      ? await startStackInProcesses(env, {
          signal: starting.signal,
          onPartExit: (part, code) => {
            console.error(`${part} exited (code ${code}): the stack is incomplete, stopping it`);
            void stop(1);
          },
        })
      : await startStack(env);
  const loginUrl = await demoLoginLink(stack.gatewayUrl);
  const onboardingUrl = await demoAccountLink(stack.gatewayUrl, stack.shellUrl);
  platformServer?.connect({
    gatewayUrl: stack.gatewayUrl,
    dashboardUrl: stack.shellUrl,
    apiKey: DEMO_TEST_KEY.secret,
    accountId: DEMO_ACCOUNT.id,
  });

  console.log(`
Express Dashboard is up in ${((Date.now() - startedAt) / 1000).toFixed(1)}s

  Dashboard      ${stack.shellUrl}
  GraphQL        ${stack.gatewayUrl}
${stack.services.map((s) => `  ${s.name.padEnd(15)}${s.url}`).join('\n')}

Sign in as ${DEMO_ACCOUNT.displayName} (test mode: type 000000, or read the code at
  ${stack.services.find((s) => s.name === 'notifications')!.url.replace('/graphql', '/dev/outbox')}):
  ${loginUrl}   (single use, 5 minutes)
Until then the dashboard shows ${DEMO_ACCOUNT.displayName}'s data as the development account.
Onboard ${NEW_ACCOUNT.displayName}, a new account, as its owner would (test id number 000000000):
  ${onboardingUrl}
${
  platformServer
    ? `${DEMO_PLATFORM.name}'s own app shows the balance, payouts and payments as embedded components:
  ${platformServer.demoUrl}
${DEMO_PLATFORM.name}'s webhooks (every event type) are verified and printed here as they
  arrive, by its server at ${platformServer.webhookUrl}.
`
    : ''
}${DEMO_PLATFORM.name}'s test API key: ${DEMO_TEST_KEY.secret}
  curl -s ${stack.gatewayUrl} -H 'authorization: Bearer ${DEMO_TEST_KEY.secret}' \\
    -H 'content-type: application/json' -d '{"query":"{ apiKeys { id last4 } }"}'

Ctrl-C stops everything.
`);
} catch (error) {
  for (const server of managed) await server.stop();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
