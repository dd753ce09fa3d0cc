export { startStack, migrateAll, SERVICES, type RunningStack } from './stack.js';
export { seedDemo } from './seed.js';
export {
  buildDemoData,
  DEMO_ACCOUNT,
  DEMO_PLATFORM,
  DEMO_TEST_KEY,
  OTHER_ACCOUNT,
  US_TEST_PERSON,
} from './demo.js';
export { ensureMysql } from './mysql.js';
export { ensureRedis } from './redis.js';
export { prepareIsolatedStackEnv, type IsolatedStackEnv } from './isolated-env.js';
