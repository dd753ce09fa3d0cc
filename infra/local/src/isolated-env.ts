import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  deleteRedisPrefix,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from '@dash/testing';
import { TEST_INTERNAL_SECRET } from '@dash/config';
import { settingName } from '@dash/manifest';
import { DEMO_ACCOUNT, DEMO_PLATFORM } from './demo.js';
import { seedDemo } from './seed.js';
import { migrateAll, SERVICES } from './stack.js';

export interface IsolatedStackEnv {
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * The environment for a whole stack owned by one test file or benchmark run: a fresh database
 * per service and its own Redis prefix, migrated and seeded with the demo platform.
 */
export async function prepareIsolatedStackEnv(label: string): Promise<IsolatedStackEnv> {
  const databases: TestDatabase[] = await Promise.all(
    SERVICES.map((service) => createTestDatabase(`${label}_${service.name}`)),
  );
  const prefix = testRedisPrefix(label);
  const files = await mkdtemp(join(tmpdir(), `dash-${label}-files-`));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    MYSQL_URL: databases[0]!.url,
    REDIS_URL: testRedisUrl(),
    DASH_REDIS_PREFIX: prefix,
    DASH_INTERNAL_SECRET: TEST_INTERNAL_SECRET,
    DASH_FILE_STORAGE_DIR: files,
    DASH_DEV_ACCOUNT_ID: DEMO_ACCOUNT.id,
    DASH_DEV_PLATFORM_ID: DEMO_PLATFORM.id,
    ...Object.fromEntries(
      SERVICES.map((service, index) => [
        settingName(service.name, 'DATABASE'),
        databases[index]!.database,
      ]),
    ),
  };
  await migrateAll(env);
  await seedDemo(env, 'http://127.0.0.1:9000');
  return {
    env,
    async cleanup() {
      await Promise.all(databases.map((database) => database.drop()));
      await deleteRedisPrefix(testRedisUrl(), prefix);
      await rm(files, { recursive: true, force: true });
    },
  };
}
