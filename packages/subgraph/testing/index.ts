import { signCaller, type Caller } from '@dash/auth-context';
import { keyRing, SINGLE_SECRET_KID, TEST_INTERNAL_SECRET } from '@dash/config';
import { createLogger, type Logger } from '@dash/logger';
import {
  createTestDatabase,
  deleteRedisPrefix,
  graphqlRequest,
  testRedisPrefix,
  testRedisUrl,
  type GraphqlResponse,
} from '@dash/testing';
import {
  loadServiceConfig,
  migrateService,
  startService,
  type BaseContext,
  type RunningService,
  type ServiceDefinition,
  type SubgraphConfig,
} from '@dash/subgraph';
import { settingName } from '@dash/manifest';

export { TEST_INTERNAL_SECRET };

/** The key ring a service started with DASH_INTERNAL_SECRET=TEST_INTERNAL_SECRET holds. */
export const TEST_SECRET_KEYS = keyRing(`${SINGLE_SECRET_KID}:${TEST_INTERNAL_SECRET}`);

/** A caller header as the gateway would sign it for the `audience` service in the tests. */
export const testCallerHeader = (caller: Caller, audience: string) =>
  signCaller(caller, TEST_SECRET_KEYS, { audience });

export interface TestService extends RunningService {
  config: SubgraphConfig;
  /** Calls the subgraph as the gateway would, with `caller` signed in the caller header. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<GraphqlResponse<T>>;
  /** Stops the service and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts a service for one test file: its own fresh database, real migrations, a free port.
 * `env` adds settings (e.g. REDIS_URL and a Redis prefix for services with workers).
 */
export async function startTestService<Context extends BaseContext, App>(
  definition: ServiceDefinition<Context, App>,
  env: Record<string, string | undefined> = {},
  /** A logger of the test's own (e.g. one that captures lines); silent by default. */
  options: { log?: Logger } = {},
): Promise<TestService> {
  const db = await createTestDatabase(definition.name);
  // Services that use Redis get a key prefix of this test file's own unless the test chose one.
  const redisPrefix = env.DASH_REDIS_PREFIX ?? testRedisPrefix(definition.name);
  const fullEnv = {
    NODE_ENV: 'test',
    REDIS_URL: testRedisUrl(),
    ...env,
    DASH_REDIS_PREFIX: redisPrefix,
    MYSQL_URL: db.url,
    [settingName(definition.name, 'DATABASE')]: db.database,
    [settingName(definition.name, 'PORT')]: '0',
    // The tests' published secret, unless the test brings its own key ring.
    ...(env.DASH_SECRET_KEYS ? {} : { DASH_INTERNAL_SECRET: TEST_INTERNAL_SECRET }),
  };
  const config = loadServiceConfig(definition, fullEnv);
  await migrateService(definition, config);
  const service = await startService(definition, config, {
    env: fullEnv,
    log: options.log ?? createLogger(definition.name, process.env.LOG_LEVEL ?? 'silent'),
  });
  return {
    ...service,
    config,
    query: (query, variables = {}, caller = { kind: 'anonymous' }) =>
      graphqlRequest(service.url, query, variables, {
        'x-dash-caller': testCallerHeader(caller, definition.name),
      }),
    async close() {
      await service.stop();
      await db.drop();
      if (!env.DASH_REDIS_PREFIX) await deleteRedisPrefix(fullEnv.REDIS_URL!, redisPrefix);
    },
  };
}
export { accountCaller, accountReference, platformCaller } from './callers.js';
