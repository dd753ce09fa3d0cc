export {
  createTestDatabase,
  testMysqlUrl,
  testRedisPrefix,
  testRedisUrl,
  type TestDatabase,
} from './database.js';
export { deleteRedisPrefix } from './redis.js';
export { graphqlRequest, type GraphqlResponse } from './graphql.js';
export { freePort } from './ports.js';
export { startTestSmtpServer, type TestSmtpServer } from './smtp.js';
export { scrapeMetric } from './metrics.js';
export { waitFor } from './wait.js';
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';
